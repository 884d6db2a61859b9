//! The recorder: records one iteration of a hot loop by executing it.
//!
//! When a loop header gets hot, [`record`] interprets one iteration itself, with the
//! interpreter's semantics for the supported instructions (only their fast paths: plain
//! numbers, tables without metatables), emitting typed IR with guards as it goes. Every
//! instruction is checked *before* it changes any state, so when an instruction is not
//! supported the recording aborts with the VM in exactly the interpreter's state at that
//! pc: the interpreter simply continues there.
//!
//! Slots: the recorder tracks, per VM register, the IR value it currently holds (loaded
//! lazily with a type-guarded `SLoad`) and whether the iteration modified it. Snapshots
//! list the modified registers. A guard's snapshot is the state *before* the guarded
//! instruction, whose pc it records: on exit, the interpreter re-executes it (comparisons
//! and loads have no side effects before their checks), which also takes the other branch.

mod builtins;
mod iterators;
mod tables;

use crate::ir::*;
use crate::opt_fold::Folder;
use compiler::Op;
use vm::function::{Closure, Native, NativeKind, ProtoObj};
use vm::object::{value_as, Gc};
use vm::table::Table;
use vm::value::Value;
use vm::Vm;

// `GuardProto` compares a closure's `proto` field with a prototype's address.
const _: () = assert!(std::mem::size_of::<Gc<ProtoObj>>() == 8);

/// Maximum number of bytecode instructions in one recorded iteration.
const MAX_RECORD: usize = 2000;
/// Inner-loop iterations a loop trace may unroll in all.
pub const MAX_UNROLL: usize = 15;

/// Why a recording stopped without a trace.
#[derive(Debug)]
pub struct Abort {
    /// The pc at which the interpreter must continue.
    pub pc: usize,
    pub reason: String,
}

/// A recorded loop iteration.
pub struct Recorded {
    pub trace: Trace,
    /// Objects the trace's guards compare against by identity (inlined closures, builtins):
    /// the engine keeps them alive.
    pub roots: Vec<Value>,
    /// A loop trace that unrolled iterations of an inner loop.
    pub unrolled: bool,
}

/// Integers up to this magnitude (2^53) convert to floats exactly.
const EXACT_INT: u64 = 1 << 53;

/// Maximum depth of inlined calls.
const MAX_INLINE_DEPTH: usize = 3;

/// The caller's state while recording an inlined call.
struct InlineFrame {
    proto: Gc<ProtoObj>,
    /// Register offset of the caller (relative to the trace's frame).
    off: usize,
    /// pc of the caller's `CALL`.
    call_pc: usize,
    /// The call's register `a` (caller-relative) and result count (`c - 1`).
    func: usize,
    want: usize,
    /// The caller's closure and its IR value (NONE: the trace's own frame, `curfn`).
    closure: Gc<Closure>,
    fn_ref: IrRef,
}

struct Rec<'a> {
    vm: &'a mut Vm,
    proto: Gc<ProtoObj>,
    base: usize,
    t: Trace,
    fold: Folder,
    slots: Vec<IrRef>,
    modified: Vec<bool>,
    pc: usize,
    /// Registers of the trace's own frame (snapshots cover only these).
    nroot: usize,
    /// Register offset of the frame being recorded (0 outside inlined calls).
    off: usize,
    inlined: Vec<InlineFrame>,
    /// The closure of the frame being recorded (for upvalue access) and its IR value
    /// (NONE in the trace's own frame: `curfn` then loads it).
    closure: Gc<Closure>,
    fn_ref: IrRef,
    /// Snapshot of the outermost inlined `CALL`: guards inside inlined calls exit there
    /// and the interpreter re-executes the call (inlined calls have no side effects).
    call_snap: SnapId,
    virt: Vec<Value>,
    roots: Vec<Value>,
    /// Recording a side trace ([`record_side`]): backward jumps are followed.
    side: bool,
    /// Side traces: targets of the backward jumps followed so far (a second visit means
    /// the path loops without reaching a traced loop header).
    back_targets: Vec<usize>,
    /// Loop traces: inner-loop back-edges that may still be unrolled.
    unroll_left: usize,
    /// Loop traces: the inner loops unrolled so far (body start, back-edge jump pc).
    unrolled: Vec<(usize, usize)>,
}

/// Type category of a runtime value.
fn cat(v: Value) -> Ty {
    if v.is_int() {
        Ty::Int
    } else if v.is_float() {
        Ty::Num
    } else if v.is_table() {
        Ty::Tab
    } else {
        Ty::Val
    }
}

/// The integer value of an int (inline or heap-boxed; 0 for other values).
fn int_of(v: Value) -> i64 {
    v.as_int().unwrap_or(0)
}

type R<T> = Result<T, String>;

impl<'a> Rec<'a> {
    /// A recorder at the current frame's pc (a loop header, or a side trace's exit pc).
    fn start(vm: &'a mut Vm, fold: bool, side: bool) -> Result<Rec<'a>, Abort> {
        let th = vm.current;
        let Some(frame) = th.frames.last() else { return Err(Abort { pc: 0, reason: "no frame".into() }) };
        let pc = frame.pc;
        let Some(closure) = frame.closure else { return Err(Abort { pc, reason: "not a script frame".into() }) };
        let base = frame.base;
        let proto = closure.proto;
        let nslots = proto.max_stack;
        Ok(Rec {
            vm,
            proto,
            base,
            t: Trace::default(),
            fold: Folder::new(fold),
            slots: vec![IrRef::NONE; nslots],
            modified: vec![false; nslots],
            pc,
            nroot: nslots,
            off: 0,
            inlined: Vec::new(),
            closure,
            fn_ref: IrRef::NONE,
            call_snap: SnapId::NONE,
            virt: Vec::new(),
            roots: Vec::new(),
            side,
            back_targets: Vec::new(),
            unroll_left: 0,
            unrolled: Vec::new(),
        })
    }

    /// Runtime value of register `r` of the frame being recorded. Inlined callees'
    /// registers are virtual (`virt`): the VM stack keeps the state before the
    /// outermost inlined call, so that an abort inside it can resume there.
    fn val(&self, r: usize) -> Value {
        let s = self.off + r;
        if self.inlined.is_empty() {
            self.vm.current.stack[self.base + s]
        } else {
            self.virt.get(s).copied().unwrap_or(Value::NIL)
        }
    }
    fn set_val(&mut self, r: usize, v: Value) {
        let s = self.off + r;
        if self.inlined.is_empty() {
            let mut th = self.vm.current;
            th.stack[self.base + s] = v;
        } else {
            if self.virt.len() <= s {
                self.virt.resize(s + 1, Value::NIL);
            }
            self.virt[s] = v;
        }
    }

    fn snap(&mut self, pc: usize) -> SnapId {
        let entries = (0..self.nroot).filter(|&s| self.modified[s]).map(|s| (s as u16, self.slots[s])).collect();
        self.t.add_snap(Snapshot { pc, entries })
    }

    fn emit(&mut self, ins: Ins) -> IrRef {
        self.fold.emit(&mut self.t, ins)
    }

    /// Emits a guard whose snapshot is the state before the current instruction.
    fn guard(&mut self, mut ins: Ins) -> IrRef {
        ins.snap = if self.inlined.is_empty() { self.snap(self.pc) } else { self.call_snap };
        self.emit(ins)
    }

    fn k(&mut self, ty: Ty, k: i64) -> IrRef {
        let mut ins = Ins::new(Opc::K, ty, IrRef::NONE, IrRef::NONE);
        ins.k = k;
        self.emit(ins)
    }
    fn kint(&mut self, i: i64) -> IrRef {
        self.k(Ty::Int, i)
    }
    fn knum(&mut self, f: f64) -> IrRef {
        self.k(Ty::Num, f.to_bits() as i64)
    }
    fn kval(&mut self, v: Value) -> IrRef {
        self.k(Ty::Val, v.0 as i64)
    }

    /// The IR value of register `s` (loading it on first use).
    fn get(&mut self, r: usize) -> R<IrRef> {
        let s = self.off + r;
        if s >= self.slots.len() {
            return Err("register out of range".into());
        }
        if self.slots[s].is_none() {
            if s >= self.nroot || !self.inlined.is_empty() {
                return Err("read of an unset register in an inlined call".into());
            }
            let ty = cat(self.val(r));
            let mut ins = Ins::new(Opc::SLoad, ty, IrRef::NONE, IrRef::NONE);
            ins.k = s as i64;
            let x = self.guard(ins);
            self.slots[s] = x;
        }
        Ok(self.slots[s])
    }

    /// Register `s` as a value of type `want` (which its runtime value has).
    fn get_as(&mut self, s: usize, want: Ty) -> R<IrRef> {
        let r = self.get(s)?;
        self.coerce(r, want)
    }

    fn coerce(&mut self, r: IrRef, want: Ty) -> R<IrRef> {
        let have = self.t.ty(r);
        if have == want {
            return Ok(r);
        }
        if have == Ty::Val && matches!(want, Ty::Int | Ty::Num | Ty::Tab) {
            let ins = Ins::new(Opc::Unbox, want, r, IrRef::NONE);
            return Ok(self.guard(ins));
        }
        Err(format!("type mismatch ({} as {})", have.name(), want.name()))
    }

    fn to_num(&mut self, r: IrRef) -> R<IrRef> {
        match self.t.ty(r) {
            Ty::Num => Ok(r),
            Ty::Int => Ok(self.emit(Ins::new(Opc::ConvIN, Ty::Num, r, IrRef::NONE))),
            _ => Err("not a number".into()),
        }
    }

    /// A value-typed (boxed) form of `r`, for stores into tables.
    fn boxed(&mut self, r: IrRef) -> IrRef {
        match self.t.ty(r) {
            Ty::Int | Ty::Num => {
                let ins = Ins::new(Opc::Box, Ty::Val, r, IrRef::NONE);
                self.guard(ins)
            }
            _ => r,
        }
    }

    fn set(&mut self, r: usize, x: IrRef, v: Value) {
        let s = self.off + r;
        self.slots[s] = x;
        self.modified[s] = true;
        self.set_val(r, v);
    }

    fn konst_ref(&mut self, v: Value) -> IrRef {
        match cat(v) {
            Ty::Int => self.kint(int_of(v)),
            Ty::Num => self.knum(v.as_float_unchecked()),
            Ty::Tab => self.k(Ty::Tab, v.0 as i64),
            _ => self.kval(v),
        }
    }

    /// A table operand without metatable (guarded).
    fn plain_table(&mut self, s: usize) -> R<(IrRef, Gc<Table>)> {
        let v = self.val(s);
        let Some(t) = value_as::<Table>(v) else { return Err("indexing a non-table".into()) };
        if t.meta.is_some() {
            return Err("table with metatable".into());
        }
        let r = self.get_as(s, Ty::Tab)?;
        let ins = Ins::new(Opc::GuardNoMeta, Ty::None, r, IrRef::NONE);
        self.guard(ins);
        Ok((r, t))
    }

    /// For register `s` holding a table *with* a metatable: the entry index of field
    /// `key` if it is present with a non-nil value (None otherwise, and for tables
    /// without metatables).
    fn present_field(&self, s: usize, key: Value) -> Option<usize> {
        let t = value_as::<Table>(self.val(s))?;
        t.meta?;
        Self::entry_of(&t, key).filter(|&e| !t.entries[e].value.is_nil())
    }

    /// Entry index of string key `key` in the hash part of `t` (by identity).
    fn entry_of(t: &Table, key: Value) -> Option<usize> {
        t.entries.iter().position(|e| e.key.0 == key.0)
    }

    /// Binary arithmetic `R[a] = x op y` where x, y are (ref, runtime value).
    fn arith(&mut self, op: Op, a: usize, x: (IrRef, Value), y: (IrRef, Value)) -> R<()> {
        let (xr, xv) = x;
        let (yr, yv) = y;
        let arith_kind = match op {
            Op::ADD | Op::ADDK | Op::ADDI | Op::KADD => 0,
            Op::SUB | Op::SUBK | Op::KSUB => 1,
            Op::MUL | Op::MULK | Op::KMUL => 2,
            Op::DIV | Op::DIVK | Op::KDIV => 3,
            _ => 4,
        };
        if arith_kind == 4 {
            // MOD: integers with a non-zero divisor only.
            if !(xv.is_int() && yv.is_int()) {
                return Err("mod of non-integers".into());
            }
            let (p, q) = (int_of(xv), int_of(yv));
            if q == 0 {
                return Err("mod by zero".into());
            }
            let xr = self.coerce(xr, Ty::Int)?;
            let yr = self.coerce(yr, Ty::Int)?;
            let r = self.guard(Ins::new(Opc::ModI, Ty::Int, xr, yr));
            let res = vm::ops::int_mod(p, q);
            let v = self.vm.int(res);
            self.set(a, r, v);
            return Ok(());
        }
        if arith_kind != 3 && xv.is_int() && yv.is_int() {
            let (p, q) = (int_of(xv), int_of(yv));
            let xr = self.coerce(xr, Ty::Int)?;
            let yr = self.coerce(yr, Ty::Int)?;
            let (opc, res) = match arith_kind {
                0 => (Opc::AddI, p.wrapping_add(q)),
                1 => (Opc::SubI, p.wrapping_sub(q)),
                _ => (Opc::MulI, p.wrapping_mul(q)),
            };
            let r = self.emit(Ins::new(opc, Ty::Int, xr, yr));
            let v = self.vm.int(res);
            self.set(a, r, v);
            return Ok(());
        }
        let num = |v: Value| {
            if v.is_float() {
                Some(v.as_float_unchecked())
            } else if v.is_int() {
                Some(int_of(v) as f64)
            } else {
                None
            }
        };
        let (Some(p), Some(q)) = (num(xv), num(yv)) else { return Err("arithmetic on non-numbers".into()) };
        let xr = self.coerce(xr, cat(xv))?;
        let yr = self.coerce(yr, cat(yv))?;
        let xr = self.to_num(xr)?;
        let yr = self.to_num(yr)?;
        let (opc, res) = match arith_kind {
            0 => (Opc::AddN, p + q),
            1 => (Opc::SubN, p - q),
            2 => (Opc::MulN, p * q),
            _ => (Opc::DivN, p / q),
        };
        let r = self.emit(Ins::new(opc, Ty::Num, xr, yr));
        self.set(a, r, Value::float_arith(res));
        Ok(())
    }

    /// Bitwise `R[a] = x op y` on integers (floats and strings abort: their conversion
    /// can fail at run time).
    fn bitwise(&mut self, op: Op, a: usize, x: (IrRef, Value), y: (IrRef, Value)) -> R<()> {
        if !(x.1.is_int() && y.1.is_int()) {
            return Err("bitwise op on non-integers".into());
        }
        let (p, q) = (int_of(x.1), int_of(y.1));
        let (opc, res) = match op {
            Op::BAND | Op::BANDK => (Opc::BAndI, p & q),
            Op::BOR | Op::BORK => (Opc::BOrI, p | q),
            Op::BXOR | Op::BXORK => (Opc::BXorI, p ^ q),
            Op::SHL | Op::SHLI => (Opc::ShlI, vm::ops::shift_left(p, q)),
            _ => (Opc::ShrI, vm::ops::shift_left(p, q.wrapping_neg())),
        };
        let xr = self.coerce(x.0, Ty::Int)?;
        let yr = self.coerce(y.0, Ty::Int)?;
        let r = self.emit(Ins::new(opc, Ty::Int, xr, yr));
        let v = self.vm.int(res);
        self.set(a, r, v);
        Ok(())
    }

    /// A comparison `x cmp y` (runtime outcome `cond`) guarded; returns `cond`.
    fn compare(&mut self, x: (IrRef, Value), y: (IrRef, Value), c: Cond) -> R<bool> {
        let (xv, yv) = (x.1, y.1);
        if xv.is_int() && yv.is_int() {
            let cond = c.eval_int(int_of(xv), int_of(yv));
            let xr = self.coerce(x.0, Ty::Int)?;
            let yr = self.coerce(y.0, Ty::Int)?;
            let mut ins = Ins::new(Opc::GuardI, Ty::None, xr, yr);
            ins.k = cond_index(if cond { c } else { c.not() });
            self.guard(ins);
            return Ok(cond);
        }
        if xv.is_float() && yv.is_float() {
            let cond = c.eval_num(xv.as_float_unchecked(), yv.as_float_unchecked());
            let xr = self.coerce(x.0, Ty::Num)?;
            let yr = self.coerce(y.0, Ty::Num)?;
            let mut ins = Ins::new(Opc::GuardN, Ty::None, xr, yr);
            ins.k = cond_index(if cond { c } else { c.not() });
            self.guard(ins);
            return Ok(cond);
        }
        // An int and a float: Lua compares them exactly. Ints within ±2^53 convert to
        // floats exactly, so a guard on that range makes the float comparison exact.
        let exact = |v: Value| v.is_float() || (v.is_int() && int_of(v).unsigned_abs() <= EXACT_INT);
        if (xv.is_int() && yv.is_float() || xv.is_float() && yv.is_int()) && exact(xv) && exact(yv) {
            let xr = self.exact_num(x)?;
            let yr = self.exact_num(y)?;
            let f = |v: Value| if v.is_float() { v.as_float_unchecked() } else { int_of(v) as f64 };
            let cond = c.eval_num(f(xv), f(yv));
            let mut ins = Ins::new(Opc::GuardN, Ty::None, xr, yr);
            ins.k = cond_index(if cond { c } else { c.not() });
            self.guard(ins);
            return Ok(cond);
        }
        if xv.is_number() && yv.is_number() {
            return Err("comparison of a float with an integer beyond 2^53".into());
        }
        if c == Cond::Eq && (xv.is_nil() || xv.is_bool() || yv.is_nil() || yv.is_bool()) {
            return self.equal_simple(x, y);
        }
        Err("comparison of mixed or non-number operands".into())
    }

    /// `x == y` where one operand is nil or a boolean (no `__eq` can apply: it needs two
    /// tables or userdata). Such a value equals only the same value, so with its type
    /// guarded the outcome is bit equality (`guardv`); against a typed number or table
    /// it is false with no further check. Returns the outcome.
    fn equal_simple(&mut self, x: (IrRef, Value), y: (IrRef, Value)) -> R<bool> {
        let simple = |v: Value| v.is_nil() || v.is_bool();
        let (s, o) = if simple(x.1) { (x, y) } else { (y, x) };
        if self.t.ty(s.0) != Ty::Val {
            return Err("comparison with a typed nil or boolean".into());
        }
        if self.t.get(s.0).op != Opc::K {
            let mut g = Ins::new(Opc::GuardType, Ty::None, s.0, IrRef::NONE);
            g.k = s.1.type_of() as i64;
            self.guard(g);
        }
        let cond = s.1.0 == o.1.0;
        if self.t.ty(o.0) == Ty::Val {
            let mut g = Ins::new(Opc::GuardV, Ty::None, s.0, o.0);
            g.k = cond as i64;
            self.guard(g);
        } else if cond {
            return Err("EQ type confusion".into());
        }
        Ok(cond)
    }

    /// A float operand of a mixed comparison: floats as they are, ints guarded to lie
    /// within ±2^53 (exactly representable) and converted.
    fn exact_num(&mut self, x: (IrRef, Value)) -> R<IrRef> {
        if x.1.is_float() {
            return self.coerce(x.0, Ty::Num);
        }
        let r = self.coerce(x.0, Ty::Int)?;
        let (hi, lo) = (self.kint(EXACT_INT as i64), self.kint(-(EXACT_INT as i64)));
        let mut g = Ins::new(Opc::GuardI, Ty::None, r, hi);
        g.k = cond_index(Cond::Le);
        self.guard(g);
        let mut g = Ins::new(Opc::GuardI, Ty::None, r, lo);
        g.k = cond_index(Cond::Ge);
        self.guard(g);
        Ok(self.emit(Ins::new(Opc::ConvIN, Ty::Num, r, IrRef::NONE)))
    }

    /// The cell of upvalue `idx` of the frame being recorded (`uvref`, guarded not to be
    /// a register of the trace's frame) and its current value. An open upvalue of the
    /// trace's own frame aborts: the trace may hold that register's value in a machine
    /// register.
    fn upvalue_cell(&mut self, idx: usize) -> R<(IrRef, Value)> {
        let Some(&uv) = self.closure.upvalues.get(idx) else { return Err("upvalue index out of range".into()) };
        let th = self.vm.current;
        let frame = th.stack.as_ptr().wrapping_add(self.base) as usize;
        let cell = uv.location as usize;
        if uv.open && cell >= frame && cell < frame + self.nroot * 8 {
            return Err("upvalue of the trace's own frame".into());
        }
        let f = if self.fn_ref.is_none() { self.emit(Ins::new(Opc::CurFn, Ty::Val, IrRef::NONE, IrRef::NONE)) } else { self.fn_ref };
        let mut ins = Ins::new(Opc::UvRef, Ty::Int, f, IrRef::NONE);
        ins.k = idx as i64 | (self.nroot as i64) << 32;
        let r = self.guard(ins);
        Ok((r, uv.get()))
    }

    /// `CALL a b c` of a script closure with fixed parameters, inlined: guarded by the
    /// closure's identity; the callee's instructions are recorded next, in its own
    /// register window above the caller's `a`.
    fn call_inline(&mut self, a: usize, b: usize, c: usize) -> R<()> {
        let fv = self.val(a);
        let Some(cl) = value_as::<Closure>(fv) else { return Err("unsupported CALL".into()) };
        let p = cl.proto;
        if b == 0 || c == 0 || p.is_vararg || self.inlined.len() >= MAX_INLINE_DEPTH {
            return Err("unsupported call (varargs, multiple results or too deep)".into());
        }
        let nargs = b - 1;
        let new_off = self.off + a + 1;
        let need = new_off + p.max_stack.max(p.num_params);
        if need > u16::MAX as usize {
            return Err("inlined frame too large".into());
        }
        if self.slots.len() < need {
            self.slots.resize(need, IrRef::NONE);
            self.modified.resize(need, false);
        }
        let fr = self.get(a)?;
        // Snapshot before the outermost call (taken before the guard uses it).
        if self.inlined.is_empty() {
            self.call_snap = self.snap(self.pc);
        }
        // Guarded by the prototype, not the closure: inlined code reads upvalues through
        // the closure value (`uvref`), and a closure created anew for each call of a
        // loop's function (a callback literal) would fail an identity guard at every
        // trace entry.
        let mut g = Ins::new(Opc::GuardProto, Ty::None, fr, IrRef::NONE);
        g.k = p.as_ptr() as i64;
        self.guard(g);
        // Keeps the prototype alive.
        self.roots.push(fv);
        // Arguments: the callee's registers 0..nargs; missing parameters are nil.
        let mut args = Vec::with_capacity(p.num_params);
        for j in 0..p.num_params {
            if j < nargs {
                args.push((self.get(a + 1 + j)?, self.val(a + 1 + j)));
            } else {
                let r = self.kval(Value::NIL);
                args.push((r, Value::NIL));
            }
        }
        self.inlined.push(InlineFrame { proto: self.proto, off: self.off, call_pc: self.pc, func: a, want: c - 1, closure: self.closure, fn_ref: self.fn_ref });
        self.closure = cl;
        self.fn_ref = fr;
        self.off = new_off;
        // The callee's registers start unset (it writes before it reads).
        for s in new_off..need {
            self.slots[s] = IrRef::NONE;
        }
        for (j, (r, v)) in args.into_iter().enumerate() {
            self.set(j, r, v);
        }
        self.proto = p;
        self.pc = 0;
        Ok(())
    }

    /// `TAILCALL a b` inside an inlined call: the new callee returns straight to the
    /// current callee's caller.
    fn call_inline_tail(&mut self, a: usize, b: usize) -> R<()> {
        let want = self.inlined.last().map(|f| f.want).ok_or("tail call from the traced function")?;
        self.call_inline(a, b, want + 1)?;
        // Splice out the frame of the callee that made the tail call.
        let n = self.inlined.len();
        if n < 2 {
            return Err("tail call bookkeeping".into());
        }
        let caller = self.inlined.remove(n - 2);
        if let Some(top) = self.inlined.last_mut() {
            top.proto = caller.proto;
            top.off = caller.off;
            top.call_pc = caller.call_pc;
            top.func = caller.func;
            top.want = caller.want;
            top.closure = caller.closure;
            top.fn_ref = caller.fn_ref;
        }
        Ok(())
    }

    /// A return from an inlined call: results to the caller's `func..`, padded with nil.
    fn ret(&mut self, ra: usize, n: usize) -> R<()> {
        let Some(want) = self.inlined.last().map(|f| f.want) else { return Err("return from the traced function".into()) };
        // Read the results while the callee's (virtual) registers are current.
        let results: Vec<(IrRef, Value)> = (0..n.min(want)).map(|j| Ok((self.get(ra + j)?, self.val(ra + j)))).collect::<R<_>>()?;
        let Some(f) = self.inlined.pop() else { return Err("return from the traced function".into()) };
        // Everything above the call's function slot belonged to the callee (and to any
        // callee it tail-called).
        let callee_off = f.off + f.func + 1;
        self.off = f.off;
        self.proto = f.proto;
        self.closure = f.closure;
        self.fn_ref = f.fn_ref;
        self.pc = f.call_pc + 1;
        // The callee's registers are dead now.
        for s in callee_off..self.slots.len() {
            self.slots[s] = IrRef::NONE;
            self.modified[s] = false;
        }
        for j in 0..f.want {
            let (r, v) = match results.get(j) {
                Some(&x) => x,
                None => (self.kval(Value::NIL), Value::NIL),
            };
            self.set(f.func + j, r, v);
        }
        Ok(())
    }

    /// `CALL a b c` of a builtin the trace implements inline (math.sqrt, math.abs on
    /// floats), guarded by the identity of the function value.
    fn call_builtin(&mut self, a: usize, b: usize, c: usize) -> R<()> {
        let fv = self.val(a);
        let Some(n) = value_as::<Native>(fv) else { return Err("unsupported CALL".into()) };
        if n.kind != NativeKind::Normal || !n.data.is_empty() || c == 0 {
            return Err(format!("unsupported call of {}", n.qualified));
        }
        if self.iterator_call(&n, fv, a, b, c)? {
            return Ok(());
        }
        if c > 2 {
            // Several results: only calls out of the trace deliver them.
            return self.call_out(n, fv, a, b, c);
        }
        if self.call_value_builtin(&n, fv, a, b, c)? {
            return Ok(());
        }
        if b != 2 {
            return self.call_out(n, fv, a, b, c);
        }
        let xv = self.val(a + 1);
        // Integer results: math.abs of an int (wrapping), math.floor of an int (itself)
        // or of a float whose floor fits an int (guarded; otherwise the interpreter's
        // float result).
        let int_res = match n.qualified {
            "math.abs" if xv.is_int() => Some((Some(Opc::AbsI), int_of(xv).wrapping_abs(), Ty::Int)),
            "math.floor" if xv.is_int() => Some((None, int_of(xv), Ty::Int)),
            "math.floor" if xv.is_float() => match vm::number::float_to_int(xv.as_float_unchecked().floor()) {
                Some(f) if f != i64::MIN => Some((Some(Opc::FloorNI), f, Ty::Num)),
                _ => return Err("math.floor of a float outside the integer range".into()),
            },
            _ => None,
        };
        if let Some((opc, res, arg_ty)) = int_res {
            self.guard_identity(a, fv)?;
            let xr = self.get_as(a + 1, arg_ty)?;
            let r = match opc {
                Some(Opc::FloorNI) => self.guard(Ins::new(Opc::FloorNI, Ty::Int, xr, IrRef::NONE)),
                Some(o) => self.emit(Ins::new(o, Ty::Int, xr, IrRef::NONE)),
                None => xr,
            };
            if c == 2 {
                let v = self.vm.int(res);
                self.set(a, r, v);
            }
            return Ok(());
        }
        let (opc, res) = match n.qualified {
            "math.sqrt" if xv.is_float() || xv.is_int() => {
                let x = if xv.is_float() { xv.as_float_unchecked() } else { int_of(xv) as f64 };
                (Opc::SqrtN, x.sqrt())
            }
            "math.abs" if xv.is_float() => (Opc::AbsN, xv.as_float_unchecked().abs()),
            _ => return self.call_out(n, fv, a, b, c),
        };
        self.guard_identity(a, fv)?;
        let xr = self.get_as(a + 1, cat(xv))?;
        let xr = self.to_num(xr)?;
        let r = self.emit(Ins::new(opc, Ty::Num, xr, IrRef::NONE));
        if c == 2 {
            self.set(a, r, Value::float(res));
        }
        Ok(())
    }

    /// Follows the JMP after a conditional op at `self.pc`.
    /// Returns Ok(true) when the closing back-edge was taken.
    fn cond_jump(&mut self, taken: bool, header: usize, from_pc: usize) -> R<bool> {
        let code = &self.proto.code;
        let j = code.get(self.pc + 1).copied().ok_or("missing jump")?;
        if taken {
            let target = (self.pc as i64 + 2 + j.sj() as i64) as usize;
            if j.sj() < 0 {
                if target == header && self.pc + 1 == from_pc && self.inlined.is_empty() {
                    return Ok(true);
                }
                self.back_jump(target, self.pc + 1)?;
            } else {
                self.forward_jump(self.pc + 1, target)?;
            }
            self.pc = target;
        } else {
            self.pc += 2;
        }
        Ok(false)
    }

    /// A taken forward jump at `at` out of an unrolled inner loop (a `break`, not the
    /// loop's own condition at its end): its trip count depends on data (a search, an
    /// escape test), so it is not unrolled ("inner loop": an entry trace instead).
    fn forward_jump(&mut self, at: usize, target: usize) -> R<()> {
        if self.unrolled.iter().any(|&(start, end)| start <= at && at < end && target > end) {
            return Err("inner loop".into());
        }
        Ok(())
    }

    /// The recorded iteration left the loop through the comparison just before the
    /// closing back-edge (`from_pc`), as loops with short trip counts always do when they
    /// are recorded at their only back-edge. If that comparison's guard is the last
    /// instruction, flips it to assert the staying direction (its snapshot, taken before
    /// the comparison, is valid for both) so the loop can be closed. True if flipped.
    fn close_left_loop(&mut self, from_pc: usize) -> bool {
        if from_pc == 0 || self.pc != from_pc + 1 || !self.inlined.is_empty() {
            return false;
        }
        let Some(last) = self.t.ins.last_mut() else { return false };
        if !matches!(last.op, Opc::GuardI | Opc::GuardN) || self.t.snaps.get(last.snap.idx()).map(|s| s.pc) != Some(from_pc - 1) {
            return false;
        }
        last.k = cond_index(last.cond().not());
        true
    }

    /// A backward jump other than the closing back-edge: an inner loop in a loop trace
    /// (abort); followed once per target in a side trace.
    fn back_jump(&mut self, target: usize, at: usize) -> R<()> {
        if !self.inlined.is_empty() {
            return Err("inner loop".into());
        }
        if !self.side {
            if !self.unrolled.contains(&(target, at)) {
                self.unrolled.push((target, at));
            }
            // A loop trace unrolls the iterations of an inner loop with a short trip
            // count (like LuaJIT); a longer inner loop aborts (next: an entry trace).
            if self.unroll_left == 0 {
                return Err("inner loop".into());
            }
            self.unroll_left -= 1;
            return Ok(());
        }
        if self.back_targets.contains(&target) {
            return Err("side trace loops without reaching a trace".into());
        }
        self.back_targets.push(target);
        Ok(())
    }

    fn step(&mut self, header: usize, from_pc: usize) -> R<bool> {
        let pc = self.pc;
        let i = *self.proto.code.get(pc).ok_or("pc out of range")?;
        let op = i.op();
        let a = i.a();
        let proto = self.proto;
        let kst = move |idx: usize| -> R<Value> { proto.constants.get(idx).copied().ok_or_else(|| "bad constant".to_string()) };
        match op {
            Op::MOVE => {
                let r = self.get(i.b())?;
                let v = self.val(i.b());
                self.set(a, r, v);
            }
            Op::LOADK => {
                let v = kst(i.bx())?;
                let r = self.konst_ref(v);
                self.set(a, r, v);
            }
            Op::LOADI => {
                let r = self.kint(i.sbx() as i64);
                self.set(a, r, Value::inline_int(i.sbx() as i64));
            }
            Op::LOADF => {
                let f = i.sbx() as f64;
                let r = self.knum(f);
                self.set(a, r, Value::float_arith(f));
            }
            Op::LOADNIL => {
                for j in 0..=i.b() {
                    let r = self.kval(Value::NIL);
                    self.set(a + j, r, Value::NIL);
                }
            }
            Op::LOADFALSE | Op::LOADTRUE => {
                let v = Value::bool(op == Op::LOADTRUE);
                let r = self.kval(v);
                self.set(a, r, v);
            }
            Op::GETGLOBAL => {
                let key = kst(i.bx())?;
                let Some(g) = value_as::<Table>(self.proto.env) else { return Err("globals not a table".into()) };
                let Some(e) = Self::entry_of(&g, key) else { return Err("global not found".into()) };
                let v = g.entries[e].value;
                if v.is_nil() {
                    return Err("nil global".into());
                }
                let gr = self.k(Ty::Tab, self.proto.env.0 as i64);
                let kr = self.kval(key);
                let mut ins = Ins::new(Opc::HLoad, Ty::Val, gr, kr);
                ins.k = e as i64 | HLOAD_NONNIL;
                let r = self.guard(ins);
                self.set(a, r, v);
            }
            Op::SETGLOBAL => {
                if !self.inlined.is_empty() {
                    return Err("store in an inlined call".into());
                }
                // Overwrite of an existing, non-nil global (no __newindex can apply).
                let key = kst(i.bx())?;
                let Some(mut g) = value_as::<Table>(self.proto.env) else { return Err("globals not a table".into()) };
                let Some(e) = Self::entry_of(&g, key) else { return Err("new global".into()) };
                if g.entries[e].value.is_nil() {
                    return Err("store to a removed global".into());
                }
                let vv = self.val(a);
                let vr0 = self.get(a)?;
                let vr = self.boxed(vr0);
                let gr = self.k(Ty::Tab, self.proto.env.0 as i64);
                let kr = self.kval(key);
                let mut ins = Ins::new(Opc::HStore, Ty::None, gr, kr);
                ins.c = vr;
                ins.k = e as i64;
                self.guard(ins);
                g.entries[e].value = vv;
            }
            Op::GETTABLE | Op::GETI => {
                let key = if op == Op::GETI { Value::inline_int(i.c() as i64) } else { self.val(i.c()) };
                let ks = if op == Op::GETI { None } else { Some(i.c()) };
                if !key.is_inline_int() {
                    self.table_get(a, i.b(), ks, key)?;
                    self.pc += 1;
                    return Ok(false);
                }
                let (tr, t) = self.plain_table(i.b())?;
                let idx = key.as_inline_int_unchecked();
                if idx < 1 || idx as u64 > t.array.len() as u64 {
                    self.table_get(a, i.b(), ks, key)?;
                    self.pc += 1;
                    return Ok(false);
                }
                let kr = if op == Op::GETI { self.kint(idx) } else { self.get_as(i.c(), Ty::Int)? };
                let v = t.array[idx as usize - 1];
                let mut ins = Ins::new(Opc::ALoad, Ty::Val, tr, kr);
                ins.snap = SnapId::NONE;
                let r = self.guard(ins);
                self.set(a, r, v);
            }
            Op::NEWTABLE => {
                // Allocated now (the VM's state is that after the instruction); the
                // trace allocates through a call (exit::jit_new_table). The interpreter's
                // GC check after NEWTABLE happens at the trace's next safepoint.
                let (narr, nhash) = (i.b().min(0xFFFF), i.c().min(0xFFFF));
                let t = self.vm.new_table(narr, nhash);
                let mut ins = Ins::new(Opc::NewTab, Ty::Tab, IrRef::NONE, IrRef::NONE);
                ins.k = (narr | nhash << 16) as i64;
                let r = self.emit(ins);
                self.set(a, r, Vm::table_value(t));
            }
            Op::GETFIELD => {
                let key = kst(i.c())?;
                if let Some(e) = self.present_field(i.b(), key) {
                    // A table with a metatable: a present, non-nil field is read raw
                    // (`__index` applies to absent keys only), guarded non-nil.
                    let tr = self.get_as(i.b(), Ty::Tab)?;
                    let v = self.val(i.b());
                    let v = value_as::<Table>(v).map_or(Value::NIL, |t| t.entries[e].value);
                    let kr = self.kval(key);
                    let mut ins = Ins::new(Opc::HLoad, Ty::Val, tr, kr);
                    ins.k = e as i64 | HLOAD_NONNIL;
                    let r = self.guard(ins);
                    self.set(a, r, v);
                    self.pc += 1;
                    return Ok(false);
                }
                let (tr, t) = self.plain_table(i.b())?;
                let Some(e) = Self::entry_of(&t, key) else {
                    self.table_get(a, i.b(), None, key)?;
                    self.pc += 1;
                    return Ok(false);
                };
                let v = t.entries[e].value;
                let kr = self.kval(key);
                let mut ins = Ins::new(Opc::HLoad, Ty::Val, tr, kr);
                ins.k = e as i64;
                let r = self.guard(ins);
                self.set(a, r, v);
            }
            Op::SETTABLE | Op::SETI => {
                if !self.inlined.is_empty() {
                    return Err("store in an inlined call".into());
                }
                let key = if op == Op::SETI { Value::inline_int(i.b() as i64) } else { self.val(i.b()) };
                let ks = if op == Op::SETI { None } else { Some(i.b()) };
                if !key.is_inline_int() {
                    self.table_set(a, ks, key, i.c())?;
                    self.pc += 1;
                    return Ok(false);
                }
                let (tr, mut t) = self.plain_table(a)?;
                let idx = key.as_inline_int_unchecked();
                let vv = self.val(i.c());
                let len = t.array.len() as u64;
                // An append (the interpreter's push_array does nothing else when the
                // hash part is empty; at full capacity the trace grows the array the
                // same way, exit::grow_array).
                let push = idx >= 1 && idx as u64 == len + 1 && t.entries.is_empty() && !vv.is_nil();
                if !push && (idx < 1 || idx as u64 > len) {
                    self.table_set(a, ks, key, i.c())?;
                    self.pc += 1;
                    return Ok(false);
                }
                let kr = if op == Op::SETI { self.kint(idx) } else { self.get_as(i.b(), Ty::Int)? };
                let vr0 = self.get(i.c())?;
                let vr = self.boxed(vr0);
                let mut ins = Ins::new(if push { Opc::APush } else { Opc::AStore }, Ty::None, tr, kr);
                ins.c = vr;
                self.guard(ins);
                if push {
                    if t.array.len() == t.array.capacity() {
                        crate::exit::grow_array(&mut t);
                    }
                    t.array.push(vv);
                } else {
                    t.array[idx as usize - 1] = vv;
                }
            }
            Op::SETFIELD => {
                if !self.inlined.is_empty() {
                    return Err("store in an inlined call".into());
                }
                let key = kst(i.b())?;
                // A table with a metatable: a store to a present, non-nil field (which
                // `hstore` guards) does not consult `__newindex`.
                let (tr, mut t) = match self.present_field(a, key) {
                    Some(_) => {
                        let tr = self.get_as(a, Ty::Tab)?;
                        let t = value_as::<Table>(self.val(a)).ok_or("indexing a non-table")?;
                        (tr, t)
                    }
                    None => self.plain_table(a)?,
                };
                let e = match Self::entry_of(&t, key) {
                    Some(e) if !t.entries[e].value.is_nil() => e,
                    _ => {
                        self.table_set(a, None, key, i.c())?;
                        self.pc += 1;
                        return Ok(false);
                    }
                };
                let vv = self.val(i.c());
                let vr0 = self.get(i.c())?;
                let vr = self.boxed(vr0);
                let kr = self.kval(key);
                let mut ins = Ins::new(Opc::HStore, Ty::None, tr, kr);
                ins.c = vr;
                ins.k = e as i64;
                self.guard(ins);
                t.entries[e].value = vv;
            }
            Op::ADDI => {
                let x = (self.get(i.b())?, self.val(i.b()));
                let y = if x.1.is_float() {
                    (self.knum(i.sc() as f64), Value::float_arith(i.sc() as f64))
                } else {
                    (self.kint(i.sc()), Value::inline_int(i.sc()))
                };
                self.arith(op, a, x, y)?;
            }
            Op::ADDK | Op::SUBK | Op::MULK | Op::DIVK | Op::MODK => {
                let x = (self.get(i.b())?, self.val(i.b()));
                let kv = kst(i.c())?;
                if !kv.is_int() && !kv.is_float() {
                    return Err("non-number constant".into());
                }
                let kr = self.konst_ref(kv);
                self.arith(op, a, x, (kr, kv))?;
            }
            Op::KADD | Op::KSUB | Op::KMUL | Op::KDIV => {
                let kv = kst(i.c())?;
                if !kv.is_int() && !kv.is_float() {
                    return Err("non-number constant".into());
                }
                let kr = self.konst_ref(kv);
                let y = (self.get(i.b())?, self.val(i.b()));
                self.arith(op, a, (kr, kv), y)?;
            }
            // A counted-loop step only accelerates the step, comparison and JMP after it:
            // record those.
            Op::FORLT | Op::FORLE | Op::FORGT | Op::FORGE | Op::FORLTI | Op::FORLEI | Op::FORGTI | Op::FORGEI | Op::FORLTR
            | Op::FORLER
            | Op::FORLTK
            | Op::FORLEK => {}
            Op::ADD | Op::SUB | Op::MUL | Op::DIV | Op::MOD => {
                let x = (self.get(i.b())?, self.val(i.b()));
                let y = (self.get(i.c())?, self.val(i.c()));
                self.arith(op, a, x, y)?;
            }
            Op::BAND | Op::BOR | Op::BXOR | Op::SHL | Op::SHR => {
                let x = (self.get(i.b())?, self.val(i.b()));
                let y = (self.get(i.c())?, self.val(i.c()));
                self.bitwise(op, a, x, y)?;
            }
            Op::BANDK | Op::BORK | Op::BXORK => {
                let x = (self.get(i.b())?, self.val(i.b()));
                let kv = kst(i.c())?;
                if !kv.is_int() {
                    return Err("bitwise op with a non-integer constant".into());
                }
                let kr = self.kint(int_of(kv));
                self.bitwise(op, a, x, (kr, kv))?;
            }
            Op::SHLI | Op::SHRI => {
                let x = (self.get(i.b())?, self.val(i.b()));
                let kr = self.kint(i.sc());
                self.bitwise(op, a, x, (kr, Value::inline_int(i.sc())))?;
            }
            Op::BNOT => {
                let x = (self.get(i.b())?, self.val(i.b()));
                let kr = self.kint(-1);
                self.bitwise(Op::BXOR, a, x, (kr, Value::inline_int(-1)))?;
            }
            Op::UNM => {
                let v = self.val(i.b());
                if v.is_int() {
                    let r = self.get_as(i.b(), Ty::Int)?;
                    let r = self.emit(Ins::new(Opc::NegI, Ty::Int, r, IrRef::NONE));
                    let res = self.vm.int(int_of(v).wrapping_neg());
                    self.set(a, r, res);
                } else if v.is_float() {
                    let r = self.get_as(i.b(), Ty::Num)?;
                    let r = self.emit(Ins::new(Opc::NegN, Ty::Num, r, IrRef::NONE));
                    self.set(a, r, Value::float_arith(-v.as_float_unchecked()));
                } else {
                    return Err("negation of a non-number".into());
                }
            }
            Op::CONCAT => self.concat(a, i.b())?,
            Op::SELF => {
                let key = kst(i.c())?;
                self.method_lookup(a, i.b(), key)?;
            }
            Op::GETUPVAL => {
                let (cell, v) = self.upvalue_cell(i.b())?;
                let r = self.emit(Ins::new(Opc::UvLoad, Ty::Val, cell, IrRef::NONE));
                self.set(a, r, v);
            }
            Op::SETUPVAL => {
                if !self.inlined.is_empty() {
                    return Err("store in an inlined call".into());
                }
                let (cell, _) = self.upvalue_cell(i.b())?;
                let vv = self.val(a);
                let vr0 = self.get(a)?;
                let vr = self.boxed(vr0);
                let mut ins = Ins::new(Opc::UvStore, Ty::None, cell, vr);
                ins.snap = SnapId::NONE;
                self.emit(ins);
                let mut u = self.closure.upvalues[i.b()];
                u.set(vv);
            }
            Op::LEN if value_as::<vm::object::Str>(self.val(i.b())).is_some() => {
                // Strings ignore __len.
                let n = value_as::<vm::object::Str>(self.val(i.b())).map_or(0, |s| s.len());
                let sr = self.str_operand(i.b())?;
                let r = self.emit(Ins::new(Opc::StrLen, Ty::Int, sr, IrRef::NONE));
                self.set(a, r, Value::inline_int(n as i64));
            }
            Op::LEN => {
                let (tr, t) = self.plain_table(i.b())?;
                let n = t.array.len();
                if !t.entries.is_empty() || (n > 0 && t.array[n - 1].is_nil()) {
                    // The general border, out of the trace.
                    let r = self.guard(Ins::new(Opc::TLen, Ty::Int, tr, IrRef::NONE));
                    let len = t.border();
                    let v = self.vm.int(len);
                    self.set(a, r, v);
                    self.pc += 1;
                    return Ok(false);
                }
                let r = self.guard(Ins::new(Opc::ALen, Ty::Int, tr, IrRef::NONE));
                self.set(a, r, Value::inline_int(n as i64));
            }
            Op::JMP => {
                let sj = i.sj();
                let target = (pc as i64 + 1 + sj as i64) as usize;
                if sj < 0 {
                    if target == header && pc == from_pc && self.inlined.is_empty() {
                        return Ok(true);
                    }
                    self.back_jump(target, pc)?;
                } else {
                    self.forward_jump(pc, target)?;
                }
                self.pc = target;
                return Ok(false);
            }
            Op::EQ | Op::LT | Op::LE => {
                let x = (self.get(a)?, self.val(a));
                let y = (self.get(i.b())?, self.val(i.b()));
                let c = match op {
                    Op::EQ => Cond::Eq,
                    Op::LT => Cond::Lt,
                    _ => Cond::Le,
                };
                let cond = self.compare(x, y, c)?;
                return self.cond_jump(cond == i.k(), header, from_pc);
            }
            Op::EQI | Op::LTI | Op::LEI | Op::GTI | Op::GEI => {
                let x = (self.get(a)?, self.val(a));
                let imm = i.sb();
                let y = if x.1.is_float() { (self.knum(imm as f64), Value::float_arith(imm as f64)) } else { (self.kint(imm), Value::inline_int(imm)) };
                let c = match op {
                    Op::EQI => Cond::Eq,
                    Op::LTI => Cond::Lt,
                    Op::LEI => Cond::Le,
                    Op::GTI => Cond::Gt,
                    _ => Cond::Ge,
                };
                let cond = self.compare(x, y, c)?;
                return self.cond_jump(cond == i.k(), header, from_pc);
            }
            Op::EQK => {
                let kv = kst(i.b())?;
                let xv = self.val(a);
                let xr = self.get(a)?;
                let cond = if kv.is_int() || kv.is_float() {
                    if !(xv.is_int() || xv.is_float()) {
                        return Err("EQK of a non-number with a number".into());
                    }
                    let kr = self.konst_ref(kv);
                    self.compare((xr, xv), (kr, kv), Cond::Eq)?
                } else if kv.is_nil() || kv.is_bool() || value_as::<vm::object::Str>(kv).is_some_and(|s| s.interned) {
                    // Bit equality is raw equality here (interned strings are unique).
                    let cond = xv.0 == kv.0;
                    if self.t.ty(xr) == Ty::Val {
                        let kr = self.kval(kv);
                        let mut ins = Ins::new(Opc::GuardV, Ty::None, xr, kr);
                        ins.k = cond as i64;
                        self.guard(ins);
                    } else if cond {
                        return Err("EQK type confusion".into());
                    }
                    cond
                } else {
                    return Err("EQK with a long string".into());
                };
                return self.cond_jump(cond == i.k(), header, from_pc);
            }
            Op::TEST => {
                let v = self.val(a);
                let r = self.get(a)?;
                let truthy = v.is_truthy();
                if self.t.ty(r) == Ty::Val {
                    let mut ins = Ins::new(Opc::GuardT, Ty::None, r, IrRef::NONE);
                    ins.k = truthy as i64;
                    self.guard(ins);
                }
                return self.cond_jump(truthy == i.k(), header, from_pc);
            }
            Op::CALL => {
                if value_as::<Closure>(self.val(a)).is_some() {
                    self.call_inline(a, i.b(), i.c())?;
                    return Ok(false);
                }
                self.call_builtin(a, i.b(), i.c())?;
            }
            Op::TAILCALL if !self.inlined.is_empty() => {
                if value_as::<Closure>(self.val(a)).is_some() {
                    self.call_inline_tail(a, i.b())?;
                } else {
                    // A builtin: call it for the results the inlined call wants, then
                    // return those.
                    let want = self.inlined.last().map_or(1, |f| f.want);
                    self.call_builtin(a, i.b(), want + 1)?;
                    self.ret(a, want)?;
                }
                return Ok(false);
            }
            Op::SETLIST => self.set_list(a, i.b(), i.c())?,
            Op::RANGEPREP => self.range_prep(a, i.c() == 1)?,
            Op::RANGECALL if self.val(a).is_function() => self.range_call_generic(a, i.b())?,
            Op::RANGECALL => return self.range_call(a, i.b(), header, from_pc),
            Op::RANGELOOP => return self.range_loop(a, i.sbx(), header, from_pc),
            Op::RETURN0 => return self.ret(0, 0).map(|_| false),
            Op::RETURN1 => return self.ret(a, 1).map(|_| false),
            Op::RETURN if i.b() != 0 => return self.ret(a, i.b() - 1).map(|_| false),
            _ => return Err(format!("unsupported {}", op.name())),
        }
        self.pc += 1;
        Ok(false)
    }
}

/// Bit in `HLoad.k`: also guard that the loaded value is not nil (global reads).
pub const HLOAD_NONNIL: i64 = 1 << 40;

/// Records one iteration of the loop whose header is the current frame's pc, closed by
/// the backward jump at `from_pc`. On success the VM is at the loop header again (after
/// one iteration); on abort it is at `Abort::pc`.
/// A recording that unrolled an inner loop and then failed reports "inner loop ..." (see
/// [`UNROLL_FAILED`]), so the engine records an entry trace next, as without unrolling.
pub fn record(vm: &mut Vm, from_pc: usize, fold: bool, unroll: bool) -> Result<Recorded, Abort> {
    let mut rec = Rec::start(vm, fold, false)?;
    rec.unroll_left = if unroll { MAX_UNROLL } else { 0 };
    match record_loop(&mut rec, from_pc) {
        Ok(mut r) => {
            r.unrolled = rec.unroll_left < MAX_UNROLL && unroll;
            Ok(r)
        }
        Err(mut a) => {
            if unroll && rec.unroll_left < MAX_UNROLL && a.reason != "inner loop" {
                a.reason = format!("{}: {}", UNROLL_FAILED, a.reason);
            }
            Err(a)
        }
    }
}

/// Prefix of the abort reason of a loop trace that failed after unrolling an inner loop.
pub const UNROLL_FAILED: &str = "inner loop (unrolled)";

fn record_loop(rec: &mut Rec, from_pc: usize) -> Result<Recorded, Abort> {
    let header = rec.pc;
    for _ in 0..MAX_RECORD {
        if rec.inlined.is_empty() && (rec.pc < header || rec.pc > from_pc) {
            if rec.close_left_loop(from_pc) {
                // The loop's last iteration: closed anyway, the VM continues after it.
                let mut ins = Ins::new(Opc::Loop, Ty::None, IrRef::NONE, IrRef::NONE);
                ins.snap = rec.snap(header);
                rec.t.push(ins);
                let mut th = rec.vm.current;
                if let Some(f) = th.frames.last_mut() {
                    f.pc = rec.pc;
                }
                return Ok(Recorded { trace: std::mem::take(&mut rec.t), roots: std::mem::take(&mut rec.roots), unrolled: false });
            }
            return Err(Abort { pc: rec.pc, reason: "left the loop".into() });
        }
        match rec.step(header, from_pc) {
            Ok(false) => {}
            Ok(true) => {
                let mut ins = Ins::new(Opc::Loop, Ty::None, IrRef::NONE, IrRef::NONE);
                ins.snap = rec.snap(header);
                rec.t.push(ins);
                return Ok(Recorded { trace: std::mem::take(&mut rec.t), roots: std::mem::take(&mut rec.roots), unrolled: false });
            }
            Err(reason) => {
                // Inside an inlined call, the VM is still at the outermost call.
                let pc = rec.inlined.first().map_or(rec.pc, |f| f.call_pc);
                return Err(Abort { pc, reason });
            }
        }
    }
    let pc = rec.inlined.first().map_or(rec.pc, |f| f.call_pc);
    Err(Abort { pc, reason: "trace too long".into() })
}

/// Records a side trace: from the current frame's pc (where a trace exited, with the
/// interpreter's state restored) along the path the execution takes, following backward
/// jumps, until it reaches one of the loop headers `stops` (which have traces) outside
/// inlined calls, or a return of the traced function. The trace ends with `Exit` whose
/// snapshot is the state at that header (or return);
/// on success the VM is there, on abort at `Abort::pc`.
pub fn record_side(vm: &mut Vm, stops: &[usize], fold: bool) -> Result<Recorded, Abort> {
    let mut rec = Rec::start(vm, fold, true)?;
    for n in 0..MAX_RECORD {
        // A return of the traced function also ends the side trace (the interpreter
        // executes it): the tail of a loop at the end of a function gets compiled.
        let at_return = rec.proto.code.get(rec.pc).is_some_and(|i| matches!(i.op(), Op::RETURN0 | Op::RETURN1 | Op::RETURN));
        if n > 0 && rec.inlined.is_empty() && (stops.contains(&rec.pc) || at_return) {
            let mut ins = Ins::new(Opc::Exit, Ty::None, IrRef::NONE, IrRef::NONE);
            ins.snap = rec.snap(rec.pc);
            rec.t.push(ins);
            let mut th = rec.vm.current;
            if let Some(f) = th.frames.last_mut() {
                f.pc = rec.pc;
            }
            return Ok(Recorded { trace: rec.t, roots: rec.roots, unrolled: false });
        }
        if let Err(reason) = rec.step(usize::MAX, usize::MAX) {
            let pc = rec.inlined.first().map_or(rec.pc, |f| f.call_pc);
            return Err(Abort { pc, reason });
        }
    }
    let pc = rec.inlined.first().map_or(rec.pc, |f| f.call_pc);
    Err(Abort { pc, reason: "trace too long".into() })
}
