//! The inner dispatch loop for loops of simple instructions.
//!
//! [`Vm::run_fast`] executes instructions of the running script frame for as long as
//! each takes a fast path that cannot fail, allocate on the GC heap, run metamethods,
//! call or switch frames: moves and constants, inline-integer and float arithmetic,
//! comparisons with their jump, the counted-loop ops, array-part and cached field
//! accesses of tables (appends and new keys of plain tables out of line, as in
//! `execute`), global and upvalue access. At the first instruction it cannot finish that
//! way it stores the frame's pc (that instruction, not yet executed, none of its effects
//! done) and returns; `execute` (interp.rs) runs that instruction with every slow path.
//!
//! `execute` enters it at the back-edge of a loop whose body has only such ops
//! ([`fast_loops`], computed at load time, kept in `ProtoObj::fast_loops`); a loop whose
//! entries keep leaving before their next back-edge is given up after a few tries.
//!
//! Why: `execute` is one large function whose register allocation spills the dispatch
//! state (pc, base, constants) and reloads it per op. This one is small and keeps the
//! instruction pointer in a register. Splitting every op between the two loops (calls
//! included) was measured and lost (docs/performance.md, "Two-level interpreter").
//!
//! Invariants:
//! * Semantics are exactly `execute`'s fast paths; anything else is left to `execute`.
//! * Safepoints: back-edges decrement `hook_countdown` and (with a JIT) the loop's hot
//!   counter exactly as `execute` does. When either would reach zero, the instruction is
//!   left to `execute` before any effect, which decrements and runs the hook itself, so
//!   budgets, interrupts, preemption and JIT entry are unchanged.
//! * Nothing here reallocates the stack or changes frames, so `regs` stays valid and
//!   `execute` only reloads the pc afterwards.

use crate::function::Closure;
use crate::object::{value_as, Gc};
use crate::ops;
use crate::table::Table;
use crate::value::{fits_inline, Value};
use crate::vm::Vm;
use compiler::{Instr, Op};
use std::cell::Cell;

impl Vm {
    /// Runs the top frame's simple instructions until one needs `execute`; returns with
    /// the frame's pc at that instruction. The top frame must be a script frame running
    /// closure `cl`, at instruction `ip` with registers at `regs` (execute's dispatch
    /// state). Returns the number of loop back-edges it took.
    #[inline(never)]
    pub(crate) fn run_fast(&mut self, cl: Gc<Closure>, ip: *const Instr, regs: *mut Value) -> u32 {
        // Few values live across the loop (self, ip, regs, k, cl, edges), so that they
        // can stay in callee-saved registers; the thread and frame are re-derived on
        // exit. What needs more registers (cache misses, method chains, mixed int/float
        // comparisons) is in out-of-line helpers.
        // `ip` points at the executing instruction and advances at the end of the loop
        // body (so that leaving needs no `ip - 1`, which kept a second copy alive).
        let (mut ip, mut edges) = (ip, 0u32);
        let k: *const Value = cl.proto.constants.as_ptr();

        // SAFETY (register macros): registers are below max_stack, and precall/the call
        // fast path made base + max_stack <= stack.len().
        macro_rules! r {
            ($x:expr) => {
                unsafe { *regs.add($x) }
            };
        }
        macro_rules! set {
            ($x:expr, $v:expr) => {{
                let v = $v;
                unsafe { *regs.add($x) = v }
            }};
        }
        // SAFETY: load.rs checks the constant operands of every op that uses kst!.
        macro_rules! kst {
            ($x:expr) => {
                unsafe { *k.add($x) }
            };
        }
        'run: loop {
            // SAFETY: every function ends with a RETURN and jumps stay inside the code.
            let i = unsafe { *ip };
            // Leaves the current instruction (nothing of it done) to `execute`.
            macro_rules! bail {
                () => {{
                    break 'run;
                }};
            }
            // A back-edge to `$target` is about to be taken: bail if a safepoint hook or
            // the JIT's hot counter would fire (execute runs it), else count it.
            macro_rules! back_edge {
                ($target:expr) => {{
                    if self.hook_countdown <= 1 {
                        bail!();
                    }
                    if !self.jit_hot.is_empty() && !self.count_hot(cl, $target) {
                        bail!();
                    }
                    self.hook_countdown -= 1;
                    edges += 1;
                }};
            }
            // A conditional op's jump (the JMP after it) when `$cond == k`.
            macro_rules! jump_if {
                ($cond:expr) => {{
                    if $cond == i.k() {
                        // SAFETY: a conditional op is always followed by a JMP.
                        let sj = unsafe { (*ip.add(1)).sj() } as isize;
                        if sj < 0 {
                            back_edge!(ip.wrapping_offset(2 + sj));
                        }
                        ip = ip.wrapping_offset(1 + sj);
                    } else {
                        ip = ip.wrapping_add(1);
                    }
                }};
            }
            macro_rules! arith {
                ($lhs:expr, $rhs:expr, |$x:ident, $y:ident| $int:expr, |$fx:ident, $fy:ident| $float:expr) => {{
                    let (lhs, rhs): (Value, Value) = ($lhs, $rhs);
                    if lhs.is_inline_int() && rhs.is_inline_int() {
                        let $x = lhs.as_inline_int_unchecked();
                        let $y = rhs.as_inline_int_unchecked();
                        let res: i64 = $int;
                        if !fits_inline(res) {
                            bail!();
                        }
                        set!(i.a(), Value::inline_int(res));
                    } else if lhs.is_float() && rhs.is_float() {
                        let ($fx, $fy) = (lhs.as_float_unchecked(), rhs.as_float_unchecked());
                        set!(i.a(), Value::float_arith($float));
                    } else if let (Some($fx), Some($fy)) = (num_f64(lhs), num_f64(rhs)) {
                        set!(i.a(), Value::float_arith($float));
                    } else {
                        bail!();
                    }
                }};
            }
            macro_rules! div {
                ($lhs:expr, $rhs:expr) => {{
                    if let (Some(x), Some(y)) = (num_f64($lhs), num_f64($rhs)) {
                        set!(i.a(), Value::float_arith(x / y));
                    } else {
                        bail!();
                    }
                }};
            }
            macro_rules! modulo {
                ($rhs:expr) => {{
                    let (lhs, rhs): (Value, Value) = (r!(i.b()), $rhs);
                    if lhs.is_inline_int() && rhs.is_inline_int() && rhs.as_inline_int_unchecked() != 0 {
                        let r = ops::int_mod(lhs.as_inline_int_unchecked(), rhs.as_inline_int_unchecked());
                        set!(i.a(), Value::inline_int(r));
                    } else if lhs.is_float() && rhs.is_float() {
                        set!(i.a(), Value::float(ops::float_mod(lhs.as_float_unchecked(), rhs.as_float_unchecked())));
                    } else {
                        bail!();
                    }
                }};
            }
            // Inline integers only (boxed operands and results are execute's).
            macro_rules! bitwise {
                ($rhs:expr, |$x:ident, $y:ident| $int:expr) => {{
                    let (lhs, rhs): (Value, Value) = (r!(i.b()), $rhs);
                    if lhs.is_inline_int() && rhs.is_inline_int() {
                        let ($x, $y) = (lhs.as_inline_int_unchecked(), rhs.as_inline_int_unchecked());
                        let res: i64 = $int;
                        if !fits_inline(res) {
                            bail!();
                        }
                        set!(i.a(), Value::inline_int(res));
                    } else {
                        bail!();
                    }
                }};
            }
            macro_rules! cmp_imm {
                (|$p:ident, $q:ident| $int:expr, |$fp:ident, $fq:ident| $float:expr) => {{
                    let x = r!(i.a());
                    let imm = i.sb();
                    let cond = if x.is_inline_int() {
                        let ($p, $q) = (x.as_inline_int_unchecked(), imm);
                        $int
                    } else if x.is_float() {
                        let ($fp, $fq) = (x.as_float_unchecked(), imm as f64);
                        $float
                    } else {
                        bail!();
                    };
                    jump_if!(cond);
                }};
            }
            // FORxx: step + compare + backward JMP for inline integers (else the step
            // instruction that follows runs normally).
            macro_rules! for_step {
                ($lim:expr, |$x:ident, $y:ident| $cond:expr) => {
                    for_step!($lim, Value::inline_int(i.sc()), 2, |$x, $y| $cond)
                };
                ($lim:expr, $step:expr, $jmp:expr, |$x:ident, $y:ident| $cond:expr) => {{
                    let v = r!(i.a());
                    let lim: Value = $lim;
                    let step: Value = $step;
                    if v.is_inline_int() && lim.is_inline_int() && step.is_inline_int() {
                        let n = v.as_inline_int_unchecked() + step.as_inline_int_unchecked();
                        if fits_inline(n) {
                            let ($x, $y) = (n, lim.as_inline_int_unchecked());
                            // SAFETY: FORxx is followed by a step, a comparison (FORxxK:
                            // a load too) and a backward JMP at ip + 1 + $jmp (load.rs).
                            let jp = unsafe { ip.add(1 + $jmp) };
                            if $cond {
                                let sj = unsafe { (*jp).sj() } as isize;
                                back_edge!(jp.wrapping_offset(1 + sj));
                                set!(i.a(), Value::inline_int(n));
                                ip = jp.wrapping_offset(sj);
                            } else {
                                set!(i.a(), Value::inline_int(n));
                                ip = jp;
                            }
                        }
                    }
                }};
            }

            // SAFETY: load.rs validated every opcode.
            match unsafe { i.op_unchecked() } {
                Op::MOVE => set!(i.a(), r!(i.b())),
                Op::LOADK => set!(i.a(), kst!(i.bx())),
                Op::LOADI => set!(i.a(), Value::inline_int(i.sbx() as i64)),
                Op::LOADF => set!(i.a(), Value::float_arith(i.sbx() as f64)),
                Op::LOADFALSE => set!(i.a(), Value::FALSE),
                Op::LOADTRUE => set!(i.a(), Value::TRUE),
                Op::LOADNIL => {
                    for j in 0..=i.b() {
                        set!(i.a() + j, Value::NIL);
                    }
                }
                Op::GETUPVAL => set!(i.a(), cl.upvalues[i.b()].get()),
                Op::SETUPVAL => {
                    let mut u = cl.upvalues[i.b()];
                    u.set(r!(i.a()));
                }
                Op::GETGLOBAL => {
                    let proto = cl.proto;
                    let Some(g) = value_as::<Table>(proto.env) else { bail!() };
                    // Same result as execute's get_with_hint: the value or nil.
                    let v = g.get_field_cached(kst!(i.bx()), &proto.global_cache[i.bx()]);
                    if v.is_nil() && g.meta.is_some() {
                        bail!();
                    }
                    set!(i.a(), v);
                }
                Op::SETGLOBAL => {
                    let proto = cl.proto;
                    let Some(mut g) = value_as::<Table>(proto.env) else { bail!() };
                    // Only existing, non-nil entries (a new key allocates).
                    if !g.set_field_cached(kst!(i.bx()), r!(i.a()), &proto.global_cache[i.bx()]) {
                        bail!();
                    }
                }
                Op::GETTABLE => {
                    let (obj, key) = (r!(i.b()), r!(i.c()));
                    let Some(t) = value_as::<Table>(obj) else { bail!() };
                    if !key.is_inline_int() {
                        // A string key: the raw lookup (out of line), as in execute.
                        // SAFETY: R[A] is a register of the running frame.
                        if key.is_str() && t.get_str_into(key, unsafe { regs.add(i.a()) }) {
                            ip = ip.wrapping_add(1);
                            continue;
                        }
                        bail!();
                    }
                    let Some(v) = t.array_get(key.as_inline_int_unchecked()) else { bail!() };
                    if v.is_nil() && t.meta.is_some() {
                        bail!();
                    }
                    set!(i.a(), v);
                }
                Op::GETI => {
                    let Some(t) = value_as::<Table>(r!(i.b())) else { bail!() };
                    let Some(v) = t.array_get(i.c() as i64) else { bail!() };
                    if v.is_nil() && t.meta.is_some() {
                        bail!();
                    }
                    set!(i.a(), v);
                }
                Op::GETFIELD => {
                    let Some(t) = value_as::<Table>(r!(i.b())) else { bail!() };
                    let v = t.get_field_cached(kst!(i.c()), &cl.proto.global_cache[i.c()]);
                    if v.is_nil() && t.meta.is_some() {
                        bail!();
                    }
                    set!(i.a(), v);
                }
                Op::SETTABLE => {
                    let (key, val) = (r!(i.b()), r!(i.c()));
                    let Some(mut t) = value_as::<Table>(r!(i.a())) else { bail!() };
                    if !key.is_inline_int() {
                        bail!();
                    }
                    let n = key.as_inline_int_unchecked();
                    let no_meta = t.meta.is_none();
                    match t.array_slot(n) {
                        Some(slot) if !slot.is_nil() || no_meta => *slot = val,
                        // Appends and hash-part keys of a plain table (out of line).
                        _ if no_meta => {
                            t.set_int_out_of_line(n, val);
                        }
                        _ => bail!(),
                    }
                }
                Op::SETI => {
                    let val = r!(i.c());
                    let Some(mut t) = value_as::<Table>(r!(i.a())) else { bail!() };
                    let n = i.b() as i64;
                    let no_meta = t.meta.is_none();
                    match t.array_slot(n) {
                        Some(slot) if !slot.is_nil() || no_meta => *slot = val,
                        _ if no_meta => {
                            t.set_int_out_of_line(n, val);
                        }
                        _ => bail!(),
                    }
                }
                Op::SETFIELD => {
                    let Some(mut t) = value_as::<Table>(r!(i.a())) else { bail!() };
                    let (key, val) = (kst!(i.b()), r!(i.c()));
                    if !t.set_field_cached(key, val, &cl.proto.global_cache[i.b()]) {
                        // A new key of a plain table: the raw set (out of line).
                        if !t.set_out_of_line(key, val) {
                            bail!();
                        }
                    }
                }
                Op::SELF => {
                    let obj = r!(i.b());
                    let Some(t) = value_as::<Table>(obj) else { bail!() };
                    let (key, hint) = (kst!(i.c()), &cl.proto.global_cache[i.c()]);
                    let mut v = t.get_field_cached(key, hint);
                    if v.is_nil() {
                        if let Some(mt) = t.meta {
                            let Some(found) = self.method_chain(mt, key, hint) else { bail!() };
                            v = found;
                        }
                    }
                    set!(i.a() + 1, obj);
                    set!(i.a(), v);
                }

                Op::ADDI => {
                    let lhs = r!(i.b());
                    let imm = i.sc();
                    if lhs.is_inline_int() {
                        let res = lhs.as_inline_int_unchecked() + imm;
                        if !fits_inline(res) {
                            bail!();
                        }
                        set!(i.a(), Value::inline_int(res));
                    } else if lhs.is_float() {
                        set!(i.a(), Value::float_arith(lhs.as_float_unchecked() + imm as f64));
                    } else {
                        bail!();
                    }
                }
                Op::ADDK => arith!(r!(i.b()), kst!(i.c()), |x, y| x + y, |x, y| x + y),
                Op::SUBK => arith!(r!(i.b()), kst!(i.c()), |x, y| x - y, |x, y| x - y),
                Op::MULK => arith!(r!(i.b()), kst!(i.c()), |x, y| x.wrapping_mul(y), |x, y| x * y),
                Op::ADD => arith!(r!(i.b()), r!(i.c()), |x, y| x + y, |x, y| x + y),
                Op::SUB => arith!(r!(i.b()), r!(i.c()), |x, y| x - y, |x, y| x - y),
                Op::MUL => arith!(r!(i.b()), r!(i.c()), |x, y| x.wrapping_mul(y), |x, y| x * y),
                Op::KADD => arith!(kst!(i.c()), r!(i.b()), |x, y| x + y, |x, y| x + y),
                Op::KSUB => arith!(kst!(i.c()), r!(i.b()), |x, y| x - y, |x, y| x - y),
                Op::KMUL => arith!(kst!(i.c()), r!(i.b()), |x, y| x.wrapping_mul(y), |x, y| x * y),
                Op::KDIV => div!(kst!(i.c()), r!(i.b())),
                Op::DIV => div!(r!(i.b()), r!(i.c())),
                Op::DIVK => div!(r!(i.b()), kst!(i.c())),
                Op::MOD => modulo!(r!(i.c())),
                Op::MODK => modulo!(kst!(i.c())),
                Op::BANDK => bitwise!(kst!(i.c()), |x, y| x & y),
                Op::BORK => bitwise!(kst!(i.c()), |x, y| x | y),
                Op::BXORK => bitwise!(kst!(i.c()), |x, y| x ^ y),
                Op::SHLI => bitwise!(Value::inline_int(i.sc()), |x, y| ops::shift_left(x, y)),
                Op::SHRI => bitwise!(Value::inline_int(i.sc()), |x, y| ops::shift_left(x, y.wrapping_neg())),
                Op::BAND => bitwise!(r!(i.c()), |x, y| x & y),
                Op::BOR => bitwise!(r!(i.c()), |x, y| x | y),
                Op::BXOR => bitwise!(r!(i.c()), |x, y| x ^ y),
                Op::SHL => bitwise!(r!(i.c()), |x, y| ops::shift_left(x, y)),
                Op::SHR => bitwise!(r!(i.c()), |x, y| ops::shift_left(x, y.wrapping_neg())),
                Op::UNM => {
                    let v = r!(i.b());
                    if v.is_inline_int() {
                        let res = -v.as_inline_int_unchecked();
                        if !fits_inline(res) {
                            bail!();
                        }
                        set!(i.a(), Value::inline_int(res));
                    } else if v.is_float() {
                        set!(i.a(), Value::float_arith(-v.as_float_unchecked()));
                    } else {
                        bail!();
                    }
                }
                Op::NOT => set!(i.a(), Value::bool(r!(i.b()).is_falsy())),
                Op::LEN => {
                    let v = r!(i.b());
                    if let Some(t) = value_as::<Table>(v) {
                        if t.meta.is_some() {
                            bail!();
                        }
                        set!(i.a(), Value::inline_int(t.border()));
                    } else if let Some(s) = Vm::str_bytes(v) {
                        set!(i.a(), Value::inline_int(s.len() as i64));
                    } else {
                        bail!();
                    }
                }

                Op::JMP => {
                    let sj = i.sj() as isize;
                    if sj < 0 {
                        back_edge!(ip.wrapping_offset(1 + sj));
                    }
                    ip = ip.wrapping_offset(sj);
                }
                Op::EQ => {
                    let (x, y) = (r!(i.a()), r!(i.b()));
                    if x.0 == y.0 && !x.is_float() {
                        jump_if!(true);
                    } else if x.is_table() && y.is_table() {
                        bail!();
                    } else {
                        jump_if!(ops::raw_equal(x, y));
                    }
                }
                Op::EQK => jump_if!(ops::raw_equal(r!(i.a()), kst!(i.b()))),
                Op::EQI => {
                    let x = r!(i.a());
                    let cond = if x.is_inline_int() {
                        x.as_inline_int_unchecked() == i.sb()
                    } else if x.is_float() {
                        x.as_float_unchecked() == i.sb() as f64
                    } else {
                        ops::raw_equal(x, Value::inline_int(i.sb()))
                    };
                    jump_if!(cond);
                }
                Op::LT => {
                    let (x, y) = (r!(i.a()), r!(i.b()));
                    let cond = if x.is_inline_int() && y.is_inline_int() {
                        x.as_inline_int_unchecked() < y.as_inline_int_unchecked()
                    } else if x.is_number() && y.is_number() {
                        num_cmp(x, y, true)
                    } else {
                        bail!();
                    };
                    jump_if!(cond);
                }
                Op::LE => {
                    let (x, y) = (r!(i.a()), r!(i.b()));
                    let cond = if x.is_inline_int() && y.is_inline_int() {
                        x.as_inline_int_unchecked() <= y.as_inline_int_unchecked()
                    } else if x.is_number() && y.is_number() {
                        num_cmp(x, y, false)
                    } else {
                        bail!();
                    };
                    jump_if!(cond);
                }
                Op::LTI => cmp_imm!(|p, q| p < q, |p, q| p < q),
                Op::LEI => cmp_imm!(|p, q| p <= q, |p, q| p <= q),
                Op::GTI => cmp_imm!(|p, q| p > q, |p, q| p > q),
                Op::GEI => cmp_imm!(|p, q| p >= q, |p, q| p >= q),
                Op::TEST => jump_if!(r!(i.a()).is_truthy()),
                Op::TESTSET => {
                    let v = r!(i.b());
                    if v.is_truthy() == i.k() {
                        set!(i.a(), v);
                        // SAFETY: TESTSET is always followed by a JMP.
                        let sj = unsafe { (*ip.add(1)).sj() } as isize;
                        ip = ip.wrapping_offset(1 + sj);
                    } else {
                        ip = ip.wrapping_add(1);
                    }
                }
                Op::FORLT => for_step!(r!(i.b()), |x, y| x < y),
                Op::FORLE => for_step!(r!(i.b()), |x, y| x <= y),
                Op::FORGT => for_step!(r!(i.b()), |x, y| y < x),
                Op::FORGE => for_step!(r!(i.b()), |x, y| y <= x),
                Op::FORLTI => for_step!(Value::inline_int(i.sb()), |x, y| x < y),
                Op::FORLEI => for_step!(Value::inline_int(i.sb()), |x, y| x <= y),
                Op::FORGTI => for_step!(Value::inline_int(i.sb()), |x, y| x > y),
                Op::FORGEI => for_step!(Value::inline_int(i.sb()), |x, y| x >= y),
                Op::FORLTR => for_step!(r!(i.b()), r!(i.c()), 2, |x, y| x < y),
                Op::FORLER => for_step!(r!(i.b()), r!(i.c()), 2, |x, y| x <= y),
                Op::FORLTK => for_step!(kst!(i.b()), Value::inline_int(i.sc()), 3, |x, y| x < y),
                Op::FORLEK => for_step!(kst!(i.b()), Value::inline_int(i.sc()), 3, |x, y| x <= y),

                _ => bail!(),
            }
            ip = ip.wrapping_add(1);
        }
        let mut th = self.current;
        let fidx = th.frames.len() - 1;
        // SAFETY: ip points into the running frame's code (the instruction to run next).
        let pc = unsafe { ip.offset_from(cl.proto.code.as_ptr()) } as usize;
        // SAFETY: fidx is the running frame.
        unsafe { th.frames.get_unchecked_mut(fidx).pc = pc };
        edges
    }

    /// Counts a loop back-edge to `target` on the JIT's hot counter, unless the counter
    /// would reach zero (false: `execute` must take the back-edge and call the engine).
    #[inline(never)]
    fn count_hot(&mut self, cl: Gc<Closure>, target: *const Instr) -> bool {
        let code = cl.proto.code.as_ptr();
        // SAFETY: target is an instruction of this code (a jump target).
        let pc = unsafe { target.offset_from(code) } as usize;
        let slot = crate::jit_hooks::hot_slot(code, pc);
        let Some(c) = self.jit_hot.get_mut(slot) else { return false };
        if *c <= 1 {
            return false;
        }
        *c -= 1;
        true
    }

    /// `obj:name` when `obj` (a table) lacks the key and has metatable `mt`: follows
    /// `__index` tables like execute's SELF. None: leave it to execute (a function
    /// handler, a long chain).
    #[inline(never)]
    fn method_chain(&self, mt: Gc<Table>, key: Value, hint: &std::cell::Cell<u32>) -> Option<Value> {
        let mut mt = mt;
        let mut hops = 0;
        loop {
            let h = self.metamethod_in(mt, crate::vm::Tm::Index);
            if h.is_nil() {
                return Some(Value::NIL);
            }
            let t = value_as::<Table>(h)?;
            if hops >= 16 {
                return None;
            }
            hops += 1;
            let v = t.get_with_hint(key, hint);
            if !v.is_nil() {
                return Some(v);
            }
            mt = match t.meta {
                Some(m) => m,
                None => return Some(Value::NIL),
            };
        }
    }

}

/// `x < y` (`lt`) or `x <= y` of two numbers that are not both inline integers.
#[inline(never)]
fn num_cmp(x: Value, y: Value, lt: bool) -> bool {
    if lt {
        ops::num_lt(x, y)
    } else {
        ops::num_le(x, y)
    }
}

/// A number operand as a float: inline integers and floats.
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

/// Initial entry budget of a loop that `run_fast` can run (see `ProtoObj::fast_loops`).
const FAST_LOOP_TRIES: u8 = 4;

/// Whether `run_fast` runs `op` (in the common case; it may still leave it to execute).
fn is_fast_op(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        MOVE | LOADK | LOADI | LOADF | LOADFALSE | LOADTRUE | LOADNIL | GETUPVAL | SETUPVAL | GETGLOBAL | SETGLOBAL
            | GETTABLE | GETI | GETFIELD | SETTABLE | SETI | SETFIELD | SELF | ADDI | ADDK | SUBK | MULK | ADD | SUB
            | MUL | KADD | KSUB | KMUL | KDIV | DIV | DIVK | MOD | MODK | BANDK | BORK | BXORK | SHLI | SHRI | BAND
            | BOR | BXOR | SHL | SHR | UNM | NOT | LEN | JMP | EQ | EQK | EQI | LT | LE | LTI | LEI | GTI | GEI
            | TEST | TESTSET | FORLT | FORLE | FORGT | FORGE | FORLTI | FORLEI | FORGTI | FORGEI | FORLTR | FORLER
            | FORLTK | FORLEK
    )
}

/// Per instruction of `code`: [`FAST_LOOP_TRIES`] for a backward JMP whose loop body
/// (jump target to the JMP) consists of ops that `run_fast` runs, else 0.
pub(crate) fn fast_loops(code: &[Instr]) -> Box<[Cell<u8>]> {
    code.iter()
        .enumerate()
        .map(|(pc, i)| {
            let fast = i.op() == Op::JMP
                && i.sj() < 0
                && (pc as i64 + 1 + i.sj() as i64)
                    .try_into()
                    .ok()
                    .and_then(|t: usize| code.get(t..=pc))
                    .is_some_and(|body| body.iter().all(|j| is_fast_op(j.op())));
            Cell::new(if fast { FAST_LOOP_TRIES } else { 0 })
        })
        .collect()
}
