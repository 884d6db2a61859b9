//! Rust routines the generated code calls for frame changes (script calls and returns)
//! without leaving the assembly interpreter.
//!
//! Each routine is the Rust loop's fast path for its op (interp.rs: CALL into a
//! fixed-arity script closure, RETURN from a plain frame), with the same conditions
//! checked **before any effect**: it returns 0 (nothing done; the generated code then
//! leaves the instruction to the Rust loop, which takes its general path) or 1 (done:
//! the new running frame's state is in the context, which the generated code reloads).
//! Neither allocates GC objects nor moves the stack (a call needs room already there;
//! the frame vector is Rust memory), so the generated code's invariants hold across
//! them. They run with `ctx.countdown` standing for `Vm::hook_countdown`.

use super::AsmCtx;
use crate::function::Closure;
use crate::object::value_as;
use crate::thread::{flags, Frame};
use crate::value::Value;
use compiler::Instr;

/// Loads the running state of the top frame (a script frame) of the current thread into
/// the context: registers, next instruction, constants, code start, prototype, closure.
///
/// # Safety
/// `ctx.vm` is the running Vm; the top frame of its current thread is a script frame.
pub(super) unsafe fn load_top_frame(ctx: &mut AsmCtx) {
    // SAFETY: the caller guarantees ctx.vm.
    let vm = unsafe { &mut *ctx.vm };
    let mut th = vm.current;
    let Some(f) = th.frames.last() else { return };
    let (base, pc, closure) = (f.base, f.pc, f.closure);
    let Some(closure) = closure else { return };
    let proto = closure.proto;
    ctx.code = proto.code.as_ptr();
    // SAFETY: pc is inside the code and base is inside the stack (frame invariants).
    unsafe {
        ctx.pc = ctx.code.add(pc);
        ctx.base = th.stack.as_mut_ptr().add(base);
    }
    ctx.k = proto.constants.as_ptr();
    ctx.proto = &*proto as *const _ as *const u8;
    ctx.closure = &*closure as *const Closure as *const u8;
    ctx.thread = &mut *th as *mut crate::thread::Thread as *mut u8;
}

/// `CALL A B C` with B != 0 of a fixed-arity script closure with room on the stack,
/// below the frame limit, with the safepoint countdown not due (interp.rs, CALL fast
/// path). `next` is the instruction after the CALL.
///
/// # Safety
/// Called by the generated code with its context (`ctx.vm` running, `ctx.code` the
/// running prototype's code, `next` inside it).
pub(super) unsafe extern "sysv64" fn asm_call(ctx: *mut AsmCtx, instr: u32, next: *const Instr) -> u64 {
    // SAFETY: the caller passes its live context.
    let ctx = unsafe { &mut *ctx };
    // SAFETY: ctx.vm is the running Vm, not otherwise borrowed while the code runs.
    let vm = unsafe { &mut *ctx.vm };
    let i = Instr(instr);
    if i.b() == 0 || ctx.countdown <= 1 {
        return 0;
    }
    let mut th = vm.current;
    let fidx = th.frames.len() - 1;
    let func = th.frames[fidx].base + i.a();
    let nargs = i.b() - 1;
    let Some(c) = value_as::<Closure>(th.stack[func]) else { return 0 };
    let p = c.proto;
    let new_base = func + 1;
    // `fixed_call_need` fails this check for vararg functions.
    if new_base + nargs.max(p.num_params) + p.fixed_call_need >= th.stack.len() || th.frames.len() >= vm.limits.max_frames {
        return 0;
    }
    for j in nargs..p.num_params {
        th.stack[new_base + j] = Value::NIL;
    }
    // SAFETY: `next` and `ctx.code` point into the same code array.
    th.frames[fidx].pc = unsafe { next.offset_from(ctx.code) } as usize;
    ctx.countdown -= 1;
    th.push_frame(Frame::new(func, new_base, Some(c), i.c() as i32 - 1));
    // SAFETY: the frame just pushed is a script frame.
    unsafe { load_top_frame(ctx) };
    1
}

/// `RETURN A B` (B != 0), `RETURN0`, `RETURN1 A` from a plain frame (called by CALL from
/// a script frame: no flags but TAIL, no deferred calls or handler): close its upvalues,
/// copy the results, pop it and resume the caller (interp.rs, `fast_return!`).
///
/// # Safety
/// As for [`asm_call`].
pub(super) unsafe extern "sysv64" fn asm_return(ctx: *mut AsmCtx, instr: u32) -> u64 {
    // SAFETY: as in asm_call.
    let ctx = unsafe { &mut *ctx };
    // SAFETY: as in asm_call.
    let vm = unsafe { &mut *ctx.vm };
    let i = Instr(instr);
    let (ra, n) = match i.op() {
        compiler::Op::RETURN0 => (0, 0),
        compiler::Op::RETURN1 => (i.a(), 1),
        _ if i.b() != 0 => (i.a(), i.b() - 1),
        _ => return 0,
    };
    let mut th = vm.current;
    let fidx = th.frames.len() - 1;
    let f = &th.frames[fidx];
    if f.flags & !flags::TAIL != 0 || f.extra.is_some() || fidx == 0 {
        return 0;
    }
    let (base, dst, want) = (f.base, f.func, f.want);
    if th.open_upvalues.last().is_some_and(|u| u.stack_index >= base) {
        th.close_upvalues(base);
    }
    let src = base + ra;
    for j in 0..n {
        th.stack[dst + j] = th.stack[src + j];
    }
    if want < 0 {
        th.top = dst + n;
    } else {
        for j in n..want as usize {
            th.stack[dst + j] = Value::NIL;
        }
    }
    th.frames.pop();
    // A plain frame was called by CALL from a script frame: resume it.
    // SAFETY: the caller frame is a script frame.
    unsafe { load_top_frame(ctx) };
    1
}
