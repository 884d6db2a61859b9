//! Register allocation: a linear scan over live intervals.
//!
//! An interval is `[definition, last use]`, where uses include the snapshots of later
//! guards (an exit reads the value from its location); values of the loop pre-header
//! used by the body and PHI operands live until `Loop` (see [`last_uses`]). Intervals are visited in order
//! of definition; a value gets a free register of its class (general purpose for
//! int/tab/val, SSE for num) or, when none is free, a spill slot in the trace context.
//! Constants get no location (the emitter materialises them and exits read them from
//! the IR), except float constants of a loop pre-header used in the body, which get an
//! SSE register when one is free. A location holds its value for the whole interval (no splitting), so a
//! snapshot can be restored from the saved registers and spill slots alone.

use crate::ir::*;

/// Where a value lives.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Loc {
    /// No location (constants, instructions without a result).
    None,
    /// A general-purpose register (x86-64 number).
    Gpr(u8),
    /// An SSE register.
    Xmm(u8),
    /// A spill slot of the trace context.
    Spill(u16),
}

/// Allocatable general-purpose registers (rsi, rdi, r8, r9, r10, r13, r14, r15, rbp).
/// rax, rcx, rdx, r11 are the emitter's scratch; rbx holds the frame base, r12 the context.
pub const GPRS: [u8; 9] = [6, 7, 8, 9, 10, 13, 14, 15, 5];
/// Allocatable SSE registers (xmm0 and xmm1 are scratch).
pub const XMMS: [u8; 14] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

pub struct Allocation {
    pub locs: Vec<Loc>,
    pub spills: usize,
}

/// Last use of every value. With a loop pre-header (`opt_loop.rs`), a pre-header value
/// used in the body and both operands of every PHI live until `Loop` (the body runs
/// again after it).
pub fn last_uses(t: &Trace) -> Vec<usize> {
    let n = t.ins.len();
    let mut last: Vec<usize> = (0..n).collect();
    let head = t.head().unwrap_or(0);
    for (i, ins) in t.ins.iter().enumerate() {
        let at = |r: IrRef| if i >= head && r.idx() < head { n - 1 } else { i };
        for r in ins.operands() {
            last[r.idx()] = last[r.idx()].max(at(r));
        }
        if !ins.snap.is_none() {
            for (_, r) in &t.snaps[ins.snap.idx()].entries {
                last[r.idx()] = last[r.idx()].max(at(*r));
            }
        }
    }
    for &(entry, next) in &t.phis {
        last[entry.idx()] = n - 1;
        last[next.idx()] = n - 1;
    }
    last
}

/// Allocates locations; `use_regs = false` spills everything (a debugging aid).
pub fn allocate(t: &Trace, use_regs: bool, max_spills: usize) -> Result<Allocation, String> {
    let last = last_uses(t);
    let n = t.ins.len();
    let head = t.head().unwrap_or(0);
    let mut locs = vec![Loc::None; n];
    let mut free_gpr: Vec<u8> = if use_regs { GPRS.iter().rev().copied().collect() } else { Vec::new() };
    let mut free_xmm: Vec<u8> = if use_regs { XMMS.iter().rev().copied().collect() } else { Vec::new() };
    let mut free_spill: Vec<u16> = Vec::new();
    let mut spills = 0usize;
    // Values whose interval is active, by end.
    let mut active: Vec<(usize, usize)> = Vec::new();
    for i in 0..n {
        // Expire intervals that ended before or at this instruction: the emitter reads
        // all operands (and takes all exits) before writing the result.
        active.retain(|&(end, r)| {
            if end <= i && end != usize::MAX {
                match locs[r] {
                    Loc::Gpr(g) => free_gpr.push(g),
                    Loc::Xmm(x) => free_xmm.push(x),
                    Loc::Spill(s) => free_spill.push(s),
                    Loc::None => {}
                }
                false
            } else {
                true
            }
        });
        let ins = &t.ins[i];
        if ins.ty == Ty::None || last[i] == i {
            continue;
        }
        if ins.op == Opc::K {
            // A float constant of the pre-header used in the loop body lives in a free
            // SSE register (materialised once per entry); other constants are immediates.
            if ins.ty == Ty::Num && head > 0 && i < head && last[i] >= head {
                if let Some(x) = free_xmm.pop() {
                    locs[i] = Loc::Xmm(x);
                    active.push((last[i], i));
                }
            }
            continue;
        }
        let reg = if ins.ty.is_fp() { free_xmm.pop().map(Loc::Xmm) } else { free_gpr.pop().map(Loc::Gpr) };
        let loc = match reg {
            Some(l) => l,
            None => match free_spill.pop() {
                Some(s) => Loc::Spill(s),
                None => {
                    if spills >= max_spills {
                        return Err("too many spill slots".into());
                    }
                    spills += 1;
                    Loc::Spill(spills as u16 - 1)
                }
            },
        };
        locs[i] = loc;
        active.push((last[i], i));
    }
    Ok(Allocation { locs, spills })
}
