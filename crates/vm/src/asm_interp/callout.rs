//! Rust routines the generated code calls for instructions whose fast path is too long
//! to write in assembly (SELF's `__index` chain, LEN, integer-key stores that grow a
//! table, string equality), plus [`load_top_frame`], which fills the context.
//!
//! Each op routine is the Rust loop's fast path for its op (interp.rs), with the same
//! conditions checked **before any effect**: it returns 0 (nothing done; the generated
//! code then leaves the instruction to the Rust loop, which takes its general path) or
//! 1 (done). None allocates GC objects, runs script code or moves the stack (table
//! growth is Rust memory), so the generated code's invariants hold across them.

use super::AsmCtx;
use crate::function::Closure;
use crate::object::value_as;
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

/// The signature of the callouts for single instructions: `(ctx, instr, next pc, &R[0])`
/// -> 1 when the instruction is done (same frame), 0 to leave it to the Rust loop
/// (nothing done).
pub(super) type OpCallout = unsafe extern "sysv64" fn(*mut AsmCtx, u32, *const Instr, *mut Value) -> u64;

/// `SELF A B C`: R[A+1] = R[B]; R[A] = R[B][K[C]] when the Rust loop's inline method
/// lookup finds it (a table, then `__index` tables, up to 16 hops; interp.rs SELF).
///
/// # Safety
/// Called by the generated code with its live context and its frame's registers.
pub(super) unsafe extern "sysv64" fn asm_self(ctx: *mut AsmCtx, instr: u32, _next: *const Instr, regs: *mut Value) -> u64 {
    // SAFETY: the caller passes its live context; ctx.vm is the running Vm.
    let (ctx, vm) = unsafe { (&mut *ctx, &*(*ctx).vm) };
    let i = Instr(instr);
    // SAFETY: B and A + 1 are registers of the running frame; C is a constant index
    // of the running prototype (compiler invariants, as in the Rust loop).
    let (obj, key) = unsafe { (*regs.add(i.b()), *ctx.k.add(i.c())) };
    // SAFETY: ctx.proto is the running prototype.
    let proto = unsafe { &*(ctx.proto as *const crate::function::ProtoObj) };
    let Some(mut t) = value_as::<crate::table::Table>(obj) else { return 0 };
    let hint = &proto.global_cache[i.c()];
    let mut hops = 0;
    let v = loop {
        let v = t.get_with_hint(key, hint);
        if !v.is_nil() {
            break v;
        }
        let Some(mt) = t.meta else { break Value::NIL };
        let h = vm.metamethod_in(mt, crate::vm::Tm::Index);
        if h.is_nil() {
            break Value::NIL;
        }
        match value_as::<crate::table::Table>(h) {
            Some(ht) if hops < 16 => {
                t = ht;
                hops += 1;
            }
            _ => return 0,
        }
    };
    // SAFETY: as above.
    unsafe {
        *regs.add(i.a() + 1) = obj;
        *regs.add(i.a()) = v;
    }
    1
}

/// `LEN A B` of a table without metatable or of a string (interp.rs LEN).
///
/// # Safety
/// As for [`asm_self`].
pub(super) unsafe extern "sysv64" fn asm_len(_ctx: *mut AsmCtx, instr: u32, _next: *const Instr, regs: *mut Value) -> u64 {
    let i = Instr(instr);
    // SAFETY: B is a register of the running frame.
    let v = unsafe { *regs.add(i.b()) };
    let n = if let Some(t) = value_as::<crate::table::Table>(v) {
        if t.meta.is_some() {
            return 0;
        }
        t.border()
    } else if let Some(s) = crate::vm::Vm::str_bytes(v) {
        s.len() as i64
    } else {
        return 0;
    };
    // SAFETY: A is a register of the running frame.
    unsafe { *regs.add(i.a()) = Value::inline_int(n) };
    1
}

/// `SETTABLE A B C` / `SETI A B C` with an inline-integer key outside the array part of
/// a table without metatable (appends, hash-part keys: interp.rs, `set_int_out_of_line`).
/// Only Rust memory of the table grows; no GC object is made.
///
/// # Safety
/// As for [`asm_self`].
pub(super) unsafe extern "sysv64" fn asm_set_int(_ctx: *mut AsmCtx, instr: u32, _next: *const Instr, regs: *mut Value) -> u64 {
    let i = Instr(instr);
    // SAFETY: A, B (SETTABLE) and C are registers of the running frame.
    let (obj, val) = unsafe { (*regs.add(i.a()), *regs.add(i.c())) };
    let key = if i.op() == compiler::Op::SETI {
        i.b() as i64
    } else {
        // SAFETY: as above.
        let k = unsafe { *regs.add(i.b()) };
        if !k.is_inline_int() {
            return 0;
        }
        k.as_inline_int_unchecked()
    };
    let Some(mut t) = value_as::<crate::table::Table>(obj) else { return 0 };
    if t.meta.is_some() {
        return 0;
    }
    if let Some(slot) = t.array_slot(key) {
        *slot = val;
        return 1;
    }
    t.set_int_out_of_line(key, val);
    1
}

/// Raw equality (`ops::raw_equal`: no metamethods) of two values, for EQ of strings and
/// EQK.
pub(super) extern "sysv64" fn asm_raw_equal(a: u64, b: u64) -> u64 {
    crate::ops::raw_equal(Value(a), Value(b)) as u64
}
