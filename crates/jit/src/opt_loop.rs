//! Loop optimisation: a pre-header, loop-carried values in registers, invariant hoisting.
//!
//! A recorded trace is one iteration: it loads slots (`SLoad`, type-checked) as it first
//! reads them, and its `Loop` writes every modified slot back to the stack. This pass
//! splits the trace into a *pre-header*, run once per trace entry, and a *body* starting
//! at a `Head` instruction, to which `Loop` jumps:
//!
//! * Every `SLoad` moves to the pre-header (they read the state at the start of the
//!   iteration, before any write; their type guards then exit at the loop header with
//!   nothing modified).
//! * A slot that is loaded and modified becomes a PHI ([`Trace::phis`]): `Loop` moves
//!   the slot's new value into the `SLoad`'s location instead of storing it, so the value
//!   stays unboxed in a register across iterations. Every body snapshot that does not
//!   mention the slot gets an entry for the `SLoad` (whose location holds the slot's
//!   current value), because the stack slot is no longer up to date.
//! * Pure instructions and value guards (`Unbox`, `GuardI`/`GuardN`/`GuardT`/`GuardV`,
//!   and `GuardNoMeta`: traces never set metatables) whose operands are all loop-invariant (constants, `SLoad`s of unmodified slots,
//!   hoisted values) move to the pre-header; hoisted guards exit at the loop header with
//!   the pre-header's (empty) snapshot, which is correct because their outcome is the
//!   same in every iteration.
//!
//! Type-unstable loops (a slot loaded as one type and left as another at the end of the
//! iteration) keep the plain form, except that a boxed end value of a slot loaded as
//! int/num/tab gets an `Unbox` guard before `Loop` (exiting with the loop snapshot).
//!
//! Invariants after the pass: at most one `Head`; PHI entries are pre-header `SLoad`s of
//! the same type as their next values; no pre-header instruction uses a body value.

use crate::ir::*;

/// Returns the optimised trace, or the input unchanged when the loop is type-unstable
/// or already has a head.
pub fn optimize(t: &Trace) -> Trace {
    let n = t.ins.len();
    if n == 0 || t.head().is_some() || t.ins[n - 1].op != Opc::Loop {
        return t.clone();
    }
    let mut t = t.clone();
    let loop_snap = t.ins[n - 1].snap;
    let Some(snap) = t.snaps.get(loop_snap.idx()).cloned() else { return t };
    let header_pc = snap.pc;

    // SLoad of each slot.
    let mut sload_of: Vec<Option<IrRef>> = Vec::new();
    for (i, ins) in t.ins.iter().enumerate() {
        if ins.op == Opc::SLoad {
            let s = ins.k as usize;
            if sload_of.len() <= s {
                sload_of.resize(s + 1, None);
            }
            sload_of[s] = Some(IrRef(i as u32));
        }
    }

    // Loop-carried slots: (slot, entry sload, next value). A boxed next value of a typed
    // slot is unboxed (guarded) before the loop.
    let mut carried: Vec<(u16, IrRef, IrRef)> = Vec::new();
    let mut unboxes: Vec<Ins> = Vec::new();
    for &(slot, next) in &snap.entries {
        let Some(Some(entry)) = sload_of.get(slot as usize).copied() else { continue };
        let (ety, nty) = (t.ty(entry), t.ty(next));
        if ety == nty {
            carried.push((slot, entry, next));
        } else if nty == Ty::Val && matches!(ety, Ty::Int | Ty::Num | Ty::Tab) {
            let mut u = Ins::new(Opc::Unbox, ety, next, IrRef::NONE);
            u.snap = loop_snap;
            // Placeholder ref: fixed up when the instruction is placed.
            carried.push((slot, entry, IrRef(u32::MAX - 1 - unboxes.len() as u32)));
            unboxes.push(u);
        } else {
            return t;
        }
    }

    // Place the unbox guards before Loop.
    let loop_ins = t.ins.pop().unwrap_or(Ins::new(Opc::Loop, Ty::None, IrRef::NONE, IrRef::NONE));
    for (j, u) in unboxes.into_iter().enumerate() {
        let r = t.push(u);
        for c in &mut carried {
            if c.2 == IrRef(u32::MAX - 1 - j as u32) {
                c.2 = r;
            }
        }
    }
    t.push(loop_ins);
    let n = t.ins.len();

    let is_phi_entry = |r: IrRef, carried: &[(u16, IrRef, IrRef)]| carried.iter().any(|c| c.1 == r);
    // The pre-header snapshot: the loop header, nothing modified.
    let entry_snap = SnapId(t.snaps.len() as u32);
    t.snaps.push(Snapshot { pc: header_pc, entries: Vec::new(), frames: Vec::new() });

    // Partition: pre-header (SLoads, hoistable) and body.
    let mut invariant = vec![false; n];
    let mut pre: Vec<usize> = Vec::new();
    let mut body: Vec<usize> = Vec::new();
    for i in 0..n {
        let ins = t.ins[i];
        let hoist = match ins.op {
            Opc::SLoad => true,
            Opc::Loop | Opc::Head => false,
            // GuardNoMeta: nothing a trace does can set a metatable (it makes no calls
            // other than inlined script functions without stores and pure builtins).
            op if op.is_pure() || matches!(op, Opc::Unbox | Opc::GuardI | Opc::GuardN | Opc::GuardT | Opc::GuardV | Opc::GuardNoMeta | Opc::GuardProto | Opc::UvRef | Opc::GuardType | Opc::StrByte | Opc::GuardMeta) => ins.operands().all(|r| invariant[r.idx()]),
            _ => false,
        };
        if hoist {
            pre.push(i);
            invariant[i] = !(ins.op == Opc::SLoad && is_phi_entry(IrRef(i as u32), &carried));
        } else {
            body.push(i);
        }
    }

    // Rebuild: pre-header, Head, body.
    let mut map = vec![IrRef::NONE; n];
    let mut out = Trace { ins: Vec::with_capacity(n + 1), snaps: t.snaps.clone(), phis: Vec::new() };
    let m = |map: &Vec<IrRef>, r: IrRef| if r.is_none() { r } else { map[r.idx()] };
    for &i in &pre {
        let mut x = t.ins[i];
        x.a = m(&map, x.a);
        x.b = m(&map, x.b);
        x.c = m(&map, x.c);
        if x.op.is_guard() {
            x.snap = entry_snap;
        }
        map[i] = out.push(x);
    }
    out.push(Ins::new(Opc::Head, Ty::None, IrRef::NONE, IrRef::NONE));
    for &i in &body {
        let mut x = t.ins[i];
        x.a = m(&map, x.a);
        x.b = m(&map, x.b);
        x.c = m(&map, x.c);
        map[i] = out.push(x);
    }
    out.remap_snapshots(&map);
    out.phis = carried.iter().map(|&(_, e, x)| (map[e.idx()], map[x.idx()])).collect();

    // Body snapshots mention every carried slot (its stack copy is stale after the first
    // iteration). Snapshots used only by the pre-header are left alone.
    let head = pre.len();
    let mut body_snaps: Vec<bool> = vec![false; out.snaps.len()];
    for ins in &out.ins[head..] {
        if !ins.snap.is_none() {
            body_snaps[ins.snap.idx()] = true;
        }
    }
    for (si, s) in out.snaps.iter_mut().enumerate() {
        if !body_snaps[si] {
            continue;
        }
        for &(slot, e, _) in &carried {
            if !s.entries.iter().any(|x| x.0 == slot) {
                s.entries.push((slot, map[e.idx()]));
            }
        }
        s.entries.sort_by_key(|x| x.0);
    }
    out
}
