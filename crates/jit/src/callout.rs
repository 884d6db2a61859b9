//! Calls of builtins out of a trace (`carg` / `calln`).
//!
//! A trace calls a *pure* builtin (one that reads only its arguments and allocates, such
//! as `string.format` or `tonumber`; [`is_pure_builtin`]) by storing its boxed arguments
//! in `JitCtx::args` (`carg`) and calling [`jit_call_native`] (`calln`), which runs the
//! builtin as the interpreter would, on a builtin frame above the trace's frame, and
//! returns its first result.
//!
//! Invariants:
//! * **No script code runs**: the recorder only calls builtins of the list, with numbers
//!   and strings as arguments (type-guarded), so no metamethod (`__tostring`, ...) can
//!   be reached.
//! * **GC**: allocation never collects (collections happen only at the interpreter's
//!   safepoints), so the values the trace holds in registers and in `JitCtx::args` stay
//!   valid; the result is in the frame, a table or dead by the time the trace returns.
//! * **Stack**: the builtin's frame goes at `base + max_stack` of the trace's frame
//!   (inlined calls' registers are virtual, so that part of the stack is free). If the
//!   call grows (moves) the VM stack, or the builtin raises an error, the call *fails*:
//!   `JitCtx::callout_failed` is set and the trace exits to the snapshot before the
//!   `CALL`, which the interpreter re-executes (running a pure builtin twice is not
//!   observable; the error is then raised by the interpreter with its usual message).
//!   After every call the trace reloads its frame pointer from `JitCtx::frame`, so the
//!   exit writes the snapshot to the frame's current address.
//! * Fails also (before calling) when the frame stack is not the one the trace runs on,
//!   or without room for the builtin's frame and a few results.

use crate::exit::JitCtx;
use vm::function::{Args, Native};
use vm::object::Gc;
use vm::value::Value;
use vm::Vm;

/// Maximum arguments of a call out of a trace.
pub const MAX_ARGS: usize = 8;
/// Results after the first that a call out of a trace passes back (`JitCtx::results`,
/// read by `cres`).
pub const MAX_EXTRA_RESULTS: usize = 4;

/// Stack slots above a builtin's arguments that must exist before the call (its
/// results are pushed there; the listed builtins push one).
const HEADROOM: usize = 8;

/// Builtins a trace may call: they read only their (number, string, boolean or nil) arguments, never
/// call script code or yield, and push at most a few results.
pub fn is_pure_builtin(qualified: &str) -> bool {
    matches!(
        qualified,
        "string.format"
            | "string.rep"
            | "string.sub"
            | "string.upper"
            | "string.lower"
            | "string.char"
            | "string.reverse"
            | "tonumber"
            | "tostring"
            | "math.max"
            | "math.min"
            | "math.fmod"
            | "math.ceil"
            | "math.exp"
            | "math.log"
            | "math.sin"
            | "math.cos"
            | "math.tointeger"
            | "string.find"
            | "string.match"
            | "math.tan"
            | "math.asin"
            | "math.acos"
            | "math.atan"
            | "math.deg"
            | "math.rad"
            | "math.type"
            | "math.ult"
            | "math.modf"
            | "math.pow"
            | "math.trunc"
            | "math.round"
            | "math.idiv"
            | "math.clamp"
            | "math.lerp"
            | "math.sign"
            | "math.hypot"
            | "math.isnan"
            | "math.isinf"
    )
}

/// Bit in a `calln` descriptor: the operation is a concatenation of the arguments
/// (`CONCAT` of numbers and strings, `Vm::concat_op`) rather than a builtin call.
pub const CONCAT: u64 = 1 << 56;

/// What a call out of a trace runs.
#[derive(Clone, Copy)]
pub enum Callee {
    Builtin(Gc<Native>),
    /// `a .. b .. ...` of numbers and strings (no metamethods).
    Concat,
}

/// Runs `callee` on `args` (a builtin as a call with one wanted result). None if it
/// raised an error, if there is no room for its frame, or if the VM stack moved (see
/// the module header); the VM's frames and stack top are as before in every case.
/// Results after the first go to `extra` (nil-padded).
pub fn call_native(vm: &mut Vm, callee: Callee, args: &[Value], extra: &mut [Value; MAX_EXTRA_RESULTS]) -> Option<Value> {
    *extra = [Value::NIL; MAX_EXTRA_RESULTS];
    let mut th = vm.current;
    let frame = th.frames.last()?;
    let closure = frame.closure?;
    let func = frame.base + closure.proto.max_stack;
    let need = func + 1 + args.len() + HEADROOM;
    if need > th.stack.len() {
        return None;
    }
    let stack_ptr = th.stack.as_ptr();
    let (saved_top, saved_frames) = (th.top, th.frames.len());
    for (j, &v) in args.iter().enumerate() {
        th.stack[func + 1 + j] = v;
    }
    let mut result = None;
    match callee {
        Callee::Builtin(n) => {
            th.stack[func] = Vm::object_value(n);
            if vm.push_builtin_frame(func, args.len(), 1).is_ok() {
                if let Ok(nres) = (n.func)(vm, Args { base: func + 1, count: args.len() }) {
                    let th = vm.current;
                    result = Some(if nres > 0 { th.stack[th.top - nres] } else { Value::NIL });
                    for (j, e) in extra.iter_mut().enumerate() {
                        if j + 1 < nres {
                            *e = th.stack[th.top - nres + j + 1];
                        }
                    }
                }
            }
        }
        Callee::Concat => {
            if args.len() >= 2 && args.iter().all(|v| v.is_str() || v.is_number()) && vm.concat_op(func + 1, args.len()).is_ok() {
                result = Some(vm.current.stack[func + 1]);
            }
        }
    }
    let mut th = vm.current;
    th.frames.truncate(saved_frames);
    th.top = saved_top;
    if th.stack.as_ptr() != stack_ptr {
        return None;
    }
    result
}

/// Called from trace code (`calln`, through the `call_native` routine of x64/emit.rs)
/// with `desc` = the builtin's address (or [`CONCAT`]) | argument count << 48; the arguments are in
/// `ctx.args`. Returns the first result (nil if none), the next ones in `ctx.results`, and sets `ctx.callout_failed`
/// (module header) and `ctx.frame` (the frame's current address).
pub extern "sysv64" fn jit_call_native(ctx: *mut JitCtx, desc: u64) -> u64 {
    // SAFETY: `ctx` is the engine's context passed to the running trace, whose `vm` the
    // engine set to the VM that called the trace (not otherwise borrowed while trace
    // code runs). `desc` holds the address of a builtin the trace keeps alive (its
    // identity guard's constant is one of the trace's roots).
    unsafe {
        let ctx = &mut *ctx;
        let vm = &mut *ctx.vm;
        let nargs = ((desc >> 48 & 0xFF) as usize).min(MAX_ARGS);
        let callee = if desc & CONCAT != 0 {
            Callee::Concat
        } else {
            Callee::Builtin(Gc::from_raw((desc & vm::value::PAYLOAD_MASK) as *mut Native))
        };
        let mut args = [Value::NIL; MAX_ARGS];
        for (d, &b) in args.iter_mut().zip(&ctx.args[..nargs]) {
            *d = Value(b);
        }
        let mut extra = [Value::NIL; MAX_EXTRA_RESULTS];
        let r = call_native(vm, callee, &args[..nargs], &mut extra);
        for (d, e) in ctx.results.iter_mut().zip(extra) {
            *d = e.0;
        }
        let th = vm.current;
        let base = th.frames.last().map_or(0, |f| f.base);
        ctx.frame = th.stack.as_ptr().add(base) as u64;
        ctx.callout_failed = r.is_none() as u64;
        r.map_or(Value::NIL.0, |v| v.0)
    }
}

/// A key the table helpers accept: normalised without conversion (an inline int or a
/// string; floats and big integers take the interpreter's path).
fn plain_key(k: Value) -> bool {
    k.is_inline_int() || k.is_str()
}

/// Called from trace code (`tget`): raw get `args[0][args[1]]` (the recorder guards
/// that the table has no metatable where that matters). Fails (`ctx.callout_failed`)
/// for keys other than inline ints and strings.
pub extern "sysv64" fn jit_table_get(ctx: *mut JitCtx, _unused: u64) -> u64 {
    // SAFETY: `ctx` is the running trace's context; `args[0]` holds a table value the
    // trace type-checked (tables never move and stay alive: the trace holds them).
    unsafe {
        let ctx = &mut *ctx;
        let (t, k) = (Value(ctx.args[0]), Value(ctx.args[1]));
        match vm::object::value_as::<vm::table::Table>(t) {
            Some(t) if plain_key(k) => {
                ctx.callout_failed = 0;
                t.get(k).0
            }
            _ => {
                ctx.callout_failed = 1;
                Value::NIL.0
            }
        }
    }
}

/// Called from trace code (`tset`): raw set `args[0][args[1]] = args[2]` of a table
/// without metatable, as the interpreter's `SETTABLE` (`Table::set_out_of_line`: may
/// grow or rehash the table, never collects). Fails for other keys, changing nothing.
pub extern "sysv64" fn jit_table_set(ctx: *mut JitCtx, _unused: u64) -> u64 {
    // SAFETY: as for `jit_table_get`; no other reference to the table is live while
    // trace code runs.
    unsafe {
        let ctx = &mut *ctx;
        let (t, k, v) = (Value(ctx.args[0]), Value(ctx.args[1]), Value(ctx.args[2]));
        let ok = match vm::object::value_as::<vm::table::Table>(t) {
            Some(mut t) if plain_key(k) && t.meta.is_none() => t.set_out_of_line(k, v),
            _ => false,
        };
        ctx.callout_failed = !ok as u64;
        0
    }
}

/// Called from trace code (`tposafter`): the traversal position just after key
/// `args[1]` of table `args[0]` (`Table::position_after`, as the builtin `next`; nil is
/// position 0). Fails for float keys (`next` normalises them first) and for keys not in
/// the table ("invalid key to 'next'", which the interpreter then raises).
pub extern "sysv64" fn jit_table_pos_after(ctx: *mut JitCtx, _unused: u64) -> u64 {
    // SAFETY: as for `jit_table_get`: `args[0]` holds a table value the trace
    // type-checked.
    unsafe {
        let ctx = &mut *ctx;
        let (t, k) = (Value(ctx.args[0]), Value(ctx.args[1]));
        let pos = match vm::object::value_as::<vm::table::Table>(t) {
            Some(t) if !k.is_float() => t.position_after(k),
            _ => None,
        };
        ctx.callout_failed = pos.is_none() as u64;
        pos.unwrap_or(0) as u64
    }
}

/// Called from trace code (`tlen`): the border `#t` of table `args[0]` (no metatable:
/// the recorder guards that), as the interpreter's `LEN` (`Table::border`, which may
/// search the array part and the hash part). Never fails.
pub extern "sysv64" fn jit_table_len(ctx: *mut JitCtx, _unused: u64) -> u64 {
    // SAFETY: as for `jit_table_get`: `args[0]` holds a table value the trace
    // type-checked.
    unsafe {
        let ctx = &mut *ctx;
        let t = Value(ctx.args[0]);
        let n = vm::object::value_as::<vm::table::Table>(t).map_or(0, |t| t.border());
        ctx.callout_failed = 0;
        n as u64
    }
}
