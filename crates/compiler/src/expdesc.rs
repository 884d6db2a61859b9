//! Expression descriptors and their discharge into registers (Lua 5.4's `expdesc`).
//!
//! An [`ExpDesc`] describes a compiled-but-not-yet-placed expression: a constant, a
//! variable, a pending load whose destination register can still be chosen (`Reloc`), a
//! value in a fixed register (`NonReloc`), a pending comparison (`Jmp`), or an open call /
//! vararg whose result count can still be chosen. `t`/`f` are the jump lists taken when
//! the expression is true / false (from `&&`, `||`, comparisons).
//!
//! Invariant: discharging functions free temporaries stack-like (see `FuncState`).

use crate::bytecode::{Instr, Op};
use crate::funcstate::{CResult, FuncState, NO_JUMP, NO_REG};
use crate::proto::Constant;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum EK {
    Nil,
    True,
    False,
    Int(i64),
    Float(f64),
    Str(Rc<[u8]>),
    /// Value in a fixed register.
    NonReloc(usize),
    /// A local variable's register.
    Local(usize),
    Upval(usize),
    /// Global; the payload is the constant index of its name.
    Global(u32),
    /// `R[t][R[key]]`
    Indexed { t: usize, key: usize },
    /// `R[t][K[k]]` with a string constant k <= 255.
    IndexStr { t: usize, k: usize },
    /// `R[t][i]` with 0 <= i <= 255.
    IndexInt { t: usize, i: usize },
    /// Instruction at pc whose A (destination) is still to be set.
    Reloc(usize),
    /// Comparison; payload is the pc of its `JMP`.
    Jmp(usize),
    /// Open call at pc (one result unless changed).
    Call(usize),
    /// Open `VARARG` at pc.
    Vararg(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExpDesc {
    pub k: EK,
    pub t: i32,
    pub f: i32,
}

impl ExpDesc {
    pub fn new(k: EK) -> ExpDesc {
        ExpDesc { k, t: NO_JUMP, f: NO_JUMP }
    }
    pub fn has_jumps(&self) -> bool {
        self.t != self.f
    }
    pub fn is_multret(&self) -> bool {
        matches!(self.k, EK::Call(_) | EK::Vararg(_))
    }
    /// A numeric literal without pending jumps.
    pub fn numeral(&self) -> Option<Num> {
        if self.has_jumps() {
            return None;
        }
        match self.k {
            EK::Int(i) => Some(Num::Int(i)),
            EK::Float(f) => Some(Num::Float(f)),
            _ => None,
        }
    }
    /// A literal usable as an `EQK` operand.
    pub fn is_literal(&self) -> bool {
        !self.has_jumps() && matches!(self.k, EK::Nil | EK::True | EK::False | EK::Int(_) | EK::Float(_) | EK::Str(_))
    }
    /// A number literal with an integral value fitting a signed 8-bit immediate, and
    /// whether it was a float (`4.0`), for the immediate comparisons.
    pub fn small_imm(&self) -> Option<(i64, bool)> {
        match self.numeral() {
            Some(Num::Int(i)) if fits_s8(i) => Some((i, false)),
            Some(Num::Float(f)) => crate::fold::float_to_int(f).filter(|&i| fits_s8(i) && (i != 0 || f.is_sign_positive())).map(|i| (i, true)),
            _ => None,
        }
    }
    pub fn reg(&self) -> usize {
        match self.k {
            EK::NonReloc(r) | EK::Local(r) => r,
            _ => NO_REG as usize,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

pub fn fits_s8(i: i64) -> bool {
    (-128..=127).contains(&i)
}

/// Encodes a signed 8-bit immediate.
pub fn s8(i: i64) -> usize {
    (i + 128) as usize
}

impl FuncState {
    pub fn free_exp(&mut self, e: &ExpDesc) {
        if let EK::NonReloc(r) = e.k {
            self.free_reg(r);
        }
    }

    pub fn free_exps(&mut self, e1: &ExpDesc, e2: &ExpDesc) {
        match (&e1.k, &e2.k) {
            (EK::NonReloc(r1), EK::NonReloc(r2)) => self.free_regs(*r1, *r2),
            _ => {
                self.free_exp(e1);
                self.free_exp(e2);
            }
        }
    }

    /// Fixes the number of results of an open call / vararg (`n == -1`: all).
    pub fn set_returns(&mut self, e: &mut ExpDesc, n: i32) -> CResult<()> {
        match e.k {
            EK::Call(pc) => {
                let i = self.instr(pc).with_c((n + 1) as u8);
                self.set_instr(pc, i);
            }
            EK::Vararg(pc) => {
                let i = self.instr(pc).with_c((n + 1) as u8).with_a(self.freereg as u8);
                self.set_instr(pc, i);
                self.reserve_regs(1)?;
            }
            _ => {}
        }
        Ok(())
    }

    pub fn set_oneret(&mut self, e: &mut ExpDesc) {
        match e.k {
            EK::Call(pc) => e.k = EK::NonReloc(self.instr(pc).a()),
            EK::Vararg(pc) => {
                let i = self.instr(pc).with_c(2);
                self.set_instr(pc, i);
                e.k = EK::Reloc(pc);
            }
            _ => {}
        }
    }

    /// Turns a variable into a value (emitting the load as relocatable).
    pub fn discharge_vars(&mut self, e: &mut ExpDesc) {
        match e.k {
            EK::Local(r) => e.k = EK::NonReloc(r),
            EK::Upval(i) => e.k = EK::Reloc(self.emit_abc(Op::GETUPVAL, 0, i, 0)),
            EK::Global(k) => e.k = EK::Reloc(self.emit_abx(Op::GETGLOBAL, 0, k)),
            EK::IndexStr { t, k } => {
                self.free_reg(t);
                e.k = EK::Reloc(self.emit_abc(Op::GETFIELD, 0, t, k));
            }
            EK::IndexInt { t, i } => {
                self.free_reg(t);
                e.k = EK::Reloc(self.emit_abc(Op::GETI, 0, t, i));
            }
            EK::Indexed { t, key } => {
                self.free_regs(t, key);
                e.k = EK::Reloc(self.emit_abc(Op::GETTABLE, 0, t, key));
            }
            EK::Call(_) | EK::Vararg(_) => self.set_oneret(e),
            _ => {}
        }
    }

    /// Emits the read of a variable without freeing its operand registers (compound
    /// assignment reuses them for the store).
    pub fn read_var_keep(&mut self, var: &ExpDesc) -> ExpDesc {
        let k = match var.k {
            EK::IndexStr { t, k } => EK::Reloc(self.emit_abc(Op::GETFIELD, 0, t, k)),
            EK::IndexInt { t, i } => EK::Reloc(self.emit_abc(Op::GETI, 0, t, i)),
            EK::Indexed { t, key } => EK::Reloc(self.emit_abc(Op::GETTABLE, 0, t, key)),
            ref other => other.clone(),
        };
        let mut e = ExpDesc::new(k);
        self.discharge_vars(&mut e);
        e
    }

    fn discharge2reg(&mut self, e: &mut ExpDesc, reg: usize) -> CResult<()> {
        self.discharge_vars(e);
        match e.k.clone() {
            EK::Nil => self.load_nil(reg, 1),
            EK::False => {
                self.emit_abc(Op::LOADFALSE, reg, 0, 0);
            }
            EK::True => {
                self.emit_abc(Op::LOADTRUE, reg, 0, 0);
            }
            EK::Str(s) => {
                let k = self.add_k(Constant::Str(s))?;
                self.emit_abx(Op::LOADK, reg, k);
            }
            EK::Int(i) => self.load_int(reg, i)?,
            EK::Float(f) => self.load_float(reg, f)?,
            EK::Reloc(pc) => {
                let i = self.instr(pc).with_a(reg as u8);
                self.set_instr(pc, i);
            }
            EK::NonReloc(r) => {
                if r != reg {
                    self.emit_abc(Op::MOVE, reg, r, 0);
                }
            }
            EK::Jmp(_) => return Ok(()),
            _ => {
                debug_assert!(false, "discharge2reg of {:?}", e.k);
                return Ok(());
            }
        }
        e.k = EK::NonReloc(reg);
        Ok(())
    }

    fn discharge2anyreg(&mut self, e: &mut ExpDesc) -> CResult<()> {
        if !matches!(e.k, EK::NonReloc(_)) {
            self.reserve_regs(1)?;
            let r = self.freereg - 1;
            self.discharge2reg(e, r)?;
        }
        Ok(())
    }

    fn code_loadbool(&mut self, reg: usize, op: Op) -> usize {
        self.get_label();
        self.emit_abc(op, reg, 0, 0)
    }

    /// Places the value (including pending jumps) in register `reg`.
    pub fn exp2reg(&mut self, e: &mut ExpDesc, reg: usize) -> CResult<()> {
        self.discharge2reg(e, reg)?;
        if let EK::Jmp(pc) = e.k {
            let mut t = e.t;
            self.concat(&mut t, pc as i32);
            e.t = t;
        }
        if e.has_jumps() {
            let mut p_f = 0usize;
            let mut p_t = 0usize;
            let need = self.need_value(e.t) || self.need_value(e.f);
            if need {
                let fj = if matches!(e.k, EK::Jmp(_)) { NO_JUMP } else { self.jump() };
                p_f = self.code_loadbool(reg, Op::LOADFALSE);
                self.emit(Instr::jump(Op::JMP, 1));
                p_t = self.code_loadbool(reg, Op::LOADTRUE);
                self.patch_to_here(fj);
            }
            let fin = self.get_label();
            if !need {
                p_f = fin;
                p_t = fin;
            }
            self.patch_list_aux(e.f, fin, reg as u8, p_f);
            self.patch_list_aux(e.t, fin, reg as u8, p_t);
        }
        e.t = NO_JUMP;
        e.f = NO_JUMP;
        e.k = EK::NonReloc(reg);
        Ok(())
    }

    pub fn exp2nextreg(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e);
        self.free_exp(e);
        self.reserve_regs(1)?;
        let r = self.freereg - 1;
        self.exp2reg(e, r)
    }

    pub fn exp2anyreg(&mut self, e: &mut ExpDesc) -> CResult<usize> {
        self.discharge_vars(e);
        if let EK::NonReloc(r) = e.k {
            if !e.has_jumps() {
                return Ok(r);
            }
            if r >= self.nvarstack() {
                self.exp2reg(e, r)?;
                return Ok(r);
            }
        }
        self.exp2nextreg(e)?;
        Ok(e.reg())
    }

    pub fn exp2val(&mut self, e: &mut ExpDesc) -> CResult<()> {
        if e.has_jumps() {
            self.exp2anyreg(e)?;
        } else {
            self.discharge_vars(e);
        }
        Ok(())
    }

    fn jump_on_cond(&mut self, e: &mut ExpDesc, cond: bool) -> CResult<i32> {
        if let EK::Reloc(pc) = e.k {
            let ie = self.instr(pc);
            if ie.op() == Op::NOT && pc + 1 == self.pc() {
                self.remove_last_instruction();
                return Ok(self.cond_jump(Op::TEST, ie.b(), 0, !cond));
            }
        }
        self.discharge2anyreg(e)?;
        self.free_exp(e);
        Ok(self.cond_jump(Op::TESTSET, NO_REG as usize, e.reg(), cond))
    }

    /// Falls through if true, jumps (list `e.f`) if false.
    pub fn go_if_true(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e);
        let pc = match e.k {
            EK::Jmp(pc) => {
                self.negate_condition(pc);
                pc as i32
            }
            EK::Int(_) | EK::Float(_) | EK::Str(_) | EK::True => NO_JUMP,
            _ => self.jump_on_cond(e, false)?,
        };
        let mut f = e.f;
        self.concat(&mut f, pc);
        e.f = f;
        self.patch_to_here(e.t);
        e.t = NO_JUMP;
        Ok(())
    }

    /// Falls through if false, jumps (list `e.t`) if true.
    pub fn go_if_false(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e);
        let pc = match e.k {
            EK::Jmp(pc) => pc as i32,
            EK::Nil | EK::False => NO_JUMP,
            _ => self.jump_on_cond(e, true)?,
        };
        let mut t = e.t;
        self.concat(&mut t, pc);
        e.t = t;
        self.patch_to_here(e.f);
        e.f = NO_JUMP;
        Ok(())
    }

    /// `!e`
    pub fn code_not(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e);
        match e.k {
            EK::Nil | EK::False => e.k = EK::True,
            EK::Int(_) | EK::Float(_) | EK::Str(_) | EK::True => e.k = EK::False,
            EK::Jmp(pc) => self.negate_condition(pc),
            EK::Reloc(_) | EK::NonReloc(_) => {
                self.discharge2anyreg(e)?;
                self.free_exp(e);
                e.k = EK::Reloc(self.emit_abc(Op::NOT, 0, e.reg(), 0));
            }
            _ => debug_assert!(false, "code_not of {:?}", e.k),
        }
        std::mem::swap(&mut e.t, &mut e.f);
        self.remove_values(e.f);
        self.remove_values(e.t);
        Ok(())
    }

    /// Stores value `e` into variable `var`.
    pub fn store_var(&mut self, var: &ExpDesc, e: &mut ExpDesc) -> CResult<()> {
        if let EK::Local(r) = var.k {
            self.free_exp(e);
            return self.exp2reg(e, r);
        }
        let r = self.exp2anyreg(e)?;
        self.store_from_reg(var, r)?;
        self.free_exp(e);
        Ok(())
    }

    /// Stores register `r` into variable `var` (no register bookkeeping).
    pub fn store_from_reg(&mut self, var: &ExpDesc, r: usize) -> CResult<()> {
        match var.k {
            EK::Local(l) => {
                if l != r {
                    self.emit_abc(Op::MOVE, l, r, 0);
                }
            }
            EK::Upval(i) => {
                self.emit_abc(Op::SETUPVAL, r, i, 0);
            }
            EK::Global(k) => {
                self.emit_abx(Op::SETGLOBAL, r, k);
            }
            EK::IndexStr { t, k } => {
                self.emit_abc(Op::SETFIELD, t, k, r);
            }
            EK::IndexInt { t, i } => {
                self.emit_abc(Op::SETI, t, i, r);
            }
            EK::Indexed { t, key } => {
                self.emit_abc(Op::SETTABLE, t, key, r);
            }
            _ => debug_assert!(false, "store to {:?}", var.k),
        }
        Ok(())
    }

    /// Makes `t` (already in a register) indexed by `key`, choosing GETFIELD/GETI forms.
    pub fn indexed(&mut self, treg: usize, key: &mut ExpDesc) -> CResult<EK> {
        if !key.has_jumps() {
            match &key.k {
                EK::Str(s) => {
                    let k = self.add_k(Constant::Str(s.clone()))? as usize;
                    if k <= 255 {
                        return Ok(EK::IndexStr { t: treg, k });
                    }
                }
                EK::Int(i) if (0..=255).contains(i) => return Ok(EK::IndexInt { t: treg, i: *i as usize }),
                _ => {}
            }
        }
        let kr = self.exp2anyreg(key)?;
        Ok(EK::Indexed { t: treg, key: kr })
    }
}
