//! Goroutines, channels and select (spec 11). Phase 1 is being built; until then the
//! concurrency instructions raise a clear error.

use crate::call::Flow;
use crate::error::RtError;
use crate::vm::Vm;
use compiler::Instr;

impl Vm {
    /// GO, MAKECHAN, SEND, RECV and SELECT.
    pub fn concurrency_op(&mut self, i: Instr, base: usize) -> Result<Flow, RtError> {
        let _ = base;
        Err(self.error_here(&format!("{} is not supported yet", i.op().name())))
    }

    /// Next value of a `range` over a channel into R[A+3]; false when closed and drained.
    pub fn range_channel_next(&mut self, ra: usize, nvars: usize) -> Result<bool, RtError> {
        let _ = (ra, nvars);
        Err(self.error_here("range over a channel is not supported yet"))
    }
}
