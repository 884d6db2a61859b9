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

#[cfg(target_arch = "x86_64")]
mod x64;

use crate::error::RtError;
use crate::vm::Vm;
use compiler::Instr;

/// The context block shared with the generated code (`r15`). Field offsets are taken
/// with `offset_of!` by the generator.
#[repr(C)]
pub struct AsmCtx {
    /// Out: the instruction the generated code stopped at (not executed).
    pub pc: *const Instr,
    /// In/out: `Vm::hook_countdown`.
    pub countdown: i64,
    /// In: nonzero when a JIT is attached (every back-edge is left to the Rust loop,
    /// which counts loops for it).
    pub jit_on: u64,
    /// In: the dispatch table.
    pub table: *const usize,
}

/// Memory layouts the generated code relies on, measured at start-up (Rust does not
/// specify `Vec`'s field order): if a probe is inconclusive, the assembly interpreter
/// is not available and the Rust loop runs everything.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// Offsets inside a `Table` of its array part's data pointer and length, and of
    /// `meta` (`None` is the word 0).
    pub arr_ptr: i32,
    pub arr_len: i32,
    pub meta: i32,
}

impl Layout {
    pub fn probe() -> Option<Layout> {
        use crate::table::Table;
        use crate::value::Value;
        if std::mem::size_of::<Vec<Value>>() != 24 || std::mem::size_of::<Option<crate::object::Gc<Table>>>() != 8 {
            return None;
        }
        let mut v: Vec<Value> = Vec::with_capacity(7);
        for _ in 0..3 {
            v.push(Value::NIL);
        }
        // SAFETY: Vec<Value> is 24 bytes (checked); reading it as three words does not
        // move or drop it.
        let words: [usize; 3] = unsafe { std::mem::transmute_copy(&v) };
        let find = |x: usize| {
            let hits: Vec<usize> = (0..3).filter(|&i| words[i] == x).collect();
            (hits.len() == 1).then(|| hits[0] as i32 * 8)
        };
        let (p, l, c) = (find(v.as_ptr() as usize)?, find(3)?, find(7)?);
        if p == l || l == c || p == c {
            return None;
        }
        let t = Table::new(0, 0);
        let meta = std::mem::offset_of!(Table, meta);
        // SAFETY: reading one word at a field offset inside a live Table.
        let none_word = unsafe { *((&t as *const Table as *const u8).add(meta) as *const usize) };
        if none_word != 0 {
            return None;
        }
        let arr = std::mem::offset_of!(Table, array) as i32;
        Some(Layout { arr_ptr: arr + p, arr_len: arr + l, meta: meta as i32 })
    }
}

/// The generated interpreter's entry: `(ctx, &R[0], &code[pc], &K[0])`; returns when it
/// reaches an instruction it leaves to the Rust loop (`ctx.pc`).
type Entry = unsafe extern "sysv64" fn(*mut AsmCtx, *mut crate::Value, *const Instr, *const crate::Value);

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
        let Some(asm) = interp() else { return self.run::<false>().map(|_| ()) };
        let mut ctx = AsmCtx { pc: std::ptr::null(), countdown: 0, jit_on: 0, table: asm.table.as_ptr() };
        loop {
            // The Rust loop also runs first: it handles whatever execute's caller left
            // (pending GC check, goroutine switch) exactly as without the asm code.
            if !self.run::<true>()? {
                return Ok(());
            }
            let mut th = self.current;
            // run::<true> returns with a script frame on top, its pc saved.
            let Some(fidx) = th.frames.len().checked_sub(1) else { continue };
            let (base, pc, closure) = {
                let f = &th.frames[fidx];
                (f.base, f.pc, f.closure)
            };
            let Some(closure) = closure else { continue };
            let proto = closure.proto;
            let code = proto.code.as_ptr();
            ctx.countdown = self.hook_countdown;
            ctx.jit_on = (!self.jit_hot.is_empty()) as u64;
            // SAFETY: the frame's registers base..base + max_stack are inside the stack
            // (precall sizes it), pc is inside the prototype's code, which ends with a
            // RETURN (never run by the generated code) and whose operands load.rs
            // validated like the Rust loop relies on. The generated code neither
            // allocates nor calls out, so the stack, the prototype and every object it
            // reads stay where they are while it runs.
            unsafe {
                (asm.entry)(&mut ctx, th.stack.as_mut_ptr().add(base), code.add(pc), proto.constants.as_ptr());
            }
            self.hook_countdown = ctx.countdown;
            th.frames[fidx].pc = (ctx.pc as usize - code as usize) / std::mem::size_of::<Instr>();
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
