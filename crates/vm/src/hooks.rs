//! Periodic checks at safepoints: the interpreter decrements `hook_countdown` at loop
//! back-edges and script calls; when it reaches zero, [`Vm::run_hooks`] handles the
//! instruction budget, the memory limit, interrupts from other threads and (with
//! goroutines) preemption.
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
        // A safepoint: loops whose only allocations are boxed integers or builtin
        // results still collect.
        self.check_gc();
        if self.interrupt.load(Ordering::Relaxed) {
            // The flag stays set (reliability fix): a script must not survive an interrupt
            // by catching it with pcall; every later safepoint raises again. The embedding
            // API clears it when the interrupted run returns to the host. The next
            // safepoint checks again at once, so a loop around pcall cannot outrun it.
            self.hook_countdown = 1;
            return Err(self.error_here("interrupted"));
        }
        if let Some(budget) = self.instruction_budget.as_mut() {
            if *budget <= HOOK_INTERVAL as u64 {
                *budget = 0;
                // Check again at the next safepoint (reliability fix: `for { pcall(f) }`
                // otherwise caught the error inside f forever).
                self.hook_countdown = 1;
                return Err(self.error_here("instruction budget exceeded"));
            }
            *budget -= HOOK_INTERVAL as u64;
        }
        if let Some(limit) = self.heap.memory_limit {
            self.check_memory_limit(limit)?;
        }
        self.preempt()
    }

    /// Memory limit (embedding API): when the heap has grown past `limit`, collect, and
    /// raise "not enough memory" if the live data alone still exceeds it.
    #[cold]
    fn check_memory_limit(&mut self, limit: usize) -> Result<(), RtError> {
        self.heap.sync_accounting();
        if self.heap.total_bytes() <= limit {
            return Ok(());
        }
        self.collect_garbage();
        if self.heap.total_bytes() > limit {
            return Err(self.plain_error("not enough memory"));
        }
        Ok(())
    }

    /// Goroutine preemption point: requests a switch if other goroutines are runnable
    /// (sched.rs).
    pub fn preempt(&mut self) -> Result<Flow, RtError> {
        self.sched_preempt()
    }
}
