//! Register allocation: a linear scan over live intervals.
//!
//! An interval is `[definition, last use]`, where uses include the snapshots of later
//! guards (an exit reads the value from its location); values of the loop pre-header
//! used by the body and PHI next values live until `Loop` (see [`last_uses`]). Intervals are visited in order
//! of definition; a value gets a free register of its class (general purpose for
//! int/tab/val, SSE for num) or, when none is free, a spill slot in the trace context;
//! a two-address result prefers the register of an operand that dies there ([`hints`]).
//! When no register is free, the active value whose interval ends last (a float
//! constant first) gives up its register and moves to a spill slot for its whole
//! interval (Poletto–Sarkar linear scan), so short-lived temporaries stay in registers.
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
    /// For a table value: a GPR holding its untagged pointer (see [`assign_ptrs`]).
    pub ptrs: Vec<Option<u8>>,
    /// A loop trace's iteration budget in a register (see [`budget_register`]).
    pub budget: Option<u8>,
}

/// Table operands: the operand `a` of these ops is a table whose pointer the code uses.
fn uses_tab_ptr(op: Opc) -> bool {
    matches!(op, Opc::ALoad | Opc::AStore | Opc::APush | Opc::HLoad | Opc::HStore | Opc::ALen | Opc::GuardNoMeta | Opc::GuardMeta | Opc::ABase | Opc::ASize)
}

/// Gives table values used in the loop body (or used twice) a second register holding
/// their untagged pointer, written once after the value's definition, so accesses skip
/// the untagging: a table of the pre-header keeps it until `Loop`, one of the body until
/// its last access. Only registers free over that whole range are used (the value's
/// own register and snapshots are unaffected: exits never read these registers).
fn assign_ptrs(t: &Trace, locs: &[Loc], last: &[usize]) -> Vec<Option<u8>> {
    let n = t.ins.len();
    let head = t.head().unwrap_or(0);
    let mut ptrs = vec![None; n];
    // Range over which each value occupies its register.
    let mut busy: Vec<(u8, usize, usize)> = Vec::new();
    for (i, l) in locs.iter().enumerate() {
        if let Loc::Gpr(g) = l {
            busy.push((*g, i, last[i]));
        }
    }
    let mut uses = vec![0usize; n];
    let mut end = vec![0usize; n];
    for (i, ins) in t.ins.iter().enumerate() {
        if uses_tab_ptr(ins.op) && !ins.a.is_none() && t.get(ins.a).op != Opc::K {
            let a = ins.a.idx();
            uses[a] += 1;
            end[a] = if head > 0 && i > head && a < head { n - 1 } else { end[a].max(i) };
        }
    }
    for v in 0..n {
        let loop_use = head > 0 && v < head && end[v] == n - 1;
        // A PHI entry changes at `Loop`; its pointer would go stale.
        let phi = t.phis.iter().any(|&(entry, _)| entry.idx() == v);
        if uses[v] == 0 || (uses[v] < 2 && !loop_use) || t.ins[v].ty != Ty::Tab || phi {
            continue;
        }
        let (from, to) = (v, end[v]);
        let free = GPRS.iter().copied().find(|&g| !busy.iter().any(|&(r, s, e)| r == g && s <= to && e >= from));
        if let Some(g) = free {
            ptrs[v] = Some(g);
            busy.push((g, from, to));
        }
    }
    ptrs
}

/// Last use of every value. With a loop pre-header (`opt_loop.rs`), a pre-header value
/// used in the body lives until `Loop` (the body runs again after it), and so does the
/// next value of every PHI. A PHI's entry value lives only until its last use (at least
/// to the loop head): `Loop` rewrites its location with the next value anyway, so the
/// register can be reused in between — by the next value itself, which then needs no
/// move at `Loop` (the moves are a parallel move, so other reuses are safe too).
pub fn last_uses(t: &Trace) -> Vec<usize> {
    let n = t.ins.len();
    let mut last: Vec<usize> = (0..n).collect();
    let head = t.head().unwrap_or(0);
    let mut entry = vec![false; n];
    for &(e, _) in &t.phis {
        entry[e.idx()] = true;
    }
    for (i, ins) in t.ins.iter().enumerate() {
        let at = |r: IrRef| if i >= head && r.idx() < head && !entry[r.idx()] { n - 1 } else { i };
        for r in ins.operands() {
            last[r.idx()] = last[r.idx()].max(at(r));
        }
        if !ins.snap.is_none() {
            for (_, r) in &t.snaps[ins.snap.idx()].entries {
                last[r.idx()] = last[r.idx()].max(at(*r));
            }
        }
    }
    for &(e, next) in &t.phis {
        last[e.idx()] = last[e.idx()].max(head);
        last[next.idx()] = n - 1;
    }
    last
}

/// Register hints for the result of two-address instruction `i` (`x64/emit.rs` computes
/// `d = a op b` in the result's register `d`): prefer the register of an operand whose
/// interval ends here (`a`, or `b` if the op commutes), so no copy is needed; avoid the
/// register of a dying right operand of a non-commutative op, which would need a detour
/// through a scratch register.
fn hints(t: &Trace, i: usize, locs: &[Loc], last: &[usize]) -> (Option<Loc>, Option<Loc>) {
    let ins = &t.ins[i];
    let dying = |r: IrRef| (!r.is_none() && t.get(r).op != Opc::K && last[r.idx()] == i).then(|| locs[r.idx()]);
    match ins.op {
        Opc::AddI | Opc::MulI | Opc::AddN | Opc::MulN => (dying(ins.a).or_else(|| dying(ins.b)), None),
        Opc::SubI | Opc::SubN | Opc::DivN => (dying(ins.a), dying(ins.b)),
        Opc::NegI | Opc::NegN | Opc::AbsN | Opc::Unbox => (dying(ins.a), None),
        _ => (None, None),
    }
}

/// Takes a free register: `prefer` if it is free, else the most recently freed one that
/// is not `avoid` (if there is another).
fn take(free: &mut Vec<u8>, prefer: Option<Loc>, avoid: Option<Loc>, reg: impl Fn(Loc) -> Option<u8>) -> Option<u8> {
    if let Some(p) = prefer.and_then(&reg) {
        if let Some(pos) = free.iter().position(|&r| r == p) {
            return Some(free.remove(pos));
        }
    }
    if let Some(a) = avoid.and_then(&reg) {
        if free.last() == Some(&a) && free.len() > 1 {
            return Some(free.remove(free.len() - 2));
        }
    }
    free.pop()
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
        let (prefer, avoid) = hints(t, i, &locs, &last);
        let reg = if ins.ty.is_fp() {
            take(&mut free_xmm, prefer, avoid, |l| match l {
                Loc::Xmm(x) => Some(x),
                _ => None,
            })
            .map(Loc::Xmm)
        } else {
            take(&mut free_gpr, prefer, avoid, |l| match l {
                Loc::Gpr(g) => Some(g),
                _ => None,
            })
            .map(Loc::Gpr)
        };
        // No register free: take one from the active value of the class whose interval
        // ends last (a constant first: it needs no spill slot), if that is later than
        // this one's end. The victim lives in a fresh spill slot (or, a constant, in
        // none) for its whole interval, so no interval is split.
        let reg = reg.or_else(|| {
            let fp = ins.ty.is_fp();
            let class = |l: Loc| if fp { matches!(l, Loc::Xmm(_)) } else { matches!(l, Loc::Gpr(_)) };
            let victim = active
                .iter()
                .filter(|&&(_, r)| class(locs[r]))
                .max_by_key(|&&(end, r)| (t.ins[r].op == Opc::K, end))
                .map(|&(end, r)| (end, r))?;
            let (end, v) = victim;
            if t.ins[v].op != Opc::K && end <= last[i] {
                return None;
            }
            let stolen = locs[v];
            locs[v] = if t.ins[v].op == Opc::K {
                Loc::None
            } else {
                if spills >= max_spills {
                    return None;
                }
                spills += 1;
                Loc::Spill(spills as u16 - 1)
            };
            Some(stolen)
        });
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
    let ptrs = if use_regs { assign_ptrs(t, &locs, &last) } else { vec![None; n] };
    let budget = if use_regs { budget_register(t, &locs, &last, &ptrs) } else { None };
    Ok(Allocation { locs, spills, ptrs, budget })
}

/// A GPR for a loop trace's iteration budget: `Loop` then decrements a register
/// instead of the context's `budget` word, which as a read-modify-write of memory put a
/// store-to-load forwarding delay on every iteration's critical path (about a third of
/// matmul's inner loop). The emitter loads the register just before `Head` and every
/// exit stub of the body stores it back first, so the context is up to date whenever
/// the trace leaves. Only a register that no value (and no table pointer) occupies
/// anywhere in the body is used, and only when no snapshot is shared between the
/// pre-header (which runs before the register is loaded) and the body.
pub fn budget_register(t: &Trace, locs: &[Loc], last: &[usize], ptrs: &[Option<u8>]) -> Option<u8> {
    let head = t.head()?;
    if t.ins.last().map(|i| i.op) != Some(Opc::Loop) {
        return None;
    }
    let mut pre_snap = vec![false; t.snaps.len()];
    for ins in &t.ins[..head] {
        if !ins.snap.is_none() {
            pre_snap[ins.snap.idx()] = true;
        }
    }
    if t.ins[head..].iter().any(|i| !i.snap.is_none() && pre_snap[i.snap.idx()]) {
        return None;
    }
    // Callee-saved registers first: calls out of the trace then need not save it.
    [5u8, 15, 14, 13, 6, 7, 8, 9, 10].into_iter().find(|&g| {
        GPRS.contains(&g)
            && !ptrs.iter().any(|&p| p == Some(g))
            && !locs.iter().enumerate().any(|(i, &l)| l == Loc::Gpr(g) && last[i] >= head)
    })
}
