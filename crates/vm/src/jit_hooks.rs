//! The interface between the interpreter and an (optional) JIT compiler.
//!
//! The VM does not depend on any JIT: an embedder (the `gscript` command) may attach an
//! engine implementing [`JitEngine`] with [`Vm::attach_jit`].
//!
//! * **Hot counters.** With a JIT attached, `Vm::jit_hot` holds [`HOT_SLOTS`] counters,
//!   indexed by a hash of the loop header's instruction address ([`hot_slot`]). At every
//!   loop back-edge (a backward `JMP`, the backward jump of a conditional jump,
//!   `RANGELOOP`, the table/number fast paths of `RANGECALL`) the interpreter decrements
//!   the loop's counter; only when it reaches zero does it save the frame's pc (the loop
//!   header) and call [`Vm::jit_hot_hook`], which resets the counter to the engine's
//!   threshold and calls [`JitEngine::back_edge`]. Without a JIT the cost is one
//!   predictable branch on `jit_hot.is_empty()`.
//! * The engine may count the loop, record it, or run a compiled trace. For a loop with a
//!   trace it sets the counter to 1 ([`Vm::jit_set_hot`]) so that the next back-edge
//!   enters the trace again; for a blacklisted loop it sets a large value. Loops sharing
//!   a slot only cost extra engine calls, never correctness: the engine identifies loops
//!   by (prototype, header pc).
//! * **Periodic checks** (`hooks.rs`) keep their own countdown (`hook_countdown`), also
//!   decremented at back-edges and calls; when it fires at a back-edge,
//!   [`Vm::back_edge_hook`] runs the hooks and then the loop's hot counter. A trace
//!   counts its iterations against `hook_countdown` (the engine passes it as the trace's
//!   iteration budget and stores what is left), so interrupts, instruction budgets and
//!   preemption keep working inside traces.
//! * A trace runs on the current frame's registers and, when it exits, writes the
//!   interpreter state back (stack slots and the frame's pc) and returns [`Flow::Enter`]
//!   so that the interpreter reloads the frame. It must not change anything else about
//!   frames.
//! * Script calls take the interpreter's normal fast path whether or not a JIT is
//!   attached.
//! * [`JitEngine::mark_roots`] lets the engine keep objects its traces refer to alive.

use crate::call::Flow;
use crate::error::RtError;
use crate::gc::Heap;
use crate::vm::Vm;
use compiler::Instr;

/// Number of hot counters (a power of two).
pub const HOT_SLOTS: usize = 1024;

/// Counter slot of the loop whose header is instruction `pc` of the code at `code`.
#[inline(always)]
pub fn hot_slot(code: *const Instr, pc: usize) -> usize {
    ((code as usize / std::mem::size_of::<Instr>()).wrapping_add(pc)) & (HOT_SLOTS - 1)
}

/// A JIT compiler attached to a VM.
pub trait JitEngine {
    /// A hot loop back-edge of the running script frame (the current thread's top
    /// frame). The frame's `pc` is the loop header (the jump target); `from_pc` is the
    /// index of the jumping instruction; `slot` the loop's hot counter, already reset to
    /// [`JitEngine::hot_threshold`]. Returns `Flow::Done` if nothing changed (the
    /// interpreter continues at the header) or `Flow::Enter` if the engine moved the
    /// frame's pc and/or changed registers (the interpreter reloads the frame).
    fn back_edge(&mut self, vm: &mut Vm, from_pc: usize, slot: usize) -> Flow;
    /// Back-edges of a loop before the engine is called.
    fn hot_threshold(&self) -> i32;
    /// Marks the objects the engine refers to (called during collections).
    fn mark_roots(&self, heap: &mut Heap);
}

impl Vm {
    /// Attaches a JIT engine (replacing any previous one) and arms the hot counters.
    pub fn attach_jit(&mut self, engine: Box<dyn JitEngine>) {
        let hot = engine.hot_threshold().max(1);
        self.jit = Some(engine);
        self.jit_hot = vec![hot; HOT_SLOTS].into_boxed_slice();
    }

    /// Sets hot counter `slot` (the engine's way to be called at the next back-edge of a
    /// loop with a trace, or rarely for a blacklisted one).
    pub fn jit_set_hot(&mut self, slot: usize, value: i32) {
        if let Some(c) = self.jit_hot.get_mut(slot) {
            *c = value;
        }
    }

    /// Called by the interpreter when `hook_countdown` fires at a loop back-edge, after
    /// saving the frame's pc (the loop header): the periodic checks, then (with a JIT)
    /// the loop's hot counter.
    #[cold]
    #[inline(never)]
    pub fn back_edge_hook(&mut self, from_pc: usize) -> Result<Flow, RtError> {
        match self.run_hooks()? {
            Flow::Done => {}
            other => return Ok(other),
        }
        if self.jit_hot.is_empty() {
            return Ok(Flow::Done);
        }
        let th = self.current;
        let Some(frame) = th.frames.last() else { return Ok(Flow::Done) };
        let Some(closure) = frame.closure else { return Ok(Flow::Done) };
        let slot = hot_slot(closure.proto.code.as_ptr(), frame.pc);
        let Some(c) = self.jit_hot.get_mut(slot) else { return Ok(Flow::Done) };
        *c -= 1;
        if *c > 0 {
            return Ok(Flow::Done);
        }
        self.jit_hot_hook(from_pc, slot)
    }

    /// Called by the interpreter when the hot counter `slot` of the loop being closed
    /// reaches zero, after saving the frame's pc (the loop header).
    #[cold]
    #[inline(never)]
    pub fn jit_hot_hook(&mut self, from_pc: usize, slot: usize) -> Result<Flow, RtError> {
        let Some(mut engine) = self.jit.take() else { return Ok(Flow::Done) };
        let hot = engine.hot_threshold().max(1);
        self.jit_set_hot(slot, hot);
        let flow = engine.back_edge(self, from_pc, slot);
        self.jit = Some(engine);
        Ok(flow)
    }
}
