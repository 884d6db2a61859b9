//! Typed loads (`-jopt=-tload`): a table load (`HLoad`, `ALoad`, `ALoadB`) whose value
//! is only ever unboxed to one type (`Unbox` int/num/tab) becomes a load of that type,
//! which checks the type itself, and the `Unbox`es disappear. A float's or a table's
//! boxed form is its register's bits, so snapshots that now hold the typed value cost
//! nothing more at exits; an int is boxed again by the exits through snapshots that
//! hold it (fannkuch (8), many linked exits: +1.7% instructions; fields (2000) -6%,
//! arrays (300) -3%: net win, so ints are typed too).
//!
//! Why: the recorder loads a field as a boxed `val` and unboxes it at its first
//! arithmetic use. The boxed value then stays live for every snapshot that holds the
//! slot, next to its unboxed copy (a GPR and an SSE register for one float), and the
//! type check sits wherever the first use is, e.g. inside the first of several unrolled
//! inner iterations. After this pass the snapshots hold the typed value (the exit stub
//! boxes it; a float's bits are its boxed value, so nothing changes for the interpreter)
//! and side traces trust the slot's type.
//!
//! Invariants:
//! * The type check moves from the `Unbox` up to the load, i.e. earlier on the same
//!   straight-line path: it exits through the load's own snapshot (the state before the
//!   loading instruction, which the interpreter re-executes), where every store after
//!   the load has not happened yet. A value that would have failed the `Unbox` fails at
//!   the load instead; a value that passes passes both.
//! * Loads with any other use (stored, compared, passed on as a value, a PHI operand)
//!   stay `val`, as do loads unboxed to two different types.
//! * No snapshot is dropped or renumbered; only instruction numbers change.

use crate::ir::*;

/// Rewrites the eligible loads of `t` (see the module header).
pub fn optimize(t: &Trace) -> Trace {
    let n = t.ins.len();
    // For each load: None = not (yet) unboxed, Some(ty) = unboxed to ty only.
    let mut unboxed: Vec<Option<Ty>> = vec![None; n];
    let mut eligible: Vec<bool> = t.ins.iter().map(|i| matches!(i.op, Opc::HLoad | Opc::ALoad | Opc::ALoadB) && i.ty == Ty::Val).collect();
    for &(entry, next) in &t.phis {
        eligible[entry.idx()] = false;
        eligible[next.idx()] = false;
    }
    for ins in &t.ins {
        for r in ins.operands() {
            let l = r.idx();
            if !eligible[l] {
                continue;
            }
            if ins.op == Opc::Unbox && matches!(ins.ty, Ty::Int | Ty::Num | Ty::Tab) && unboxed[l].is_none_or(|ty| ty == ins.ty) {
                unboxed[l] = Some(ins.ty);
            } else {
                eligible[l] = false;
            }
        }
    }
    let typed = |l: usize| if eligible[l] { unboxed[l] } else { None };
    let mut map = vec![IrRef::NONE; n];
    let mut out = Trace { ins: Vec::with_capacity(n), snaps: t.snaps.clone(), phis: Vec::new() };
    for (i, ins) in t.ins.iter().enumerate() {
        if ins.op == Opc::Unbox && typed(ins.a.idx()).is_some() {
            map[i] = map[ins.a.idx()];
            continue;
        }
        let mut x = *ins;
        x.remap_operands(&map);
        if let Some(ty) = typed(i) {
            x.ty = ty;
        }
        map[i] = out.push(x);
    }
    out.remap_snapshots_and_phis(t, &map);
    out
}
