//! The assembly interpreter: a threaded bytecode interpreter generated once per process
//! as x86-64 machine code (dynasm-rs, `x64.rs`), used when switched on
//! (`gscript -interp=asm`, `GSCRIPT_INTERP=asm`, [`Vm::asm_interp`]); the Rust loop
//! (`interp.rs`) stays the reference and the fallback for everything else.
//!
//! # Division of work
//! The generated code runs the hot simple ops of the running frame (moves, constants,
//! number arithmetic, comparisons fused with their JMP, the FORxx loop steps, array-part
//! table reads/writes, bitwise ops on inline integers). Each handler checks its fast-path
//! conditions **before any effect**; on a miss (another type, integer overflow, a
//! metatable that matters, a hook or JIT counter due at a back-edge) or for an op it
//! has no handler for, it leaves the code with `ctx.pc` pointing at that instruction.
//! [`Vm::execute_asm`] stores that pc in the frame and lets the Rust loop run exactly
//! that one instruction (`Vm::run::<true>`), with everything the Rust loop does around
//! instructions (errors with positions and tracebacks, metamethods, calls and returns,
//! GC and goroutine checks, hooks, JIT entry), then re-enters the generated code at the
//! top frame, which may be another frame or even another thread by then. So the
//! semantics are the Rust loop's by construction: the generated code only ever performs
//! an instruction when the Rust loop's fast path would have done exactly the same.
//!
//! # Machine state (x64.rs)
//! `rbx` = the frame's register 0 (`stack + base`), `r12` = the next instruction,
//! `r13` = the dispatch table (256 handler addresses, in Rust memory), `r14` = the
//! prototype's constants, `r15` = the [`AsmCtx`], `rbp` = the inline-integer tag word.
//! Every handler ends with the dispatch: load the next instruction, index the table
//! with its low byte, jump. Nothing in the generated code calls out or allocates, so
//! the stack cannot move and no collection can happen while it runs.
//!
//! # Safepoints
//! A back-edge (backward JMP, a conditional op's taken backward JMP, a FORxx loop
//! continuing) is done in the generated code only if the safepoint countdown
//! (`hook_countdown`, copied into the context) stays above zero after its decrement and
//! no JIT is attached; otherwise the Rust loop runs it (hooks, preemption, hot
//! counters, trace entry).

mod callout;
#[cfg(target_arch = "x86_64")]
mod x64;

use crate::error::RtError;
use crate::vm::Vm;
use compiler::Instr;

/// The context block shared with the generated code (`r15`). Field offsets are taken
/// with `offset_of!` by the generator.
#[repr(C)]
pub struct AsmCtx {
    /// In: the next instruction to run (`r12`). Out: the instruction the generated code
    /// stopped at (not executed).
    pub pc: *const Instr,
    /// In/out: `Vm::hook_countdown`.
    pub countdown: i64,
    /// In: nonzero when a JIT is attached (every back-edge is left to the Rust loop,
    /// which counts loops for it).
    pub jit_on: u64,
    /// In: the dispatch table.
    pub table: *const usize,
    /// The running Vm (for the callouts).
    pub vm: *mut Vm,
    /// The running frame: its register 0 (`rbx`, only read at entry), constants
    /// (`r14`), code start, prototype (a `ProtoObj`) and closure. The generated code
    /// keeps k, code, proto and closure up to date when it changes frames (the
    /// callouts read them).
    pub base: *mut crate::Value,
    pub k: *const crate::Value,
    pub code: *const Instr,
    pub proto: *const u8,
    pub closure: *const u8,
    /// Callouts (callout.rs).
    pub self_fn: usize,
    pub len_fn: usize,
    pub set_int_fn: usize,
    pub raw_eq_fn: usize,
    /// The current thread (a `Thread`) and `Limits::max_frames`.
    pub thread: *mut u8,
    pub max_frames: usize,
}

/// Memory layouts the generated code relies on, measured at start-up (Rust does not
/// specify `Vec`'s field order): if a probe is inconclusive, the assembly interpreter
/// is not available and the Rust loop runs everything.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// Offsets inside a `Table` of its array part's data pointer and length, of its hash
    /// entries' data pointer and length, and of `meta` (`None` is the word 0).
    pub arr_ptr: i32,
    pub arr_len: i32,
    pub ent_ptr: i32,
    pub ent_len: i32,
    pub meta: i32,
    /// `size_of::<Entry>()` and the offsets of its key and value.
    pub entry_size: i32,
    pub entry_key: i32,
    pub entry_value: i32,
    /// Offsets inside a `ProtoObj` of `env` and of the data pointer of `global_cache`.
    pub proto_env: i32,
    pub proto_cache: i32,
    /// Offset inside a `Closure` of its upvalue array pointer, and of `location` inside
    /// an `Upvalue`.
    pub clo_upvals: i32,
    pub upval_loc: i32,
    /// Calls in the generated code (x64.rs `call` / `ret`): `Thread` fields (data
    /// pointer / length / capacity of its vectors), `Frame` fields and size, `Closure`
    /// and `ProtoObj` fields, the object-kind byte and the upvalue stack index.
    pub th_stack_ptr: i32,
    pub th_stack_len: i32,
    pub th_top: i32,
    pub th_frames_ptr: i32,
    pub th_frames_len: i32,
    pub th_frames_cap: i32,
    pub th_ou_ptr: i32,
    pub th_ou_len: i32,
    pub frame_size: i32,
    pub fr_func: i32,
    pub fr_base: i32,
    pub fr_pc: i32,
    pub fr_closure: i32,
    pub fr_want: i32,
    pub fr_flags: i32,
    pub fr_varargs: i32,
    pub fr_aux: i32,
    pub fr_extra: i32,
    pub clo_proto: i32,
    pub proto_code: i32,
    pub proto_k: i32,
    pub proto_nparams: i32,
    pub proto_need: i32,
    pub obj_kind: i32,
    pub upval_index: i32,
}

/// Offsets (data pointer, length) of the fields of a `Vec<T>`.
fn probe_vec<T: Clone>(item: T) -> Option<(i32, i32)> {
    crate::layout::probe_vec(item).map(|(p, l, _)| (p, l))
}

/// Offset of the data pointer inside a `Box<[u32]>`-like fat pointer (16 bytes).
fn probe_boxed_slice() -> Option<i32> {
    let b: Box<[std::cell::Cell<u32>]> = (0..5).map(std::cell::Cell::new).collect();
    if std::mem::size_of::<Box<[std::cell::Cell<u32>]>>() != 16 {
        return None;
    }
    // SAFETY: the box is 16 bytes (checked); reading it as two words does not move it.
    let words: [usize; 2] = unsafe { std::mem::transmute_copy(&b) };
    match (words[0] == b.as_ptr() as usize && words[1] == 5, words[1] == b.as_ptr() as usize && words[0] == 5) {
        (true, false) => Some(0),
        (false, true) => Some(8),
        _ => None,
    }
}

impl Layout {
    pub fn probe() -> Option<Layout> {
        use crate::table::{Entry, Table};
        use crate::value::Value;
        if std::mem::size_of::<Option<crate::object::Gc<Table>>>() != 8 {
            return None;
        }
        let (vp, vl) = probe_vec(Value::NIL)?;
        let (ep, el) = probe_vec(Entry { key: Value::NIL, value: Value::NIL })?;
        let t = Table::new(0, 0);
        let meta = std::mem::offset_of!(Table, meta);
        // SAFETY: reading one word at a field offset inside a live Table.
        let none_word = unsafe { *((&t as *const Table as *const u8).add(meta) as *const usize) };
        if none_word != 0 {
            return None;
        }
        let arr = std::mem::offset_of!(Table, array) as i32;
        let ent = std::mem::offset_of!(Table, entries) as i32;
        let bs = probe_boxed_slice()?;
        // Frames: every Vec has the layout of Vec<Value>; None of Option<Box<_>> and of
        // Option<Gc<_>> is the word 0 and Some(p) is p.
        use crate::function::{Closure, ProtoObj};
        use crate::thread::{Frame, Thread};
        let (fp, fl, fc) = crate::layout::probe_vec(Frame::new(0, 0, None, 0))?;
        if (fp, fl) != (vp, vl) || (ep, el) != (vp, vl) || std::mem::size_of::<Vec<crate::object::Gc<crate::object::Upvalue>>>() != 24 {
            return None;
        }
        let fake = std::ptr::NonNull::<Closure>::dangling().as_ptr();
        // SAFETY: a Gc made from a dangling pointer is only inspected, never dereferenced.
        let some: Option<crate::object::Gc<Closure>> = Some(unsafe { crate::object::Gc::from_raw(fake) });
        let none_box: Option<Box<crate::thread::FrameExtra>> = None;
        // SAFETY: both are one word (checked), read as a word without moving them.
        let (some_w, none_w) = unsafe { (std::mem::transmute_copy::<_, usize>(&some), std::mem::transmute_copy::<_, usize>(&none_box)) };
        if std::mem::size_of_val(&some) != 8 || std::mem::size_of_val(&none_box) != 8 || some_w != fake as usize || none_w != 0 {
            return None;
        }
        let th_stack = std::mem::offset_of!(Thread, stack) as i32;
        let th_frames = std::mem::offset_of!(Thread, frames) as i32;
        let th_ou = std::mem::offset_of!(Thread, open_upvalues) as i32;
        Some(Layout {
            th_stack_ptr: th_stack + vp,
            th_stack_len: th_stack + vl,
            th_top: std::mem::offset_of!(Thread, top) as i32,
            th_frames_ptr: th_frames + fp,
            th_frames_len: th_frames + fl,
            th_frames_cap: th_frames + fc,
            th_ou_ptr: th_ou + vp,
            th_ou_len: th_ou + vl,
            frame_size: std::mem::size_of::<Frame>() as i32,
            fr_func: std::mem::offset_of!(Frame, func) as i32,
            fr_base: std::mem::offset_of!(Frame, base) as i32,
            fr_pc: std::mem::offset_of!(Frame, pc) as i32,
            fr_closure: std::mem::offset_of!(Frame, closure) as i32,
            fr_want: std::mem::offset_of!(Frame, want) as i32,
            fr_flags: std::mem::offset_of!(Frame, flags) as i32,
            fr_varargs: std::mem::offset_of!(Frame, varargs) as i32,
            fr_aux: std::mem::offset_of!(Frame, aux) as i32,
            fr_extra: std::mem::offset_of!(Frame, extra) as i32,
            clo_proto: std::mem::offset_of!(Closure, proto) as i32,
            proto_code: std::mem::offset_of!(ProtoObj, code) as i32 + bs,
            proto_k: std::mem::offset_of!(ProtoObj, constants) as i32 + bs,
            proto_nparams: std::mem::offset_of!(ProtoObj, num_params) as i32,
            proto_need: std::mem::offset_of!(ProtoObj, fixed_call_need) as i32,
            obj_kind: std::mem::offset_of!(crate::object::GcHeader, kind) as i32,
            upval_index: std::mem::offset_of!(crate::object::Upvalue, stack_index) as i32,
            arr_ptr: arr + vp,
            arr_len: arr + vl,
            ent_ptr: ent + ep,
            ent_len: ent + el,
            meta: meta as i32,
            entry_size: std::mem::size_of::<Entry>() as i32,
            entry_key: std::mem::offset_of!(Entry, key) as i32,
            entry_value: std::mem::offset_of!(Entry, value) as i32,
            proto_env: std::mem::offset_of!(crate::function::ProtoObj, env) as i32,
            proto_cache: std::mem::offset_of!(crate::function::ProtoObj, global_cache) as i32 + bs,
            clo_upvals: crate::function::Closure::UPVALUES_PTR_OFFSET as i32,
            upval_loc: std::mem::offset_of!(crate::object::Upvalue, location) as i32,
        })
    }
}

/// The generated interpreter's entry: runs from the state in the context; returns when
/// it reaches an instruction it leaves to the Rust loop (`ctx.pc`).
type Entry = unsafe extern "sysv64" fn(*mut AsmCtx);

struct AsmInterp {
    #[cfg(target_arch = "x86_64")]
    _code: dynasmrt::ExecutableBuffer,
    entry: Entry,
    table: Box<[usize]>,
}

// SAFETY: the code buffer and the table are immutable after generation; the generated
// code keeps no state between calls (all of it is in the caller's AsmCtx).
unsafe impl Sync for AsmInterp {}
unsafe impl Send for AsmInterp {}

fn interp() -> Option<&'static AsmInterp> {
    static INTERP: std::sync::OnceLock<Option<AsmInterp>> = std::sync::OnceLock::new();
    INTERP.get_or_init(generate).as_ref()
}

#[cfg(target_arch = "x86_64")]
fn generate() -> Option<AsmInterp> {
    let layout = Layout::probe()?;
    let (code, entry, offsets) = x64::generate(layout)?;
    let table: Box<[usize]> = offsets.iter().map(|&o| code.ptr(o) as usize).collect();
    // SAFETY: `entry` is the offset of the prologue emitted by x64::generate, which
    // follows the sysv64 convention of `Entry`.
    let entry: Entry = unsafe { std::mem::transmute(code.ptr(entry)) };
    Some(AsmInterp { _code: code, entry, table })
}

#[cfg(not(target_arch = "x86_64"))]
fn generate() -> Option<AsmInterp> {
    None
}

/// True if the assembly interpreter can run on this machine (generating it on first use).
pub fn available() -> bool {
    interp().is_some()
}

impl Vm {
    /// Turns the assembly interpreter on or off; false if it is not available here.
    pub fn set_asm_interp(&mut self, on: bool) -> bool {
        self.asm_interp = on && available();
        self.asm_interp == on
    }

    /// `execute` with the assembly interpreter: alternate between the generated code
    /// (for as long as it handles the instructions) and one instruction of the Rust loop.
    pub(crate) fn execute_asm(&mut self) -> Result<(), RtError> {
        let Some(asm) = interp() else { return self.run::<false>(true).map(|_| ()) };
        let mut ctx = AsmCtx {
            pc: std::ptr::null(),
            countdown: 0,
            jit_on: 0,
            table: asm.table.as_ptr(),
            vm: self as *mut Vm,
            base: std::ptr::null_mut(),
            k: std::ptr::null(),
            code: std::ptr::null(),
            proto: std::ptr::null(),
            closure: std::ptr::null(),
            self_fn: callout::asm_self as callout::OpCallout as usize,
            len_fn: callout::asm_len as callout::OpCallout as usize,
            set_int_fn: callout::asm_set_int as callout::OpCallout as usize,
            raw_eq_fn: callout::asm_raw_equal as *const () as usize,
            thread: std::ptr::null_mut(),
            max_frames: self.limits.max_frames,
        };
        let mut entry = true;
        loop {
            // The Rust loop also runs first, with the entry checks of `execute` (GC,
            // goroutine switch) exactly as without the asm code; later hand-offs are
            // not safepoints.
            if !self.run::<true>(entry)? {
                return Ok(());
            }
            entry = false;
            // run::<true> returns with a script frame on top, its pc saved.
            ctx.vm = self as *mut Vm;
            ctx.max_frames = self.limits.max_frames;
            // SAFETY: as just said; ctx.vm is this Vm.
            unsafe { callout::load_top_frame(&mut ctx) };
            ctx.countdown = self.hook_countdown;
            ctx.jit_on = (!self.jit_hot.is_empty()) as u64;
            // SAFETY: the frame's registers base..base + max_stack are inside the stack
            // (precall sizes it), pc is inside the prototype's code, which ends with a
            // RETURN, and whose operands load.rs validated like the Rust loop relies on.
            // The generated code does not allocate GC objects and its callouts move
            // neither the stack nor any object (callout.rs), so everything it reads stays
            // where it is while it runs.
            unsafe { (asm.entry)(&mut ctx) };
            self.hook_countdown = ctx.countdown;
            let mut th = self.current;
            let fidx = th.frames.len() - 1;
            // SAFETY: ctx.pc and ctx.code point into the running frame's code.
            th.frames[fidx].pc = unsafe { ctx.pc.offset_from(ctx.code) } as usize;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn generates_on_x86_64() {
        #[cfg(target_arch = "x86_64")]
        assert!(super::available(), "layout probe or code generation failed");
    }
}
