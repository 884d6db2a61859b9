//! The trace context and exits: restoring interpreter state from a snapshot.
//!
//! Compiled code runs as `extern "sysv64" fn(base: *mut Value, ctx: *mut JitCtx) -> u64`.
//! When a guard fails, its exit stub stores the snapshot number in `ctx.exit` and
//! normally writes the snapshot's values to the frame itself (setting `ctx.restored`).
//! Otherwise (an integer that needs a heap box) it jumps to a shared routine that saves
//! every allocatable register into `ctx.gpr` / `ctx.xmm` and returns. [`restore`] then writes each snapshot entry, read from its location
//! (register, spill slot or constant) and boxed by its IR type, to the frame's
//! registers and sets the frame's pc. Integers outside the inline range are boxed here
//! (`Vm::int`), which may allocate but never collects.
//!
//! Side traces will attach to exits by snapshot number (the exit stub is per snapshot).

use crate::ir::*;
use crate::regalloc::Loc;
use vm::value::Value;
use vm::Vm;

/// Maximum spill slots of one trace.
pub const MAX_SPILLS: usize = 256;

#[repr(C)]
pub struct JitCtx {
    pub gpr: [u64; 16],
    pub xmm: [u64; 16],
    /// Snapshot number of the exit taken.
    pub exit: u64,
    /// Loop iterations left before the trace exits at its loop end (to run the
    /// interpreter's periodic hooks).
    pub budget: i64,
    /// Exit-stress countdown: a guard exits when it reaches zero.
    pub stress: i64,
    /// Set by an exit stub that wrote its snapshot to the frame itself (only the
    /// frame's pc is left to set); 0 when [`restore`] must write it.
    pub restored: u64,
    pub spill: [u64; MAX_SPILLS],
}

impl JitCtx {
    pub fn new() -> Box<JitCtx> {
        Box::new(JitCtx { gpr: [0; 16], xmm: [0; 16], exit: 0, budget: 0, stress: 0, restored: 0, spill: [0; MAX_SPILLS] })
    }
}

/// The raw 64-bit contents of value `r` at an exit.
fn raw(t: &Trace, locs: &[Loc], ctx: &JitCtx, r: IrRef) -> Option<u64> {
    let ins = t.ins.get(r.idx())?;
    if ins.op == Opc::K {
        return Some(ins.k as u64);
    }
    Some(match locs.get(r.idx())? {
        Loc::Gpr(g) => ctx.gpr[*g as usize],
        Loc::Xmm(x) => ctx.xmm[*x as usize],
        Loc::Spill(s) => ctx.spill[*s as usize],
        Loc::None => return None,
    })
}

/// Writes snapshot `snap` back to the current frame (registers from `base`) and sets
/// its pc. Returns false if a value had no location (a JIT bug; the state is then
/// that of the loop header, which the caller must not rely on).
pub fn restore(vm: &mut Vm, t: &Trace, locs: &[Loc], ctx: &JitCtx, snap: SnapId) -> bool {
    let Some(s) = t.snaps.get(snap.idx()) else { return false };
    let mut th = vm.current;
    let Some(fidx) = th.frames.len().checked_sub(1) else { return false };
    let base = th.frames[fidx].base;
    let mut ok = true;
    for &(slot, r) in &s.entries {
        let Some(bits) = raw(t, locs, ctx, r) else {
            ok = false;
            continue;
        };
        let v = match t.ty(r) {
            Ty::Int => vm.int(bits as i64),
            Ty::Num => Value::float(f64::from_bits(bits)),
            _ => Value(bits),
        };
        th.stack[base + slot as usize] = v;
    }
    th.frames[fidx].pc = s.pc;
    ok
}
