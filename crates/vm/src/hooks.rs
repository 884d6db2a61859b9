//! Periodic checks at safepoints: the interpreter decrements `hook_countdown` at loop
//! back-edges and script calls; when it reaches zero, [`Vm::run_hooks`] handles the
//! instruction budget, interrupts from other threads and (with goroutines) preemption.
//! The hot path costs one decrement and one branch.

use crate::call::Flow;
use crate::error::RtError;
use crate::vm::Vm;
use std::sync::atomic::Ordering;

/// Back-edges/calls between two hook runs.
pub const HOOK_INTERVAL: i64 = 1 << 12;

impl Vm {
    /// Called when `hook_countdown` drops to zero or below.
    #[cold]
    pub fn run_hooks(&mut self) -> Result<Flow, RtError> {
        self.hook_countdown = HOOK_INTERVAL;
        if self.interrupt.load(Ordering::Relaxed) {
            self.interrupt.store(false, Ordering::Relaxed);
            return Err(self.error_here("interrupted"));
        }
        if let Some(budget) = self.instruction_budget.as_mut() {
            if *budget <= HOOK_INTERVAL as u64 {
                *budget = 0;
                return Err(self.error_here("instruction budget exceeded"));
            }
            *budget -= HOOK_INTERVAL as u64;
        }
        self.preempt()
    }

    /// Goroutine preemption point: requests a switch if other goroutines are runnable
    /// (sched.rs).
    pub fn preempt(&mut self) -> Result<Flow, RtError> {
        self.sched_preempt()
    }
}
