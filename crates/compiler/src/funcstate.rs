//! Per-function code generation state: the prototype under construction, instruction
//! emission, jump lists, constants, register allocation, active locals and scopes.
//!
//! Invariants (as in Lua 5.4's `FuncState`):
//! * Every active local occupies exactly one register and local `i` of `actvars` lives in
//!   register `i`; `nvarstack()` is therefore the first register not held by a local.
//! * `freereg >= nvarstack()`; temporaries are allocated stack-like above the locals and
//!   every statement ends with `freereg == nvarstack()`.
//! * Jump lists are chained through the sJ fields of pending `JMP`s (`NO_JUMP` ends a
//!   list), exactly like Lua's `luaK_concat`/`luaK_patchlist`.
//! * Errors that are only noticed while patching (a jump out of range) are remembered in
//!   `deferred_error` and reported when the function is finished.

use crate::bytecode::{Instr, Op, MAX_BX, MAX_REGISTERS, OFFSET_SJ};
use crate::proto::{Constant, LocalInfo, Proto, UpvalueDesc};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use syntax::{Diagnostic, Span};

pub type CResult<T> = Result<T, Diagnostic>;

/// End marker of a jump list.
pub const NO_JUMP: i32 = -1;
/// "No register" marker used in a pending `TESTSET` (never a valid register).
pub const NO_REG: u8 = 255;
/// Maximum number of simultaneously active named locals per function.
pub const MAX_LOCALS: usize = 200;
/// Maximum number of upvalues per function.
pub const MAX_UPVALUES: usize = 255;
/// Number of positional constructor items buffered before a `SETLIST`.
pub const FIELDS_PER_FLUSH: usize = 50;

/// Constant-table key: distinguishes integers from floats and floats by bit pattern.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum KKey {
    Nil,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(Rc<[u8]>),
}

/// An active local variable (its register is its index in `actvars`).
#[derive(Clone, Debug)]
pub struct LocalVar {
    pub name: String,
    pub is_const: bool,
    /// Hidden locals (`_`, loop state, switch tags) are never found by name.
    pub hidden: bool,
    /// Index into `proto.locals` (named locals only).
    pub info: Option<usize>,
}

/// A lexical block: the locals declared inside it die at its end.
#[derive(Clone, Debug)]
pub struct BlockScope {
    pub nactvar: usize,
    /// Some local of this block is captured by a closure.
    pub upval: bool,
    /// The enclosing construct emits the `CLOSE` itself (loop bodies, loop scopes).
    pub no_close: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakKind {
    Loop,
    Switch,
    Select,
}

/// A `for`/`switch`/`select` that `break` (and for loops `continue`) can target.
#[derive(Clone, Debug)]
pub struct Breakable {
    pub label: Option<String>,
    pub kind: BreakKind,
    /// Register level at the construct's start: everything at or above dies at its exit.
    pub base: usize,
    pub breaks: Vec<usize>,
    pub continues: Vec<usize>,
    /// A local living at or above `base` was captured: exits and iterations must CLOSE.
    pub captured_inside: bool,
}

pub struct FuncState {
    pub proto: Proto,
    kcache: HashMap<KKey, u32>,
    pub actvars: Vec<LocalVar>,
    pub freereg: usize,
    pub blocks: Vec<BlockScope>,
    pub breakables: Vec<Breakable>,
    pub labels: HashSet<String>,
    /// pc of the last jump target (instructions before it must not be merged).
    pub lasttarget: usize,
    /// Position used for emitted instructions and register/limit errors.
    pub line: u32,
    pub col: u32,
    /// Read-only flag of each upvalue (captured constants).
    pub upval_const: Vec<bool>,
    pub named_active: usize,
    pub deferred_error: Option<Diagnostic>,
}

impl FuncState {
    pub fn new(source: Rc<str>, line_defined: u32, last_line: u32, is_vararg: bool) -> FuncState {
        let proto = Proto { source, line_defined, last_line, is_vararg, max_stack: 2, ..Proto::default() };
        FuncState {
            proto,
            kcache: HashMap::new(),
            actvars: Vec::new(),
            freereg: 0,
            blocks: Vec::new(),
            breakables: Vec::new(),
            labels: HashSet::new(),
            lasttarget: 0,
            line: line_defined.max(1),
            col: 1,
            upval_const: Vec::new(),
            named_active: 0,
            deferred_error: None,
        }
    }

    pub fn set_pos(&mut self, span: Span) {
        self.line = span.line;
        self.col = span.col;
    }

    pub fn error(&self, msg: impl Into<String>) -> Diagnostic {
        Diagnostic { message: msg.into(), line: self.line, col: self.col, incomplete: false }
    }

    /// "main function" or "function at line N", for limit messages.
    fn where_(&self) -> String {
        if self.proto.line_defined == 0 {
            "main function".to_string()
        } else {
            format!("function at line {}", self.proto.line_defined)
        }
    }

    pub fn limit_error(&self, what: &str, limit: usize) -> Diagnostic {
        self.error(format!("too many {} (limit is {}) in {}", what, limit, self.where_()))
    }

    // ---------------------------------------------------------------- emission

    pub fn pc(&self) -> usize {
        self.proto.code.len()
    }

    pub fn emit(&mut self, i: Instr) -> usize {
        self.proto.code.push(i);
        self.proto.lines.push(self.line);
        self.proto.code.len() - 1
    }

    pub fn emit_abc(&mut self, op: Op, a: usize, b: usize, c: usize) -> usize {
        debug_assert!(a < 256 && b < 256 && c < 256, "{:?} {} {} {}", op, a, b, c);
        self.emit(Instr::abc(op, a as u8, b as u8, c as u8))
    }

    pub fn emit_abx(&mut self, op: Op, a: usize, bx: u32) -> usize {
        self.emit(Instr::abx(op, a as u8, bx))
    }

    pub fn emit_asbx(&mut self, op: Op, a: usize, sbx: i32) -> usize {
        self.emit(Instr::asbx(op, a as u8, sbx))
    }

    pub fn set_instr(&mut self, pc: usize, i: Instr) {
        self.proto.code[pc] = i;
    }

    pub fn instr(&self, pc: usize) -> Instr {
        self.proto.code[pc]
    }

    /// The last instruction, unless a jump targets the current pc (then merging with
    /// it would be wrong).
    pub fn previous_instruction(&self) -> Option<Instr> {
        if self.pc() > self.lasttarget && self.pc() > 0 {
            Some(self.proto.code[self.pc() - 1])
        } else {
            None
        }
    }

    pub fn remove_last_instruction(&mut self) {
        self.proto.code.pop();
        self.proto.lines.pop();
    }

    /// `LOADNIL from..from+n-1`, merged into the previous `LOADNIL` when contiguous.
    pub fn load_nil(&mut self, from: usize, n: usize) {
        if n == 0 {
            return;
        }
        let mut from = from;
        let mut last = from + n - 1;
        if let Some(prev) = self.previous_instruction() {
            if prev.op() == Op::LOADNIL {
                let pfrom = prev.a();
                let plast = pfrom + prev.b();
                if (pfrom <= from && from <= plast + 1) || (from <= pfrom && pfrom <= last + 1) {
                    from = from.min(pfrom);
                    last = last.max(plast);
                    let pc = self.pc() - 1;
                    self.set_instr(pc, Instr::abc(Op::LOADNIL, from as u8, (last - from) as u8, 0));
                    return;
                }
            }
        }
        self.emit_abc(Op::LOADNIL, from, last - from, 0);
    }

    pub fn load_int(&mut self, reg: usize, i: i64) -> CResult<()> {
        if (-(OFFSET_SBX as i64)..=(MAX_BX as i64 - OFFSET_SBX as i64)).contains(&i) {
            self.emit_asbx(Op::LOADI, reg, i as i32);
        } else {
            let k = self.add_k(Constant::Int(i))?;
            self.emit_abx(Op::LOADK, reg, k);
        }
        Ok(())
    }

    pub fn load_float(&mut self, reg: usize, f: f64) -> CResult<()> {
        let fits = f.fract() == 0.0
            && f >= -(OFFSET_SBX as f64)
            && f <= (MAX_BX as i32 - OFFSET_SBX) as f64
            && !(f == 0.0 && f.is_sign_negative());
        if fits {
            self.emit_asbx(Op::LOADF, reg, f as i32);
        } else {
            let k = self.add_k(Constant::Float(f))?;
            self.emit_abx(Op::LOADK, reg, k);
        }
        Ok(())
    }

    // ---------------------------------------------------------------- constants

    pub fn add_k(&mut self, c: Constant) -> CResult<u32> {
        let key = match &c {
            Constant::Nil => KKey::Nil,
            Constant::Bool(b) => KKey::Bool(*b),
            Constant::Int(i) => KKey::Int(*i),
            Constant::Float(f) => KKey::Float(f.to_bits()),
            Constant::Str(s) => KKey::Str(s.clone()),
        };
        if let Some(&k) = self.kcache.get(&key) {
            return Ok(k);
        }
        let k = self.proto.constants.len();
        if k > MAX_BX as usize {
            return Err(self.limit_error("constants", MAX_BX as usize + 1));
        }
        self.proto.constants.push(c);
        self.kcache.insert(key, k as u32);
        Ok(k as u32)
    }

    pub fn str_k(&mut self, s: &[u8]) -> CResult<u32> {
        self.add_k(Constant::Str(Rc::from(s)))
    }

    // ---------------------------------------------------------------- jumps

    pub fn jump(&mut self) -> i32 {
        self.emit(Instr::jump(Op::JMP, NO_JUMP)) as i32
    }

    /// Marks the current pc as a jump target and returns it.
    pub fn get_label(&mut self) -> usize {
        self.lasttarget = self.pc();
        self.pc()
    }

    fn get_jump(&self, pc: usize) -> i32 {
        let off = self.proto.code[pc].sj();
        if off == NO_JUMP {
            NO_JUMP
        } else {
            pc as i32 + 1 + off
        }
    }

    pub fn fix_jump(&mut self, pc: usize, dest: usize) {
        let off = dest as i64 - (pc as i64 + 1);
        if off.abs() >= OFFSET_SJ as i64 {
            if self.deferred_error.is_none() {
                self.deferred_error = Some(self.error("control structure too long"));
            }
            return;
        }
        let i = self.proto.code[pc].with_sj(off as i32);
        self.proto.code[pc] = i;
    }

    /// Appends list `l2` to list `l1`.
    pub fn concat(&mut self, l1: &mut i32, l2: i32) {
        if l2 == NO_JUMP {
            return;
        }
        if *l1 == NO_JUMP {
            *l1 = l2;
            return;
        }
        let mut list = *l1 as usize;
        loop {
            let next = self.get_jump(list);
            if next == NO_JUMP {
                break;
            }
            list = next as usize;
        }
        self.fix_jump(list, l2 as usize);
    }

    /// The instruction controlling the jump at `pc` (its test, if any).
    fn jump_control(&self, pc: usize) -> usize {
        if pc >= 1 && is_test_op(self.proto.code[pc - 1].op()) {
            pc - 1
        } else {
            pc
        }
    }

    pub fn negate_condition(&mut self, pc: usize) {
        let ctl = self.jump_control(pc);
        let i = self.proto.code[ctl];
        // Flip k (bit 0); keep the float-literal flag of immediate comparisons.
        self.proto.code[ctl] = i.with_c((i.c() ^ 1) as u8);
    }

    /// Fixes the destination register of a `TESTSET` (or turns it into a `TEST` when no
    /// value is needed). Returns false if the jump is not controlled by a `TESTSET`.
    fn patch_test_reg(&mut self, node: usize, reg: u8) -> bool {
        let ctl = self.jump_control(node);
        let i = self.proto.code[ctl];
        if i.op() != Op::TESTSET {
            return false;
        }
        if reg != NO_REG && reg as usize != i.b() {
            self.proto.code[ctl] = i.with_a(reg);
        } else {
            self.proto.code[ctl] = Instr::abc(Op::TEST, i.b() as u8, 0, i.c() as u8);
        }
        true
    }

    pub fn remove_values(&mut self, mut list: i32) {
        while list != NO_JUMP {
            self.patch_test_reg(list as usize, NO_REG);
            list = self.get_jump(list as usize);
        }
    }

    pub fn patch_list_aux(&mut self, mut list: i32, vtarget: usize, reg: u8, dtarget: usize) {
        while list != NO_JUMP {
            let next = self.get_jump(list as usize);
            if self.patch_test_reg(list as usize, reg) {
                self.fix_jump(list as usize, vtarget);
            } else {
                self.fix_jump(list as usize, dtarget);
            }
            list = next;
        }
    }

    pub fn patch_list(&mut self, list: i32, target: usize) {
        self.patch_list_aux(list, target, NO_REG, target);
    }

    pub fn patch_to_here(&mut self, list: i32) {
        let here = self.get_label();
        self.patch_list(list, here);
    }

    /// True if some jump in the list needs a value (is not a `TESTSET`).
    pub fn need_value(&self, mut list: i32) -> bool {
        while list != NO_JUMP {
            let ctl = self.jump_control(list as usize);
            if self.proto.code[ctl].op() != Op::TESTSET {
                return true;
            }
            list = self.get_jump(list as usize);
        }
        false
    }

    /// Emits `op` followed by a pending `JMP`; returns the jump.
    pub fn cond_jump(&mut self, op: Op, a: usize, b: usize, k: bool) -> i32 {
        self.emit_abc(op, a, b, k as usize);
        self.jump()
    }

    /// Emits a backward (or forward) `JMP` to `target`.
    pub fn jump_to(&mut self, target: usize) {
        let j = self.jump();
        self.fix_jump(j as usize, target);
    }

    // ---------------------------------------------------------------- registers

    pub fn nvarstack(&self) -> usize {
        self.actvars.len()
    }

    pub fn check_stack(&mut self, n: usize) -> CResult<()> {
        let newstack = self.freereg + n;
        if newstack > self.proto.max_stack as usize {
            if newstack > MAX_REGISTERS {
                return Err(self.error("function or expression needs too many registers"));
            }
            self.proto.max_stack = newstack as u8;
        }
        Ok(())
    }

    pub fn reserve_regs(&mut self, n: usize) -> CResult<()> {
        self.check_stack(n)?;
        self.freereg += n;
        Ok(())
    }

    pub fn free_reg(&mut self, reg: usize) {
        if reg >= self.nvarstack() {
            self.freereg -= 1;
            debug_assert_eq!(reg, self.freereg, "registers freed out of order");
        }
    }

    pub fn free_regs(&mut self, r1: usize, r2: usize) {
        if r1 > r2 {
            self.free_reg(r1);
            self.free_reg(r2);
        } else {
            self.free_reg(r2);
            self.free_reg(r1);
        }
    }

    // ---------------------------------------------------------------- locals and blocks

    /// Activates a new local in register `nvarstack()` (which must already be reserved).
    pub fn activate_local(&mut self, name: &str, is_const: bool, hidden: bool) -> CResult<()> {
        let reg = self.nvarstack();
        debug_assert!(reg < self.freereg.max(reg + 1));
        let info = if hidden {
            None
        } else {
            if self.named_active >= MAX_LOCALS {
                return Err(self.limit_error("local variables", MAX_LOCALS));
            }
            self.named_active += 1;
            self.proto.locals.push(LocalInfo {
                name: name.to_string(),
                register: reg as u8,
                start_pc: self.pc() as u32,
                end_pc: u32::MAX,
            });
            Some(self.proto.locals.len() - 1)
        };
        self.actvars.push(LocalVar { name: name.to_string(), is_const, hidden, info });
        if self.freereg < self.nvarstack() {
            self.reserve_regs(self.nvarstack() - self.freereg)?;
        }
        Ok(())
    }

    /// Removes locals down to `level`, closing their debug ranges.
    pub fn remove_vars(&mut self, level: usize) {
        let pc = self.pc() as u32;
        while self.actvars.len() > level {
            if let Some(v) = self.actvars.pop() {
                if let Some(i) = v.info {
                    self.proto.locals[i].end_pc = pc;
                    self.named_active -= 1;
                }
            }
        }
    }

    /// Finds a visible named local; returns its register.
    pub fn search_local(&self, name: &str) -> Option<usize> {
        self.actvars.iter().rposition(|v| !v.hidden && v.name == name)
    }

    pub fn search_upvalue(&self, name: &str) -> Option<usize> {
        self.proto.upvalues.iter().position(|u| u.name == name)
    }

    pub fn new_upvalue(&mut self, name: &str, in_stack: bool, index: usize, is_const: bool) -> CResult<usize> {
        if self.proto.upvalues.len() >= MAX_UPVALUES {
            return Err(self.limit_error("upvalues", MAX_UPVALUES));
        }
        self.proto.upvalues.push(UpvalueDesc { in_stack, index: index as u8, name: name.to_string() });
        self.upval_const.push(is_const);
        Ok(self.proto.upvalues.len() - 1)
    }

    /// Records that the local in `reg` is captured by a closure.
    pub fn mark_upval(&mut self, reg: usize) {
        if let Some(bl) = self.blocks.iter_mut().rev().find(|b| b.nactvar <= reg) {
            bl.upval = true;
        }
        for b in self.breakables.iter_mut() {
            if b.base <= reg {
                b.captured_inside = true;
            }
        }
    }

    pub fn enter_block(&mut self, no_close: bool) {
        self.blocks.push(BlockScope { nactvar: self.nvarstack(), upval: false, no_close });
    }

    pub fn leave_block(&mut self) {
        let Some(bl) = self.blocks.pop() else { return };
        self.remove_vars(bl.nactvar);
        // The function's outermost block needs no CLOSE: RETURN closes everything.
        if bl.upval && !bl.no_close && !self.blocks.is_empty() {
            self.emit_abc(Op::CLOSE, bl.nactvar, 0, 0);
        }
        self.freereg = bl.nactvar;
    }
}

use crate::bytecode::OFFSET_SBX;

pub fn is_test_op(op: Op) -> bool {
    matches!(
        op,
        Op::EQ | Op::LT | Op::LE | Op::EQK | Op::EQI | Op::LTI | Op::LEI | Op::GTI | Op::GEI | Op::TEST | Op::TESTSET
    )
}
