//! The bytecode dispatch loop.
//!
//! `execute` runs the current thread's top frame (a script frame) and everything it
//! calls, until a FRESH frame completes (return to the Rust caller) or an error unwinds
//! past one. Fast paths (inline integers, floats, plain tables) are written inline; the
//! rest is in out-of-line slow paths (`slow.rs`) that may call metamethods.
//!
//! Register access uses a raw pointer to the current thread's stack. Invariants: the
//! pointer is reloaded after anything that can reallocate the stack (every slow path,
//! call or allocation of stack space), and the running frame's registers
//! `base..base + max_stack` are always inside the stack (`precall` ensures it).

use crate::call::Flow;
use crate::error::RtError;
use crate::function::{Closure, Native, NativeKind, ProtoObj};
use crate::object::{value_as, Gc};
use crate::ops::{self, ArithOp};
use crate::table::Table;
use crate::thread::flags;
use crate::value::{fits_inline, Value};
use crate::vm::Vm;
use compiler::{Instr, Op};

/// A number operand as a float: inline integers and floats (boxed integers and other
/// values take the slow path).
#[inline(always)]
fn num_f64(v: Value) -> Option<f64> {
    if v.is_float() {
        Some(v.as_float_unchecked())
    } else if v.is_inline_int() {
        Some(v.as_inline_int_unchecked() as f64)
    } else {
        None
    }
}

/// Markers stored in R[A] of a range loop for the built-in iteration kinds.
pub const RANGE_TABLE: Value = Value(0xFFFA_0000_0000_0110);
pub const RANGE_NUMBER: Value = Value(0xFFFA_0000_0000_0111);
pub const RANGE_CHANNEL: Value = Value(0xFFFA_0000_0000_0112);

impl Vm {
    /// Runs the current thread's top frame until a FRESH frame completes (see the
    /// module header), with the assembly interpreter when it is switched on
    /// (`asm_interp`), else with the Rust dispatch loop alone.
    pub fn execute(&mut self) -> Result<(), RtError> {
        if self.asm_interp {
            return self.execute_asm();
        }
        self.run::<false>(true).map(|_| ())
    }

    /// The dispatch loop. Returns `Ok(false)` when a FRESH frame completed (or nothing
    /// is left to run). With `STEP` it instead returns `Ok(true)` as soon as one
    /// instruction has been started and control is back at the top of the dispatch
    /// loop (the instruction done, or a frame entered/left, with everything the loop
    /// does around it: errors handled, GC and goroutine checks): the top frame is then
    /// a script frame whose `pc` is saved. The assembly interpreter uses this to run
    /// exactly one instruction it does not handle. `STEP = false` is the plain loop
    /// (the check is compiled out).
    ///
    /// `entry_checks` = false skips the GC and goroutine checks of the first pass
    /// through the outer loop: a step that continues the instruction stream of the
    /// assembly interpreter is not a safepoint the Rust loop would have passed either
    /// (with it, every hand-off collected under `--gc-stress`).
    pub(crate) fn run<const STEP: bool>(&mut self, entry_checks: bool) -> Result<bool, RtError> {
        let mut pending: Option<RtError> = None;
        let mut stepped = false;
        let mut checks = entry_checks;
        'outer: loop {
            if let Some(e) = pending.take() {
                match self.handle_error(e) {
                    Ok(Flow::Exit) => return Ok(false),
                    Ok(_) => {}
                    Err(e) => return Err(e),
                }
            }
            if !STEP || checks {
                self.check_gc();
            }
            // Goroutine hook (sched.rs): a goroutine that blocked, ended or was preempted
            // (by `preempt` from `run_hooks`) is switched out only here.
            if (!STEP || checks) && self.sched.tick <= 0 {
                match self.sched_point() {
                    Ok(Flow::Exit) => return Ok(false),
                    Ok(_) => {}
                    Err(e) => {
                        pending = Some(e);
                        continue 'outer;
                    }
                }
            }
            if STEP {
                checks = true;
            }
            let mut th = self.current;
            let Some(mut fidx) = th.frames.len().checked_sub(1) else { return Ok(false) };
            let Some(closure) = th.frames[fidx].closure else {
                // A builtin frame on top means a builtin's call completed while
                // switching threads; nothing to run here.
                return Ok(false);
            };
            let mut closure: Gc<Closure> = closure;
            let mut base = th.frames[fidx].base;
            let mut pc = th.frames[fidx].pc;
            let mut proto: Gc<ProtoObj> = closure.proto;
            // SAFETY: the prototype is kept alive by the closure, which is in the frame's
            // function slot (a GC root); its code and constants never change.
            let mut code: &[Instr] = unsafe { &*(&*proto.code as *const [Instr]) };
            let mut k: &[Value] = unsafe { &*(&*proto.constants as *const [Value]) };
            // Switches the dispatch state to frame `fidx` (a script frame) without going
            // through the outer loop (fast calls and returns).
            macro_rules! load_frame {
                () => {{
                    // SAFETY: callers keep fidx == frames.len() - 1.
                    let f = unsafe { th.frames.get_unchecked(fidx) };
                    base = f.base;
                    pc = f.pc;
                    if let Some(c) = f.closure {
                        closure = c;
                    }
                    proto = closure.proto;
                    // SAFETY: as above: the closure keeps the prototype alive.
                    code = unsafe { &*(&*proto.code as *const [Instr]) };
                    k = unsafe { &*(&*proto.constants as *const [Value]) };
                }};
            }
            // Switches the dispatch state to a frame just pushed for closure `$c` with
            // registers at `$base` (no reload of what was just stored).
            macro_rules! enter_closure {
                ($c:expr, $base:expr) => {{
                    closure = $c;
                    base = $base;
                    pc = 0;
                    proto = closure.proto;
                    // SAFETY: as above: the closure keeps the prototype alive.
                    code = unsafe { &*(&*proto.code as *const [Instr]) };
                    k = unsafe { &*(&*proto.constants as *const [Value]) };
                }};
            }
            let mut stack: *mut Value = th.stack.as_mut_ptr();

            // A constant operand of the arithmetic, comparison and loop ops.
            // SAFETY: load.rs checks that their constant indices are in range.
            macro_rules! kst {
                ($x:expr) => {{
                    let x = $x;
                    debug_assert!(x < k.len());
                    unsafe { *k.get_unchecked(x) }
                }};
            }
            // SAFETY (all register macros): base + x < base + max_stack <= stack.len()
            // (compiler guarantees register numbers < max_stack; precall sizes the stack).
            macro_rules! r {
                ($x:expr) => {
                    unsafe { *stack.add(base + $x) }
                };
            }
            macro_rules! set {
                ($x:expr, $v:expr) => {{
                    let v = $v;
                    unsafe { *stack.add(base + $x) = v }
                }};
            }
            macro_rules! save_pc {
                () => {
                    // SAFETY: fidx is the running frame, frames.len() - 1.
                    unsafe { th.frames.get_unchecked_mut(fidx).pc = pc };
                };
            }
            // Runs a fallible slow path that does not change frames.
            macro_rules! protect {
                ($e:expr) => {{
                    save_pc!();
                    match $e {
                        Ok(v) => {
                            stack = th.stack.as_mut_ptr();
                            v
                        }
                        Err(err) => {
                            pending = Some(err);
                            continue 'outer;
                        }
                    }
                }};
            }
            // Runs something that may push frames or finish the instruction later.
            macro_rules! flow {
                ($e:expr) => {{
                    save_pc!();
                    match $e {
                        Ok(Flow::Done) => {
                            stack = th.stack.as_mut_ptr();
                        }
                        Ok(Flow::Enter) => continue 'outer,
                        Ok(Flow::Exit) => return Ok(false),
                        Err(err) => {
                            pending = Some(err);
                            continue 'outer;
                        }
                    }
                }};
            }
            // Like flow!, but the instruction's effect happens in finish_op (reload pc).
            macro_rules! meta_flow {
                ($e:expr) => {{
                    save_pc!();
                    match $e {
                        Ok(Flow::Exit) => return Ok(false),
                        Ok(_) => continue 'outer,
                        Err(err) => {
                            pending = Some(err);
                            continue 'outer;
                        }
                    }
                }};
            }
            // A loop back-edge (pc = the loop header, $from = the jumping instruction):
            // the safepoint countdown, whose slow path also serves the JIT (jit_hooks.rs).
            // With a JIT attached, also the loop's hot counter (engine called at zero).
            macro_rules! back_edge {
                ($from:expr) => {{
                    self.hook_countdown -= 1;
                    if self.hook_countdown <= 0 {
                        save_pc!();
                        flow!(self.back_edge_hook($from));
                    } else if !self.jit_hot.is_empty() {
                        let slot = crate::jit_hooks::hot_slot(code.as_ptr(), pc);
                        // SAFETY: hot_slot masks with HOT_SLOTS - 1 and a non-empty
                        // jit_hot has HOT_SLOTS entries.
                        let c = unsafe { self.jit_hot.get_unchecked_mut(slot) };
                        *c -= 1;
                        if *c <= 0 {
                            save_pc!();
                            flow!(self.jit_hot_hook($from, slot));
                        }
                    }
                }};
            }
            macro_rules! jump_if {
                ($cond:expr, $i:expr) => {{
                    if $cond == $i.k() {
                        // SAFETY: a conditional op is always followed by a JMP.
                        let j = unsafe { *code.get_unchecked(pc) };
                        let from = pc;
                        pc = (pc as i64 + 1 + j.sj() as i64) as usize;
                        if j.sj() < 0 {
                            back_edge!(from);
                        }
                    } else {
                        pc += 1;
                    }
                }};
            }
            // An out-of-line number operation that stores its result itself (true when
            // done). The dispatch state is reloaded from the frame afterwards, so nothing
            // stays live across the call: that keeps spills out of the fast paths.
            macro_rules! off_line {
                ($e:expr) => {{
                    save_pc!();
                    let done = $e;
                    let f = &th.frames[fidx];
                    pc = f.pc;
                    base = f.base;
                    stack = th.stack.as_mut_ptr();
                    if done {
                        continue;
                    }
                }};
            }
            // Arithmetic with a register or constant right operand: inline integers
            // (wrapping, boxed when outside the inline range), then numbers as floats,
            // then the metamethod/error slow path.
            macro_rules! arith {
                ($i:expr, $op:expr, $rhs:expr, $rhs_reg:expr, |$x:ident, $y:ident| $int:expr, |$fx:ident, $fy:ident| $float:expr) => {
                    arith!($i, $op, r!($i.b()), Some($i.b()), $rhs, $rhs_reg, |$x, $y| $int, |$fx, $fy| $float)
                };
                ($i:expr, $op:expr, $lhs:expr, $lhs_reg:expr, $rhs:expr, $rhs_reg:expr, |$x:ident, $y:ident| $int:expr, |$fx:ident, $fy:ident| $float:expr) => {{
                    let i = $i;
                    let (lhs, rhs) = ($lhs, $rhs);
                    if lhs.is_inline_int() && rhs.is_inline_int() {
                        let $x = lhs.as_inline_int_unchecked();
                        let $y = rhs.as_inline_int_unchecked();
                        let res: i64 = $int;
                        if fits_inline(res) {
                            set!(i.a(), Value::inline_int(res));
                        } else {
                            off_line!(self.store_number(base + i.a(), Value::inline_int(0), Value::inline_int(0), Some(res), $op));
                        }
                    } else if lhs.is_float() && rhs.is_float() {
                        let ($fx, $fy) = (lhs.as_float_unchecked(), rhs.as_float_unchecked());
                        set!(i.a(), Value::float_arith($float));
                    } else if let (Some($fx), Some($fy)) = (num_f64(lhs), num_f64(rhs)) {
                        set!(i.a(), Value::float_arith($float));
                    } else {
                        off_line!(self.store_number(base + i.a(), lhs, rhs, None, $op));
                        meta_flow!(self.arith_slow($op, lhs, rhs, $lhs_reg, $rhs_reg));
                    }
                }};
            }

            // `/` (always float) and `%` (floored) with a register or constant right operand.
            macro_rules! div {
                ($i:expr, $rhs:expr, $rhs_reg:expr) => {{
                    let i = $i;
                    let (lhs, rhs) = (r!(i.b()), $rhs);
                    if let (Some(x), Some(y)) = (num_f64(lhs), num_f64(rhs)) {
                        set!(i.a(), Value::float_arith(x / y));
                    } else {
                        meta_flow!(self.arith_slow(ArithOp::Div, lhs, rhs, Some(i.b()), $rhs_reg));
                    }
                }};
            }
            macro_rules! modulo {
                ($i:expr, $rhs:expr, $rhs_reg:expr) => {{
                    let i = $i;
                    let (lhs, rhs) = (r!(i.b()), $rhs);
                    if lhs.is_inline_int() && rhs.is_inline_int() && rhs.as_inline_int_unchecked() != 0 {
                        let r = ops::int_mod(lhs.as_inline_int_unchecked(), rhs.as_inline_int_unchecked());
                        set!(i.a(), Value::inline_int(r));
                    } else if lhs.is_float() && rhs.is_float() {
                        set!(i.a(), Value::float(ops::float_mod(lhs.as_float_unchecked(), rhs.as_float_unchecked())));
                    } else {
                        meta_flow!(self.arith_slow(ArithOp::Mod, lhs, rhs, Some(i.b()), $rhs_reg));
                    }
                }};
            }

            // Bitwise op with a register, constant or immediate right operand: integers
            // (inline or boxed; the result is boxed only when it leaves the inline range),
            // then floats with an integer value (arith_fast), then metamethods / errors.
            macro_rules! bitwise {
                ($i:expr, $op:expr, $rhs:expr, $rhs_reg:expr, |$x:ident, $y:ident| $int:expr) => {{
                    let i = $i;
                    let (lhs, rhs) = (r!(i.b()), $rhs);
                    if let (Some($x), Some($y)) = (lhs.as_int(), rhs.as_int()) {
                        let res: i64 = $int;
                        if fits_inline(res) {
                            set!(i.a(), Value::inline_int(res));
                        } else {
                            off_line!(self.store_number(base + i.a(), lhs, rhs, Some(res), $op));
                        }
                    } else {
                        off_line!(self.store_number(base + i.a(), lhs, rhs, None, $op));
                        meta_flow!(self.arith_slow($op, lhs, rhs, Some(i.b()), $rhs_reg));
                    }
                }};
            }

            // Comparison with an immediate: int and float fast paths; otherwise numbers
            // compare exactly and other values use __lt/__le with operands swapped for
            // GTI/GEI (`sB < R[A]`).
            macro_rules! cmp_imm {
                ($i:expr, |$p:ident, $q:ident| $int:expr, |$fp:ident, $fq:ident| $float:expr, $swap:expr, $is_lt:expr) => {{
                    let i = $i;
                    let x = r!(i.a());
                    let imm = i.sb();
                    let cond = if x.is_inline_int() {
                        let $p = x.as_inline_int_unchecked();
                        let $q = imm;
                        $int
                    } else if x.is_float() {
                        let $fp = x.as_float_unchecked();
                        let $fq = imm as f64;
                        $float
                    } else {
                        // The literal as written (`4.0` stays a float for metamethods).
                        let y = if i.imm_is_float() { Value::float(imm as f64) } else { Value::inline_int(imm) };
                        let (l, r) = if $swap { (y, x) } else { (x, y) };
                        if l.is_number() && r.is_number() {
                            if $is_lt {
                                ops::num_lt(l, r)
                            } else {
                                ops::num_le(l, r)
                            }
                        } else {
                            meta_flow!(self.compare_meta(l, r, $is_lt))
                        }
                    };
                    jump_if!(cond, i);
                }};
            }

            // FORxx (bytecode.rs): the integer fast path of the step + compare + backward
            // JMP that follow; otherwise fall through to the step instruction.
            macro_rules! for_step {
                ($i:expr, $lim:expr, |$x:ident, $y:ident| $cond:expr) => {
                    for_step!($i, $lim, Value::inline_int($i.sc()), 2, |$x, $y| $cond)
                };
                ($i:expr, $lim:expr, $step:expr, $jmp:expr, |$x:ident, $y:ident| $cond:expr) => {{
                    let i = $i;
                    let v = r!(i.a());
                    let lim: Value = $lim;
                    let step: Value = $step;
                    if v.is_inline_int() && lim.is_inline_int() && step.is_inline_int() {
                        // Two inline (48-bit) integers: no i64 overflow.
                        let n = v.as_inline_int_unchecked() + step.as_inline_int_unchecked();
                        if fits_inline(n) {
                            set!(i.a(), Value::inline_int(n));
                            let ($x, $y) = (n, lim.as_inline_int_unchecked());
                            // SAFETY: the compiler emits FORxx only in front of a step, a
                            // comparison (FORxxK: a load and a comparison) and a backward JMP
                            // at pc + $jmp (control.rs, patch_loop_step).
                            let j = unsafe { *code.get_unchecked(pc + $jmp) };
                            if $cond {
                                let from = pc + $jmp;
                                pc = (pc as i64 + $jmp + 1 + j.sj() as i64) as usize;
                                back_edge!(from);
                            } else {
                                pc += $jmp + 1;
                            }
                        }
                    }
                }};
            }

            // `obj[key]` / `obj[key] = val` through `__index` / `__newindex`: one cold
            // out-of-line call (slow.rs) after which the dispatch state is reloaded from
            // the frame, like off_line!, so that nothing stays live across it (keeps
            // spills out of the fast paths). Must end the instruction's match arm.
            macro_rules! index_slow {
                ($dst:expr, $obj:expr, $key:expr, $reg:expr) => {{
                    let (dst, obj, key, reg) = (base + $dst, $obj, $key, $reg);
                    save_pc!();
                    let r = self.index_slow_op(dst, obj, key, reg);
                    slow_done!(r);
                }};
            }
            macro_rules! newindex_slow {
                ($obj:expr, $key:expr, $val:expr, $reg:expr) => {{
                    let (obj, key, val, reg) = ($obj, $key, $val, $reg);
                    save_pc!();
                    let r = self.newindex_slow_op(obj, key, val, reg);
                    slow_done!(r);
                }};
            }
            macro_rules! slow_done {
                ($r:expr) => {{
                    match $r {
                        Ok(Flow::Done) => {
                            let f = &th.frames[fidx];
                            pc = f.pc;
                            base = f.base;
                            stack = th.stack.as_mut_ptr();
                            continue;
                        }
                        Ok(Flow::Exit) => return Ok(false),
                        Ok(_) => continue 'outer,
                        Err(err) => {
                            pending = Some(err);
                            continue 'outer;
                        }
                    }
                }};
            }

            // Returns from a plain frame (called by CALL from a script frame, no flags)
            // without deferred calls: copy `n` results from R[ra] and reload the caller.
            macro_rules! fast_return {
                ($ra:expr, $n:expr) => {{
                    // SAFETY: fidx is the running frame, frames.len() - 1.
                    let f = unsafe { th.frames.get_unchecked(fidx) };
                    // TAIL alone: a tail call replaced a plain frame (same caller).
                    if f.flags & !flags::TAIL == 0 && f.extra.is_none() {
                        let (ra, n) = ($ra, $n);
                        let dst = f.func;
                        let want = f.want;
                        if th.open_upvalues.last().is_some_and(|u| u.stack_index >= base) {
                            th.close_upvalues(base);
                        }
                        let src = base + ra;
                        for j in 0..n {
                            unsafe { *stack.add(dst + j) = *stack.add(src + j) };
                        }
                        if want < 0 {
                            th.top = dst + n;
                        } else {
                            for j in n..want as usize {
                                unsafe { *stack.add(dst + j) = Value::NIL };
                            }
                        }
                        // SAFETY: fidx is the last frame; it owns no heap data (`extra` is
                        // None and the rest is Copy), so forgetting it leaks nothing.
                        unsafe { th.frames.set_len(fidx) };
                        // A plain frame was called by CALL from a script frame: resume it.
                        fidx -= 1;
                        load_frame!();
                        continue;
                    }
                }};
            }

            loop {
                if STEP {
                    if stepped {
                        save_pc!();
                        return Ok(true);
                    }
                    stepped = true;
                }
                // SAFETY: the compiler ends every function with a RETURN, so pc stays in
                // bounds; jumps target instructions of the same function.
                let i = unsafe { *code.get_unchecked(pc) };
                pc += 1;
                let a = i.a();
                // SAFETY: load.rs validated every opcode of the prototype.
                match unsafe { i.op_unchecked() } {
                    Op::MOVE => set!(a, r!(i.b())),
                    Op::LOADK => set!(a, k[i.bx()]),
                    Op::LOADI => set!(a, Value::inline_int(i.sbx() as i64)),
                    Op::LOADF => set!(a, Value::float_arith(i.sbx() as f64)),
                    Op::LOADNIL => {
                        for j in 0..=i.b() {
                            set!(a + j, Value::NIL);
                        }
                    }
                    Op::LOADFALSE => set!(a, Value::FALSE),
                    Op::LOADTRUE => set!(a, Value::TRUE),
                    Op::GETUPVAL => set!(a, closure.upvalues[i.b()].get()),
                    Op::SETUPVAL => {
                        let mut u = closure.upvalues[i.b()];
                        u.set(r!(a));
                    }
                    Op::GETGLOBAL => {
                        let key = k[i.bx()];
                        let mut v = Value::NIL;
                        let mut found = false;
                        if let Some(g) = value_as::<Table>(proto.env) {
                            v = g.get_with_hint(key, &proto.global_cache[i.bx()]);
                            found = !v.is_nil() || g.meta.is_none();
                        }
                        if found {
                            set!(a, v);
                        } else {
                            index_slow!(a, proto.env, key, None);
                        }
                    }
                    Op::SETGLOBAL => {
                        let key = k[i.bx()];
                        let val = r!(a);
                        let done = match value_as::<Table>(proto.env) {
                            Some(mut g) => g.set_existing_with_hint(key, val, &proto.global_cache[i.bx()]),
                            None => false,
                        };
                        if !done {
                            newindex_slow!(proto.env, key, val, None);
                        }
                    }
                    // Array-part hits are inline; everything else (hash part, other key
                    // types, metatables, errors) is one out-of-line call (index_slow!).
                    Op::GETTABLE => {
                        let (obj, key) = (r!(i.b()), r!(i.c()));
                        if let Some(t) = value_as::<Table>(obj) {
                            if key.is_inline_int() {
                                if let Some(v) = t.array_get(key.as_inline_int_unchecked()) {
                                    if !v.is_nil() || t.meta.is_none() {
                                        set!(a, v);
                                        continue;
                                    }
                                }
                            } else if key.is_str() {
                                // SAFETY: R[A] is a register of the running frame (see r!).
                                let dst = unsafe { stack.add(base + a) };
                                off_line!(t.get_str_into(key, dst));
                            }
                        }
                        index_slow!(a, obj, key, Some(i.b()));
                    }
                    Op::GETI => {
                        let obj = r!(i.b());
                        if let Some(t) = value_as::<Table>(obj) {
                            if let Some(v) = t.array_get(i.c() as i64) {
                                if !v.is_nil() || t.meta.is_none() {
                                    set!(a, v);
                                    continue;
                                }
                            }
                        }
                        index_slow!(a, obj, Value::inline_int(i.c() as i64), Some(i.b()));
                    }
                    Op::GETFIELD => {
                        let (obj, key) = (r!(i.b()), k[i.c()]);
                        if let Some(t) = value_as::<Table>(obj) {
                            // The per-constant cache cell (shared with GETGLOBAL) holds
                            // the entry index where this key was last found.
                            let v = t.get_field_cached(key, &proto.global_cache[i.c()]);
                            if !v.is_nil() || t.meta.is_none() {
                                set!(a, v);
                                continue;
                            }
                        }
                        index_slow!(a, obj, key, Some(i.b()));
                    }
                    // An existing array item is stored inline (no __newindex even with
                    // a metatable); other integer keys of a table without metatable
                    // (append, hash part) go out of line with the dispatch state reloaded
                    // afterwards; the rest is newindex_slow!.
                    Op::SETTABLE => {
                        let (obj, key, val) = (r!(a), r!(i.b()), r!(i.c()));
                        if let Some(mut t) = value_as::<Table>(obj) {
                            if key.is_inline_int() {
                                let n = key.as_inline_int_unchecked();
                                let no_meta = t.meta.is_none();
                                if let Some(slot) = t.array_slot(n) {
                                    if !slot.is_nil() || no_meta {
                                        *slot = val;
                                        continue;
                                    }
                                }
                                if t.meta.is_none() {
                                    off_line!(t.set_int_out_of_line(n, val));
                                }
                            }
                        }
                        newindex_slow!(obj, key, val, Some(a));
                    }
                    Op::SETI => {
                        let (obj, val) = (r!(a), r!(i.c()));
                        if let Some(mut t) = value_as::<Table>(obj) {
                            let n = i.b() as i64;
                            let no_meta = t.meta.is_none();
                            if let Some(slot) = t.array_slot(n) {
                                if !slot.is_nil() || no_meta {
                                    *slot = val;
                                    continue;
                                }
                            }
                            if t.meta.is_none() {
                                off_line!(t.set_int_out_of_line(n, val));
                            }
                        }
                        newindex_slow!(obj, Value::inline_int(i.b() as i64), val, Some(a));
                    }
                    Op::SETFIELD => {
                        let (obj, key, val) = (r!(a), k[i.b()], r!(i.c()));
                        if let Some(mut t) = value_as::<Table>(obj) {
                            if t.set_field_cached(key, val, &proto.global_cache[i.b()]) {
                                continue;
                            }
                            if t.meta.is_none() {
                                t.set(key, val);
                                continue;
                            }
                        }
                        newindex_slow!(obj, key, val, Some(a));
                    }
                    Op::NEWTABLE => {
                        let t = self.new_table(i.b(), i.c());
                        set!(a, Vm::table_value(t));
                        save_pc!();
                        self.check_gc();
                    }
                    Op::SELF => {
                        let obj = r!(i.b());
                        let key = k[i.c()];
                        set!(a + 1, obj);
                        // Method lookup: follow `__index` tables inline (the usual class
                        // chain), with the constant's entry-index hint (K[C] is a string).
                        // Anything else (a function handler, a long chain) restarts in the
                        // generic lookup, which has no side effects before that point.
                        let mut found = None;
                        if let Some(mut t) = value_as::<Table>(obj) {
                            let hint = &proto.global_cache[i.c()];
                            let mut hops = 0;
                            loop {
                                let v = t.get_with_hint(key, hint);
                                if !v.is_nil() {
                                    found = Some(v);
                                    break;
                                }
                                let Some(mt) = t.meta else {
                                    found = Some(Value::NIL);
                                    break;
                                };
                                let h = self.metamethod_in(mt, crate::vm::Tm::Index);
                                if h.is_nil() {
                                    found = Some(Value::NIL);
                                    break;
                                }
                                match value_as::<Table>(h) {
                                    Some(ht) if hops < 16 => {
                                        t = ht;
                                        hops += 1;
                                    }
                                    _ => break,
                                }
                            }
                        }
                        match found {
                            Some(v) => set!(a, v),
                            None => index_slow!(a, obj, key, Some(i.b())),
                        }
                    }

                    Op::ADDI => {
                        let lhs = r!(i.b());
                        let imm = i.sc();
                        if lhs.is_inline_int() {
                            let res = lhs.as_inline_int_unchecked() + imm;
                            if fits_inline(res) {
                                set!(a, Value::inline_int(res));
                            } else {
                                off_line!(self.store_number(base + a, lhs, lhs, Some(res), ArithOp::Add));
                            }
                        } else if lhs.is_float() {
                            set!(a, Value::float_arith(lhs.as_float_unchecked() + imm as f64));
                        } else {
                            off_line!(self.store_number(base + a, lhs, Value::inline_int(imm), None, ArithOp::Add));
                            meta_flow!(self.arith_slow(ArithOp::Add, lhs, Value::inline_int(imm), Some(i.b()), None));
                        }
                    }
                    Op::ADDK => arith!(i, ArithOp::Add, kst!(i.c()), None, |x, y| x + y, |x, y| x + y),
                    Op::SUBK => arith!(i, ArithOp::Sub, kst!(i.c()), None, |x, y| x - y, |x, y| x - y),
                    Op::MULK => arith!(i, ArithOp::Mul, kst!(i.c()), None, |x, y| x.wrapping_mul(y), |x, y| x * y),
                    Op::ADD => arith!(i, ArithOp::Add, r!(i.c()), Some(i.c()), |x, y| x + y, |x, y| x + y),
                    Op::SUB => arith!(i, ArithOp::Sub, r!(i.c()), Some(i.c()), |x, y| x - y, |x, y| x - y),
                    Op::MUL => arith!(i, ArithOp::Mul, r!(i.c()), Some(i.c()), |x, y| x.wrapping_mul(y), |x, y| x * y),
                    Op::KADD => arith!(i, ArithOp::Add, kst!(i.c()), None, r!(i.b()), Some(i.b()), |x, y| x + y, |x, y| x + y),
                    Op::KSUB => arith!(i, ArithOp::Sub, kst!(i.c()), None, r!(i.b()), Some(i.b()), |x, y| x - y, |x, y| x - y),
                    Op::KMUL => arith!(i, ArithOp::Mul, kst!(i.c()), None, r!(i.b()), Some(i.b()), |x, y| x.wrapping_mul(y), |x, y| x * y),
                    Op::KDIV => {
                        let (lhs, rhs) = (kst!(i.c()), r!(i.b()));
                        if let (Some(x), Some(y)) = (num_f64(lhs), num_f64(rhs)) {
                            set!(a, Value::float_arith(x / y));
                        } else {
                            meta_flow!(self.arith_slow(ArithOp::Div, lhs, rhs, None, Some(i.b())));
                        }
                    }
                    Op::DIV => div!(i, r!(i.c()), Some(i.c())),
                    Op::DIVK => div!(i, kst!(i.c()), None),
                    Op::MOD => modulo!(i, r!(i.c()), Some(i.c())),
                    Op::MODK => modulo!(i, kst!(i.c()), None),
                    Op::POWK => {
                        let (lhs, rhs) = (r!(i.b()), kst!(i.c()));
                        if let Some(v) = self.arith_fast(ArithOp::Pow, lhs, rhs) {
                            set!(a, v);
                        } else {
                            meta_flow!(self.arith_slow(ArithOp::Pow, lhs, rhs, Some(i.b()), None));
                        }
                    }
                    Op::BANDK => bitwise!(i, ArithOp::BAnd, kst!(i.c()), None, |x, y| x & y),
                    Op::BORK => bitwise!(i, ArithOp::BOr, kst!(i.c()), None, |x, y| x | y),
                    Op::BXORK => bitwise!(i, ArithOp::BXor, kst!(i.c()), None, |x, y| x ^ y),
                    Op::SHLI => bitwise!(i, ArithOp::Shl, Value::inline_int(i.sc()), None, |x, y| ops::shift_left(x, y)),
                    Op::SHRI => bitwise!(i, ArithOp::Shr, Value::inline_int(i.sc()), None, |x, y| ops::shift_left(x, y.wrapping_neg())),
                    Op::BAND => bitwise!(i, ArithOp::BAnd, r!(i.c()), Some(i.c()), |x, y| x & y),
                    Op::BOR => bitwise!(i, ArithOp::BOr, r!(i.c()), Some(i.c()), |x, y| x | y),
                    Op::BXOR => bitwise!(i, ArithOp::BXor, r!(i.c()), Some(i.c()), |x, y| x ^ y),
                    Op::SHL => bitwise!(i, ArithOp::Shl, r!(i.c()), Some(i.c()), |x, y| ops::shift_left(x, y)),
                    Op::SHR => bitwise!(i, ArithOp::Shr, r!(i.c()), Some(i.c()), |x, y| ops::shift_left(x, y.wrapping_neg())),
                    Op::POW => {
                        let (lhs, rhs) = (r!(i.b()), r!(i.c()));
                        if let Some(v) = self.arith_fast(ArithOp::Pow, lhs, rhs) {
                            set!(a, v);
                        } else {
                            meta_flow!(self.arith_slow(ArithOp::Pow, lhs, rhs, Some(i.b()), Some(i.c())));
                        }
                    }
                    Op::UNM => {
                        let v = r!(i.b());
                        if v.is_inline_int() {
                            let res = -v.as_inline_int_unchecked();
                            if fits_inline(res) {
                                set!(a, Value::inline_int(res));
                            } else {
                                off_line!(self.store_number(base + a, v, v, Some(res), ArithOp::Unm));
                            }
                        } else if v.is_float() {
                            // Negation flips the sign bit: canonical NaNs stay canonical.
                            set!(a, Value::float_arith(-v.as_float_unchecked()));
                        } else {
                            off_line!(self.store_number(base + a, v, v, None, ArithOp::Unm));
                            meta_flow!(self.arith_slow(ArithOp::Unm, v, v, Some(i.b()), Some(i.b())));
                        }
                    }
                    Op::BNOT => {
                        let v = r!(i.b());
                        if v.is_inline_int() {
                            set!(a, Value::inline_int(!v.as_inline_int_unchecked()));
                        } else {
                            off_line!(self.store_number(base + a, v, v, None, ArithOp::BNot));
                            meta_flow!(self.arith_slow(ArithOp::BNot, v, v, Some(i.b()), Some(i.b())));
                        }
                    }
                    Op::NOT => set!(a, Value::bool(r!(i.b()).is_falsy())),
                    Op::LEN => {
                        let v = r!(i.b());
                        if let Some(t) = value_as::<Table>(v) {
                            if t.meta.is_none() {
                                set!(a, Value::inline_int(t.border()));
                                continue;
                            }
                        } else if let Some(s) = Vm::str_bytes(v) {
                            set!(a, Value::inline_int(s.len() as i64));
                            continue;
                        }
                        meta_flow!(self.len_op(v, Some(i.b())));
                    }
                    Op::CONCAT => {
                        let n = {
                            let f = &mut th.frames[fidx];
                            if f.aux != 0 {
                                std::mem::take(&mut f.aux) as usize
                            } else {
                                i.b()
                            }
                        };
                        meta_flow!(self.concat_op(base + a, n));
                    }
                    Op::CLOSE => th.close_upvalues(base + a),
                    Op::JMP => {
                        let sj = i.sj();
                        let from = pc - 1;
                        pc = (pc as i64 + sj as i64) as usize;
                        if sj < 0 {
                            back_edge!(from);
                        }
                    }
                    Op::EQ => {
                        let (x, y) = (r!(a), r!(i.b()));
                        if x.0 == y.0 && !x.is_float() {
                            jump_if!(true, i);
                        } else if x.is_table() && y.is_table() {
                            let outcome = protect!(self.eq_tables(x, y));
                            match outcome {
                                Some(cond) => jump_if!(cond, i),
                                None => meta_flow!(self.call_eq_meta(x, y)),
                            }
                        } else {
                            jump_if!(ops::raw_equal(x, y), i);
                        }
                    }
                    Op::EQK => jump_if!(ops::raw_equal(r!(a), kst!(i.b())), i),
                    Op::EQI => {
                        let x = r!(a);
                        let cond = if x.is_inline_int() {
                            x.as_inline_int_unchecked() == i.sb()
                        } else if x.is_float() {
                            x.as_float_unchecked() == i.sb() as f64
                        } else {
                            ops::raw_equal(x, Value::inline_int(i.sb()))
                        };
                        jump_if!(cond, i);
                    }
                    Op::LT | Op::LE => {
                        let (x, y) = (r!(a), r!(i.b()));
                        let is_lt = unsafe { i.op_unchecked() } == Op::LT;
                        let cond = if x.is_inline_int() && y.is_inline_int() {
                            let (p, q) = (x.as_inline_int_unchecked(), y.as_inline_int_unchecked());
                            if is_lt {
                                p < q
                            } else {
                                p <= q
                            }
                        } else if x.is_number() && y.is_number() {
                            if is_lt {
                                ops::num_lt(x, y)
                            } else {
                                ops::num_le(x, y)
                            }
                        } else {
                            match protect!(self.compare_strings(x, y, is_lt)) {
                                Some(c) => c,
                                None => meta_flow!(self.compare_meta(x, y, is_lt)),
                            }
                        };
                        jump_if!(cond, i);
                    }
                    Op::LTI => cmp_imm!(i, |p, q| p < q, |p, q| p < q, false, true),
                    Op::LEI => cmp_imm!(i, |p, q| p <= q, |p, q| p <= q, false, false),
                    Op::GTI => cmp_imm!(i, |p, q| p > q, |p, q| p > q, true, true),
                    Op::GEI => cmp_imm!(i, |p, q| p >= q, |p, q| p >= q, true, false),
                    Op::FORLT => for_step!(i, r!(i.b()), |x, y| x < y),
                    Op::FORLE => for_step!(i, r!(i.b()), |x, y| x <= y),
                    Op::FORGT => for_step!(i, r!(i.b()), |x, y| y < x),
                    Op::FORGE => for_step!(i, r!(i.b()), |x, y| y <= x),
                    Op::FORLTI => for_step!(i, Value::inline_int(i.sb()), |x, y| x < y),
                    Op::FORLEI => for_step!(i, Value::inline_int(i.sb()), |x, y| x <= y),
                    Op::FORGTI => for_step!(i, Value::inline_int(i.sb()), |x, y| x > y),
                    Op::FORGEI => for_step!(i, Value::inline_int(i.sb()), |x, y| x >= y),
                    Op::FORLTR => for_step!(i, r!(i.b()), r!(i.c()), 2, |x, y| x < y),
                    Op::FORLER => for_step!(i, r!(i.b()), r!(i.c()), 2, |x, y| x <= y),
                    Op::FORLTK => for_step!(i, kst!(i.b()), Value::inline_int(i.sc()), 3, |x, y| x < y),
                    Op::FORLEK => for_step!(i, kst!(i.b()), Value::inline_int(i.sc()), 3, |x, y| x <= y),
                    Op::TEST => jump_if!(r!(a).is_truthy(), i),
                    Op::TESTSET => {
                        let v = r!(i.b());
                        if v.is_truthy() == i.k() {
                            set!(a, v);
                            let j = unsafe { *code.get_unchecked(pc) };
                            pc = (pc as i64 + 1 + j.sj() as i64) as usize;
                        } else {
                            pc += 1;
                        }
                    }

                    Op::CALL => {
                        let func = base + a;
                        let nargs = if i.b() == 0 { th.top - func - 1 } else { i.b() - 1 };
                        let want = i.c() as i32 - 1;
                        // Fast path: a script function with fixed parameters and room
                        // on the stack (the common call).
                        if let Some(c) = value_as::<Closure>(r!(a)) {
                            let p = c.proto;
                            let new_base = func + 1;
                            // `fixed_call_need` fails this check for vararg functions.
                            if new_base + nargs.max(p.num_params) + p.fixed_call_need < th.stack.len()
                                && th.frames.len() < self.limits.max_frames
                                && self.hook_countdown > 1
                            {
                                for j in nargs..p.num_params {
                                    // SAFETY: below new_base + num_params + max_stack < len.
                                    unsafe { *stack.add(new_base + j) = Value::NIL };
                                }
                                save_pc!();
                                self.hook_countdown -= 1;
                                th.push_frame(crate::thread::Frame::new(func, new_base, Some(c), want));
                                fidx += 1;
                                enter_closure!(c, new_base);
                                continue;
                            }
                            // A vararg function: its frame is pushed out of line, then
                            // entered here (not through the outer loop). Any failure
                            // leaves it to precall, which reports it.
                            if p.is_vararg && self.hook_countdown > 1 {
                                save_pc!();
                                if let Some(nb) = self.push_vararg_frame(func, nargs, want, c) {
                                    self.hook_countdown -= 1;
                                    fidx += 1;
                                    stack = th.stack.as_mut_ptr();
                                    enter_closure!(c, nb);
                                    continue;
                                }
                            }
                        }
                        flow!(self.precall(func, nargs, want, 0));
                        // A builtin ran: a safepoint (the GC does not move the stack).
                        save_pc!();
                        self.check_gc();
                    }
                    Op::TAILCALL => {
                        let func = base + a;
                        let nargs = if i.b() == 0 { th.top - func - 1 } else { i.b() - 1 };
                        // Fast path: a fixed-arity script function replacing a frame with
                        // no deferred calls, handler or pending return (what `tail_call`
                        // does in that case, without its generic precall).
                        if let Some(c) = value_as::<Closure>(r!(a)) {
                            let p = c.proto;
                            // SAFETY: fidx is the running frame, frames.len() - 1.
                            let f = unsafe { th.frames.get_unchecked(fidx) };
                            let (dst, fl, want) = (f.func, f.flags, f.want);
                            if f.extra.is_none()
                                && fl & (flags::RETURNING | flags::TAIL_RETURN) == 0
                                && dst + 1 + nargs.max(p.num_params) + p.fixed_call_need < th.stack.len()
                                && self.hook_countdown > 1
                            {
                                if th.open_upvalues.last().is_some_and(|u| u.stack_index >= base) {
                                    th.close_upvalues(base);
                                }
                                for j in 0..=nargs {
                                    // SAFETY: dst < func and func + nargs is inside the stack.
                                    unsafe { *stack.add(dst + j) = *stack.add(func + j) };
                                }
                                for j in nargs..p.num_params {
                                    // SAFETY: below dst + 1 + num_params + max_stack < len.
                                    unsafe { *stack.add(dst + 1 + j) = Value::NIL };
                                }
                                self.hook_countdown -= 1;
                                let mut nf = crate::thread::Frame::new(dst, dst + 1, Some(c), want);
                                nf.flags = fl | flags::TAIL;
                                // SAFETY: as above; the old frame owns no heap data.
                                unsafe { *th.frames.get_unchecked_mut(fidx) = nf };
                                enter_closure!(c, dst + 1);
                                continue;
                            }
                        }
                        // An ordinary builtin: like `tail_call`, call it above this frame
                        // (its errors name this frame's position), then return its results,
                        // through the fast return when this frame is plain.
                        if let Some(n) = value_as::<Native>(r!(a)) {
                            if n.kind == NativeKind::Normal {
                                flow!(self.precall(func, nargs, -1, 0));
                                // A builtin ran: a safepoint (its results are below top).
                                self.check_gc();
                                let n = self.current.top - func;
                                fast_return!(a, n);
                                meta_flow!(self.do_return(func, n));
                            }
                        }
                        meta_flow!(self.tail_call(fidx, func, nargs));
                    }
                    Op::RETURN => {
                        let n = if i.b() == 0 { th.top - (base + a) } else { i.b() - 1 };
                        fast_return!(a, n);
                        meta_flow!(self.do_return(base + a, n));
                    }
                    Op::RETURN0 => {
                        fast_return!(0, 0);
                        meta_flow!(self.do_return(base, 0));
                    }
                    Op::RETURN1 => {
                        fast_return!(a, 1);
                        meta_flow!(self.do_return(base + a, 1));
                    }
                    Op::CLOSURE => {
                        let child = proto.children[i.bx()];
                        let c = self.make_closure(child, closure, base);
                        set!(a, c);
                        save_pc!();
                        self.check_gc();
                        stack = th.stack.as_mut_ptr();
                    }
                    Op::VARARG => {
                        let n = th.frames[fidx].varargs as usize;
                        let src = base - 1 - n;
                        if i.c() == 0 {
                            if !th.ensure_stack(base + a + n + 1, self.limits.max_stack_slots) {
                                save_pc!();
                                pending = Some(self.error_here("stack overflow"));
                                continue 'outer;
                            }
                            stack = th.stack.as_mut_ptr();
                            for j in 0..n {
                                set!(a + j, unsafe { *stack.add(src + j) });
                            }
                            th.top = base + a + n;
                        } else {
                            let want = i.c() - 1;
                            for j in 0..want {
                                let v = if j < n { unsafe { *stack.add(src + j) } } else { Value::NIL };
                                set!(a + j, v);
                            }
                        }
                    }
                    Op::PACKREST => {
                        let n = th.frames[fidx].varargs as usize;
                        let src = base - 1 - n;
                        let mut t = self.new_table(n, 1);
                        for j in 0..n {
                            t.set_small_int(j as i64 + 1, th.stack[src + j]);
                        }
                        let key = self.str_value(b"n");
                        t.set(key, Value::inline_int(n as i64));
                        set!(a, Vm::table_value(t));
                        save_pc!();
                        self.check_gc();
                        stack = th.stack.as_mut_ptr();
                    }
                    Op::SPREAD => {
                        protect!(self.spread(base + a));
                    }
                    Op::SETLIST => {
                        let n = if i.b() == 0 { th.top - (base + a) - 1 } else { i.b() };
                        let off = if i.c() == 255 {
                            let extra = code[pc];
                            pc += 1;
                            extra.ax_field()
                        } else {
                            i.c()
                        };
                        if let Some(mut t) = value_as::<Table>(r!(a)) {
                            t.reserve_array(off + n);
                            for j in 1..=n {
                                let v = r!(a + j);
                                if !v.is_nil() {
                                    let key = (off + j) as i64;
                                    if fits_inline(key) {
                                        t.set_small_int(key, v);
                                    }
                                }
                            }
                        }
                    }
                    Op::RANGEPREP => {
                        protect!(self.range_prep(base + a, i.b(), i.c() == 1));
                    }
                    Op::RANGECALL => {
                        let ra = base + a;
                        let marker = r!(a);
                        if marker == RANGE_TABLE {
                            let t = value_as::<Table>(r!(a + 1));
                            let pos = r!(a + 2).as_inline_int_unchecked() as usize;
                            let next = t.and_then(|t| t.next_from(pos));
                            match next {
                                Some((np, key, val)) => {
                                    set!(a + 2, Value::inline_int(np as i64));
                                    set!(a + 3, key);
                                    if i.b() >= 2 {
                                        set!(a + 4, val);
                                        for j in 2..i.b() {
                                            set!(a + 3 + j, Value::NIL);
                                        }
                                    }
                                    let lp = unsafe { *code.get_unchecked(pc) };
                                    let from = pc;
                                    pc = (pc as i64 + 1 + lp.sbx() as i64) as usize;
                                    back_edge!(from);
                                }
                                None => pc += 1,
                            }
                        } else if marker == RANGE_NUMBER {
                            let c = r!(a + 2).as_int().unwrap_or(0);
                            let limit = r!(a + 1).as_int().unwrap_or(0);
                            if c < limit {
                                let cv = self.int(c);
                                set!(a + 3, cv);
                                let nv = self.int(c + 1);
                                set!(a + 2, nv);
                                let lp = unsafe { *code.get_unchecked(pc) };
                                let from = pc;
                                pc = (pc as i64 + 1 + lp.sbx() as i64) as usize;
                                back_edge!(from);
                            } else {
                                pc += 1;
                            }
                        } else if marker == RANGE_CHANNEL {
                            save_pc!();
                            match self.range_channel_next(ra, i.b()) {
                                Ok(Some(true)) => {
                                    stack = th.stack.as_mut_ptr();
                                    let lp = unsafe { *code.get_unchecked(pc) };
                                    pc = (pc as i64 + 1 + lp.sbx() as i64) as usize;
                                }
                                Ok(Some(false)) => {
                                    stack = th.stack.as_mut_ptr();
                                    pc += 1;
                                }
                                // The goroutine parked (sched.rs); RANGECALL re-runs on wake.
                                Ok(None) => continue 'outer,
                                Err(e) => {
                                    pending = Some(e);
                                    continue 'outer;
                                }
                            }
                        } else {
                            // Generic protocol: call f(s, c) with results at R[A+3].
                            set!(a + 3, r!(a));
                            set!(a + 4, r!(a + 1));
                            set!(a + 5, r!(a + 2));
                            let want = i.b().max(1) as i32;
                            flow!(self.precall(ra + 3, 2, want, 0));
                        }
                    }
                    Op::RANGELOOP => {
                        let v = r!(a + 3);
                        if !v.is_nil() {
                            set!(a + 2, v);
                            let from = pc - 1;
                            pc = (pc as i64 + i.sbx() as i64) as usize;
                            back_edge!(from);
                        }
                    }
                    Op::DEFER => {
                        let func = base + a;
                        let nargs = if i.b() == 0 { th.top - func - 1 } else { i.b() - 1 };
                        let call: Box<[Value]> = (0..=nargs).map(|j| unsafe { *stack.add(func + j) }).collect();
                        th.frames[fidx].push_defer(call);
                    }
                    Op::GO | Op::MAKECHAN | Op::SEND | Op::RECV | Op::SELECT => {
                        save_pc!();
                        match self.concurrency_op(i, base) {
                            Ok(Flow::Done) => {
                                stack = th.stack.as_mut_ptr();
                                if i.op() == Op::SELECT {
                                    pc += 1;
                                }
                            }
                            Ok(Flow::Exit) => return Ok(false),
                            Ok(Flow::Enter) => continue 'outer,
                            Err(e) => {
                                pending = Some(e);
                                continue 'outer;
                            }
                        }
                    }
                    Op::EXTRAARG => {}
                }
            }
        }
    }

    /// Stores into stack slot `dst` the integer `int` (boxing it) if given, else the
    /// result of `a op b` if both are numbers with a result (no metamethods, no error).
    /// Returns false when the metamethod/error path is needed.
    #[inline(never)]
    fn store_number(&mut self, dst: usize, a: Value, b: Value, int: Option<i64>, op: ArithOp) -> bool {
        if let Some(i) = int {
            // Boxing (the usual call: integer results outside the inline range) on a
            // short path of its own.
            let v = if fits_inline(i) { Value::inline_int(i) } else { Vm::object_value(self.heap.alloc_big_int(i)) };
            let mut th = self.current;
            // SAFETY: `dst` is a register of the running frame (callers compute it from
            // the frame's base), so it is inside the stack.
            unsafe { *th.stack.get_unchecked_mut(dst) = v };
            return true;
        }
        let Some(v) = self.arith_fast(op, a, b) else { return false };
        let mut th = self.current;
        th.stack[dst] = v;
        true
    }

    /// The current frame does `return f(args)`: reuse the frame unless deferred calls
    /// are pending (then call normally and return its results when it finishes).
    fn tail_call(&mut self, fidx: usize, func: usize, nargs: usize) -> Result<Flow, RtError> {
        let mut th = self.current;
        let callee = th.stack[func];
        if !callee.is_function() && self.metamethod(callee, crate::vm::Tm::Call).is_nil() {
            // Report while the calling frame still exists (variable info, position).
            return self.precall(func, nargs, -1, 0);
        }
        // Like Lua, a builtin called in tail position runs above the calling frame (its
        // errors name the caller's position); so do calls from frames with deferred calls.
        if th.frames[fidx].has_defers() || value_as::<Closure>(callee).is_none() {
            let before = th.frames.len();
            let called = self.precall(func, nargs, -1, 0);
            if called.is_err() && th.frames.len() > before {
                // The callee failed at once but its frame is still there (e.g. the
                // PCALL frame of `return pcall(error, "x")`): the unwinder must return
                // its results from this frame (reliability fix; they were lost).
                th.frames[before].flags |= flags::TAIL_RETURN;
            }
            return match called? {
                Flow::Done => {
                    let n = self.current.top - func;
                    self.do_return(func, n)
                }
                flow => {
                    // `th` is the calling thread even if the call switched threads
                    // (a yield): mark the callee's frame there.
                    if th.frames.len() > before {
                        th.frames[before].flags |= flags::TAIL_RETURN;
                    }
                    Ok(flow)
                }
            };
        }
        let frame = th.frames.pop().expect("tail call frame");
        th.close_upvalues(frame.base);
        let dst = frame.func;
        for j in 0..=nargs {
            th.stack[dst + j] = th.stack[func + j];
        }
        if frame.flags & (flags::PCALL | flags::XPCALL) != 0 {
            th.protected -= 1;
        }
        let handler = frame.handler();
        let kept = frame.flags & !(flags::RETURNING | flags::TAIL_RETURN);
        let depth = th.frames.len();
        let flow = self.precall(dst, nargs, frame.want, kept | flags::TAIL)?;
        let mut th = self.current;
        if th.frames.len() > depth && !handler.is_nil() {
            th.frames[depth].set_handler(handler);
        }
        Ok(match flow {
            Flow::Done => Flow::Enter,
            other => other,
        })
    }

    // Out of line: keeps the allocation code out of the dispatch loop's register
    // allocation (whether it got inlined varied between builds, moving other ops).
    #[inline(never)]
    fn make_closure(&mut self, child: Gc<ProtoObj>, parent: Gc<Closure>, base: usize) -> Value {
        let mut th = self.current;
        let descs = child.upvalue_descs.as_ptr();
        let c = Closure::alloc(&mut self.heap, child, child.upvalue_descs.len(), |heap, j| {
            // SAFETY: j < upvalue_descs.len() (Closure::alloc calls with j < n).
            let (in_stack, idx) = unsafe { *descs.add(j) };
            if in_stack {
                th.find_upvalue(base + idx as usize, heap)
            } else {
                parent.upvalues[idx as usize]
            }
        });
        Vm::object_value(c)
    }
}
