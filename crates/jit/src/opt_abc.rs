//! Array bounds-check hoisting for loads indexed by a loop's induction variable
//! (`-jopt=-abc` turns it off).
//!
//! Runs last, on a loop trace after the memory pass split its array loads into
//! `ABase`/`ASize`/`ALoadB` (`opt_mem.rs`) and hoisted the length of invariant tables.
//! An `ALoadB` whose index is a PHI entry `i` (the loop-carried int), whose next value is
//! `i + step` or `i - step` (a constant step), and whose length `n` is loop-invariant, checks
//! `1 <= i <= n` in every iteration. When the body also guards the next value against a
//! loop-invariant limit `L` in the direction of the step (`i + step <= L` or `< L` for a
//! positive step, `>= L` or `> L` for a negative one), the index of every iteration
//! after the first lies between the entry value and `L`, so the pre-header checks
//! instead, once per trace entry:
//!
//! * `1 <= i0 <= n` for the entry value `i0` (the first iteration), and
//! * `L <= n` (`L <= n + 1` for `<`) for a positive step, `L >= 1` (`L >= 0` for `>`) for
//!   a negative one (all later iterations: each index passed the limit guard in the
//!   iteration before; no index wraps around because the previous one was in bounds).
//!
//! and the load gets [`ALOADB_PROVEN`] (the backend skips its check). The hoisted guards
//! exit at the loop header through a snapshot of their own (nothing is modified yet),
//! which [`optimize`] returns: a loop whose limit exceeds the array exits there on every
//! entry, where the unhoisted code would run until the index leaves the array, so the
//! engine links that exit to a copy of the loop's trace compiled without this pass once
//! the exit is hot (lib.rs, `follow_exit`).
//!
//! Invariants: the output keeps the input's `Head`/`Loop` structure and PHIs; the new
//! instructions are pre-header instructions using only pre-header values.

use crate::ir::*;

/// Bit in `ALoadB.k`: the bounds of the index are checked in the pre-header.
pub const ALOADB_PROVEN: i64 = 1;

/// An induction variable: PHI entry `entry` (an int) whose next value adds `step`,
/// with a body guard keeping the next value within `limit` (`inclusive`: `<=`/`>=`).
struct Iv {
    entry: IrRef,
    step: i64,
    limit: IrRef,
    inclusive: bool,
}

/// The condition `a c b` on ints as one of lt/le/gt/ge/eq/ne (negations resolved).
fn int_cond(c: Cond) -> Cond {
    match c {
        Cond::NLt => Cond::Ge,
        Cond::NLe => Cond::Gt,
        Cond::NGt => Cond::Le,
        Cond::NGe => Cond::Lt,
        c => c,
    }
}

fn induction_vars(t: &Trace, head: usize, invariant: &dyn Fn(IrRef) -> bool) -> Vec<Iv> {
    let mut ivs = Vec::new();
    for &(entry, next) in &t.phis {
        let nx = t.get(next);
        if t.ty(entry) != Ty::Int || next.idx() <= head {
            continue;
        }
        // `entry + k`, `k + entry` or `entry - k`.
        let (other, sign) = match nx.op {
            Opc::AddI if nx.a == entry => (nx.b, 1),
            Opc::AddI if nx.b == entry => (nx.a, 1),
            Opc::SubI if nx.a == entry => (nx.b, -1),
            _ => continue,
        };
        let step = match t.konst(other) {
            Some(k) if k != 0 && k.unsigned_abs() <= 1 << 31 && t.ty(other) == Ty::Int => k * sign,
            _ => continue,
        };
        // A body guard on the next value against an invariant limit, in the step's
        // direction.
        let found = t.ins.iter().enumerate().skip(head + 1).find_map(|(_, g)| {
            if g.op != Opc::GuardI {
                return None;
            }
            let (limit, c) = if g.a == next {
                (g.b, int_cond(g.cond()))
            } else if g.b == next {
                (g.a, int_cond(g.cond()).mirrored())
            } else {
                return None;
            };
            if !invariant(limit) {
                return None;
            }
            match (step > 0, c) {
                (true, Cond::Le) | (false, Cond::Ge) => Some((limit, true)),
                (true, Cond::Lt) | (false, Cond::Gt) => Some((limit, false)),
                _ => None,
            }
        });
        if let Some((limit, inclusive)) = found {
            ivs.push(Iv { entry, step, limit, inclusive });
        }
    }
    ivs
}

/// Hoists the bounds checks described above. Returns the new trace and the snapshot of
/// the hoisted guards (None: nothing hoisted, the trace is unchanged).
pub fn optimize(t: &Trace) -> (Trace, Option<SnapId>) {
    let unchanged = || (t.clone(), None);
    let Some(head) = t.head() else { return unchanged() };
    let n = t.ins.len();
    let Some(loop_ins) = t.ins.last().filter(|i| i.op == Opc::Loop) else { return unchanged() };
    let Some(header_pc) = t.snaps.get(loop_ins.snap.idx()).map(|s| s.pc) else { return unchanged() };
    let phi_entry = |r: IrRef| t.phis.iter().any(|p| p.0 == r);
    let invariant = |r: IrRef| r.idx() < head && !phi_entry(r);
    let ivs = induction_vars(t, head, &invariant);
    if ivs.is_empty() {
        return unchanged();
    }
    // Body loads to mark, and the (induction variable, length) pairs to check.
    let mut proven = vec![false; n];
    let mut checks: Vec<(usize, IrRef)> = Vec::new();
    for i in head + 1..n {
        let ins = &t.ins[i];
        if ins.op != Opc::ALoadB || !invariant(ins.c) {
            continue;
        }
        let Some(v) = ivs.iter().position(|iv| iv.entry == ins.b) else { continue };
        proven[i] = true;
        if !checks.contains(&(v, ins.c)) {
            checks.push((v, ins.c));
        }
    }
    if checks.is_empty() {
        return unchanged();
    }
    let mut out = Trace { ins: Vec::with_capacity(n + 4 * checks.len() + 2), snaps: t.snaps.clone(), phis: Vec::new() };
    out.snaps.push(Snapshot { pc: header_pc, entries: Vec::new(), frames: Vec::new() });
    let snap = SnapId(out.snaps.len() as u32 - 1);
    let mut map = vec![IrRef::NONE; n];
    let remap = |map: &Vec<IrRef>, r: IrRef| if r.is_none() { r } else { map[r.idx()] };
    for i in 0..head {
        let mut x = t.ins[i];
        x.a = remap(&map, x.a);
        x.b = remap(&map, x.b);
        x.c = remap(&map, x.c);
        map[i] = out.push(x);
    }
    let konst = |out: &mut Trace, k: i64| {
        let mut c = Ins::new(Opc::K, Ty::Int, IrRef::NONE, IrRef::NONE);
        c.k = k;
        out.push(c)
    };
    let guard = |out: &mut Trace, a: IrRef, c: Cond, b: IrRef| {
        let mut g = Ins::new(Opc::GuardI, Ty::None, a, b);
        g.k = cond_index(c);
        g.snap = snap;
        out.push(g);
    };
    let one = konst(&mut out, 1);
    let mut lower_checked: Vec<usize> = Vec::new();
    for &(v, size) in &checks {
        let iv = &ivs[v];
        let (entry, limit, size) = (map[iv.entry.idx()], map[iv.limit.idx()], map[size.idx()]);
        // First iteration.
        if !lower_checked.contains(&v) {
            lower_checked.push(v);
            guard(&mut out, entry, Cond::Ge, one);
        }
        guard(&mut out, entry, Cond::Le, size);
        // Later iterations.
        match (iv.step > 0, iv.inclusive) {
            (true, true) => guard(&mut out, limit, Cond::Le, size),
            (true, false) => {
                let s1 = out.push(Ins::new(Opc::AddI, Ty::Int, size, one));
                guard(&mut out, limit, Cond::Le, s1);
            }
            (false, true) => guard(&mut out, limit, Cond::Ge, one),
            (false, false) => {
                let zero = konst(&mut out, 0);
                guard(&mut out, limit, Cond::Ge, zero);
            }
        }
    }
    for i in head..n {
        let mut x = t.ins[i];
        x.a = remap(&map, x.a);
        x.b = remap(&map, x.b);
        x.c = remap(&map, x.c);
        if proven[i] {
            x.k |= ALOADB_PROVEN;
        }
        map[i] = out.push(x);
    }
    out.remap_snapshots_and_phis(t, &map);
    (out, Some(snap))
}
