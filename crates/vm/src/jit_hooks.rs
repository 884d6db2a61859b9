//! The interface between the interpreter and an (optional) JIT compiler.
//!
//! The VM does not depend on any JIT: an embedder (the `gscript` command) may attach an
//! engine implementing [`JitEngine`] with [`Vm::attach_jit`]. The interpreter's only JIT
//! hook rides on the existing safepoint countdown (`hook_countdown`, see `hooks.rs`):
//!
//! * At every loop back-edge (a backward `JMP`, the backward jump of a conditional jump,
//!   `RANGELOOP`, the table/number fast paths of `RANGECALL`) the interpreter already
//!   decrements `hook_countdown`; when it reaches zero it saves the frame's pc (the loop
//!   header) and calls [`Vm::back_edge_hook`] with the pc of the jumping instruction.
//! * Without a JIT that is just `run_hooks` (no extra work on the hot path). With a JIT
//!   attached, the countdown is kept at 1 so that every back-edge reaches the hook; the
//!   periodic checks of `run_hooks` are then counted separately (`jit_periodic`), every
//!   `HOOK_INTERVAL` hook calls, as before.
//! * The engine may count the loop, record it, or run a compiled trace. A trace runs on the
//!   current frame's registers and, when it exits, writes the interpreter state back (stack
//!   slots and the frame's pc) and returns [`Flow::Enter`] so that the interpreter reloads
//!   the frame. It must not change anything else about frames.
//! * [`JitEngine::mark_roots`] lets the engine keep objects its traces refer to alive.

use crate::call::Flow;
use crate::error::RtError;
use crate::gc::Heap;
use crate::vm::Vm;

/// A JIT compiler attached to a VM.
pub trait JitEngine {
    /// A loop back-edge of the running script frame (the current thread's top frame).
    /// The frame's `pc` is the loop header (the jump target); `from_pc` is the index of
    /// the jumping instruction. Returns `Flow::Done` if nothing changed (the interpreter
    /// continues at the header) or `Flow::Enter` if the engine moved the frame's pc and/or
    /// changed registers (the interpreter reloads the frame).
    fn back_edge(&mut self, vm: &mut Vm, from_pc: usize) -> Flow;
    /// Marks the objects the engine refers to (called during collections).
    fn mark_roots(&self, heap: &mut Heap);
}

impl Vm {
    /// Attaches a JIT engine (replacing any previous one). Every back-edge now reaches
    /// [`Vm::back_edge_hook`].
    pub fn attach_jit(&mut self, engine: Box<dyn JitEngine>) {
        self.jit = Some(engine);
        self.jit_periodic = crate::hooks::HOOK_INTERVAL;
        self.hook_countdown = 1;
    }

    /// Called by the interpreter when `hook_countdown` fires at a loop back-edge, after
    /// saving the frame's pc (the loop header).
    #[cold]
    #[inline(never)]
    pub fn back_edge_hook(&mut self, from_pc: usize) -> Result<Flow, RtError> {
        match self.run_hooks()? {
            Flow::Done => {}
            other => return Ok(other),
        }
        let Some(mut engine) = self.jit.take() else { return Ok(Flow::Done) };
        let flow = engine.back_edge(self, from_pc);
        self.jit = Some(engine);
        self.hook_countdown = 1;
        Ok(flow)
    }
}
