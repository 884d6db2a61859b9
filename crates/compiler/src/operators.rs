//! Code generation for unary, binary and logical operators (Lua's `luaK_prefix`,
//! `luaK_infix`, `luaK_posfix`).
//!
//! The left operand is prepared by [`FuncState::infix`] before the right operand is
//! compiled (so evaluation is left to right); numeric literals are kept undischarged so
//! they can be folded or turned into immediate / constant operands. Immediate and `K`
//! forms are only used when the literal is the RIGHT operand (metamethods receive the
//! operands in source order), except for equality, where operand order is unobservable
//! when one side is a literal, and for order comparisons, which have explicit
//! swapped-operand ops (`GTI`, `GEI`).

use crate::bytecode::Op;
use crate::expdesc::{fits_s8, s8, ExpDesc, Num, EK};
use crate::fold::{fold_binary, fold_unary, float_to_int};
use crate::funcstate::{CResult, FuncState};
use crate::proto::Constant;
use syntax::ast::{BinOp, LogicOp, UnOp};

fn num_to_ek(n: Num) -> EK {
    match n {
        Num::Int(i) => EK::Int(i),
        Num::Float(f) => EK::Float(f),
    }
}

impl FuncState {
    /// Emits a unary op on `e` as a relocatable instruction.
    fn code_unexpval(&mut self, op: Op, e: &mut ExpDesc) -> CResult<()> {
        let r = self.exp2anyreg(e)?;
        self.free_exp(e);
        e.k = EK::Reloc(self.emit_abc(op, 0, r, 0));
        Ok(())
    }

    pub fn prefix(&mut self, op: UnOp, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e);
        match op {
            UnOp::Neg | UnOp::BNot => {
                if let Some(n) = e.numeral() {
                    if let Some(r) = fold_unary(op, n) {
                        e.k = num_to_ek(r);
                        return Ok(());
                    }
                }
                self.code_unexpval(if op == UnOp::Neg { Op::UNM } else { Op::BNOT }, e)
            }
            UnOp::Len => self.code_unexpval(Op::LEN, e),
            UnOp::Recv => self.code_unexpval(Op::RECV, e),
            UnOp::Not => self.code_not(e),
        }
    }

    pub fn infix(&mut self, op: BinOp, v: &mut ExpDesc) -> CResult<()> {
        match op {
            BinOp::Concat => self.exp2nextreg(v)?,
            BinOp::Eq | BinOp::Ne => {
                if !v.is_literal() {
                    self.exp2anyreg(v)?;
                }
            }
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                if v.small_imm().is_none() {
                    self.exp2anyreg(v)?;
                }
            }
            _ => {
                if v.numeral().is_none() {
                    self.exp2anyreg(v)?;
                }
            }
        }
        Ok(())
    }

    pub fn posfix(&mut self, op: BinOp, e1: &mut ExpDesc, mut e2: ExpDesc, line: u32) -> CResult<()> {
        self.discharge_vars(&mut e2);
        match op {
            BinOp::Concat => {
                self.exp2nextreg(&mut e2)?;
                self.line = line;
                self.code_concat(e1, &e2);
            }
            BinOp::Eq | BinOp::Ne => {
                self.line = line;
                self.code_eq(op == BinOp::Eq, e1, e2)?;
            }
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                self.line = line;
                self.code_order(op, e1, e2)?;
            }
            _ => {
                if let (Some(a), Some(b)) = (e1.numeral(), e2.numeral()) {
                    if let Some(r) = fold_binary(op, a, b) {
                        e1.k = num_to_ek(r);
                        return Ok(());
                    }
                }
                self.line = line;
                self.code_arith(op, e1, e2)?;
            }
        }
        Ok(())
    }

    pub fn logical_infix(&mut self, op: LogicOp, v: &mut ExpDesc) -> CResult<()> {
        match op {
            LogicOp::And => self.go_if_true(v),
            LogicOp::Or => self.go_if_false(v),
        }
    }

    pub fn logical_posfix(&mut self, op: LogicOp, e1: &mut ExpDesc, mut e2: ExpDesc) {
        self.discharge_vars(&mut e2);
        match op {
            LogicOp::And => {
                let mut f = e2.f;
                self.concat(&mut f, e1.f);
                e2.f = f;
            }
            LogicOp::Or => {
                let mut t = e2.t;
                self.concat(&mut t, e1.t);
                e2.t = t;
            }
        }
        *e1 = e2;
    }

    fn code_concat(&mut self, e1: &mut ExpDesc, e2: &ExpDesc) {
        let r1 = e1.reg();
        if let Some(prev) = self.previous_instruction() {
            if prev.op() == Op::CONCAT && prev.a() == r1 + 1 && e2.reg() == r1 + 1 {
                let n = prev.b();
                self.free_exp(e2);
                let pc = self.pc() - 1;
                self.set_instr(pc, prev.with_a(r1 as u8).with_b((n + 1) as u8));
                return;
            }
        }
        self.emit_abc(Op::CONCAT, r1, 2, 0);
        self.free_exp(e2);
    }

    /// A constant index usable as an 8-bit operand, if `e` is a suitable literal.
    fn small_k(&mut self, e: &ExpDesc) -> CResult<Option<usize>> {
        let c = match &e.k {
            _ if e.has_jumps() => return Ok(None),
            EK::Nil => Constant::Nil,
            EK::True => Constant::Bool(true),
            EK::False => Constant::Bool(false),
            EK::Int(i) => Constant::Int(*i),
            EK::Float(f) => Constant::Float(*f),
            EK::Str(s) => Constant::Str(s.clone()),
            _ => return Ok(None),
        };
        let k = self.add_k(c)? as usize;
        Ok(if k <= 255 { Some(k) } else { None })
    }

    fn code_arith(&mut self, op: BinOp, e1: &mut ExpDesc, mut e2: ExpDesc) -> CResult<()> {
        let mut op = op;
        if op == BinOp::BAndNot {
            // a &^ b  ==  a & (^b)
            match e2.numeral().and_then(|n| match n {
                Num::Int(i) => Some(i),
                Num::Float(f) => float_to_int(f),
            }) {
                Some(i) if matches!(e2.k, EK::Int(_)) => e2.k = EK::Int(!i),
                _ => {
                    self.code_unexpval(Op::BNOT, &mut e2)?;
                }
            }
            op = BinOp::BAnd;
        }
        // Immediate / constant right operand.
        if let Some(n) = e2.numeral() {
            let imm = match (op, n) {
                (BinOp::Add, Num::Int(i)) if fits_s8(i) => Some((Op::ADDI, s8(i))),
                (BinOp::Shl, Num::Int(i)) if fits_s8(i) => Some((Op::SHLI, s8(i))),
                (BinOp::Shr, Num::Int(i)) if fits_s8(i) => Some((Op::SHRI, s8(i))),
                _ => None,
            };
            let kop = match (op, n) {
                (BinOp::Add, _) => Some(Op::ADDK),
                (BinOp::Sub, _) => Some(Op::SUBK),
                (BinOp::Mul, _) => Some(Op::MULK),
                (BinOp::Mod, _) => Some(Op::MODK),
                (BinOp::Pow, _) => Some(Op::POWK),
                (BinOp::Div, _) => Some(Op::DIVK),
                (BinOp::BAnd, Num::Int(_)) => Some(Op::BANDK),
                (BinOp::BOr, Num::Int(_)) => Some(Op::BORK),
                (BinOp::BXor, Num::Int(_)) => Some(Op::BXORK),
                _ => None,
            };
            let chosen = match (imm, kop) {
                (Some(x), _) => Some(x),
                (None, Some(kop)) => self.small_k(&e2)?.map(|k| (kop, k)),
                _ => None,
            };
            if let Some((iop, c)) = chosen {
                let r1 = self.exp2anyreg(e1)?;
                self.free_exp(e1);
                e1.k = EK::Reloc(self.emit_abc(iop, 0, r1, c));
                return Ok(());
            }
        }
        // Constant left operand (`2.0 * x`, `1.0 / x`): the K-first forms.
        if e1.numeral().is_some() && e2.numeral().is_none() {
            let kop = match op {
                BinOp::Add => Some(Op::KADD),
                BinOp::Sub => Some(Op::KSUB),
                BinOp::Mul => Some(Op::KMUL),
                BinOp::Div => Some(Op::KDIV),
                _ => None,
            };
            if let Some(kop) = kop {
                if let Some(k) = self.small_k(e1)? {
                    let r2 = self.exp2anyreg(&mut e2)?;
                    self.free_exp(&e2);
                    e1.k = EK::Reloc(self.emit_abc(kop, 0, r2, k));
                    return Ok(());
                }
            }
        }
        let rop = match op {
            BinOp::Add => Op::ADD,
            BinOp::Sub => Op::SUB,
            BinOp::Mul => Op::MUL,
            BinOp::Div => Op::DIV,
            BinOp::Mod => Op::MOD,
            BinOp::Pow => Op::POW,
            BinOp::BAnd => Op::BAND,
            BinOp::BOr => Op::BOR,
            BinOp::BXor => Op::BXOR,
            BinOp::Shl => Op::SHL,
            _ => Op::SHR,
        };
        let r2 = self.exp2anyreg(&mut e2)?;
        let r1 = self.exp2anyreg(e1)?;
        self.free_exps(e1, &e2);
        e1.k = EK::Reloc(self.emit_abc(rop, 0, r1, r2));
        Ok(())
    }

    fn code_eq(&mut self, is_eq: bool, e1: &mut ExpDesc, mut e2: ExpDesc) -> CResult<()> {
        if e1.is_literal() && !e2.is_literal() {
            // Literal on the left: compare the other operand with it.
            std::mem::swap(e1, &mut e2);
        }
        let r1 = self.exp2anyreg(e1)?;
        let imm = match e2.numeral() {
            _ if !e2.is_literal() => None,
            Some(Num::Int(i)) if fits_s8(i) => Some(i),
            Some(Num::Float(f)) => float_to_int(f).filter(|&i| fits_s8(i)),
            _ => None,
        };
        let pc = if let Some(i) = imm {
            self.free_exp(e1);
            self.cond_jump(Op::EQI, r1, s8(i), is_eq)
        } else if let Some(k) = self.small_k(&e2)? {
            self.free_exp(e1);
            self.cond_jump(Op::EQK, r1, k, is_eq)
        } else {
            let r2 = self.exp2anyreg(&mut e2)?;
            self.free_exps(e1, &e2);
            self.cond_jump(Op::EQ, r1, r2, is_eq)
        };
        *e1 = ExpDesc::new(EK::Jmp(pc as usize));
        Ok(())
    }

    fn code_order(&mut self, op: BinOp, e1: &mut ExpDesc, mut e2: ExpDesc) -> CResult<()> {
        // Immediate forms take integer literals and floats with a small integral value
        // (C bit 1 records a float literal, which only metamethods can observe).
        let pc = if let Some((i, is_float)) = e2.small_imm() {
            let r1 = self.exp2anyreg(e1)?;
            self.free_exp(e1);
            let iop = match op {
                BinOp::Lt => Op::LTI,
                BinOp::Le => Op::LEI,
                BinOp::Gt => Op::GTI,
                _ => Op::GEI,
            };
            self.emit_abc(iop, r1, s8(i), 1 | (is_float as usize) << 1);
            self.jump()
        } else if let Some((i, is_float)) = e1.small_imm() {
            // `i < x` is `x > i`, and so on.
            let r2 = self.exp2anyreg(&mut e2)?;
            self.free_exp(&e2);
            let iop = match op {
                BinOp::Lt => Op::GTI,
                BinOp::Le => Op::GEI,
                BinOp::Gt => Op::LTI,
                _ => Op::LEI,
            };
            self.emit_abc(iop, r2, s8(i), 1 | (is_float as usize) << 1);
            self.jump()
        } else {
            let r2 = self.exp2anyreg(&mut e2)?;
            let r1 = self.exp2anyreg(e1)?;
            self.free_exps(e1, &e2);
            match op {
                BinOp::Lt => self.cond_jump(Op::LT, r1, r2, true),
                BinOp::Le => self.cond_jump(Op::LE, r1, r2, true),
                BinOp::Gt => self.cond_jump(Op::LT, r2, r1, true),
                _ => self.cond_jump(Op::LE, r2, r1, true),
            }
        };
        *e1 = ExpDesc::new(EK::Jmp(pc as usize));
        Ok(())
    }
}
