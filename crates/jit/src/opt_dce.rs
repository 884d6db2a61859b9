//! Dead-code elimination: removes pure instructions and untyped `SLoad`s whose values
//! are used by no instruction and no snapshot, then renumbers the trace (typed slot
//! loads are type guards and stay).

use crate::ir::*;

pub fn dce(t: &Trace) -> Trace {
    let n = t.ins.len();
    let mut live = vec![false; n];
    for &(entry, next) in &t.phis {
        live[entry.idx()] = true;
        live[next.idx()] = true;
    }
    for (i, ins) in t.ins.iter().enumerate().rev() {
        // ABase/ASize (and a range step's key/value loads) read memory but cannot fail
        // and change nothing. A typed `SLoad`
        // is a type guard the recorder may have relied on without using the value (a
        // `TEST` of a slot loaded as a table or number emits no guard of its own), so
        // only untyped (`val`) slot loads are removable.
        let removable = ins.op.is_pure() || matches!(ins.op, Opc::ABase | Opc::ASize | Opc::UvLoad | Opc::TNextK | Opc::TNextV | Opc::CRes) || (ins.op == Opc::SLoad && ins.ty == Ty::Val);
        if !removable {
            live[i] = true;
        }
        if !live[i] {
            continue;
        }
        for r in ins.operands() {
            live[r.idx()] = true;
        }
        if !ins.snap.is_none() {
            for (_, r) in &t.snaps[ins.snap.idx()].entries {
                live[r.idx()] = true;
            }
        }
    }
    let mut map = vec![IrRef::NONE; n];
    let mut out = Trace { ins: Vec::new(), snaps: t.snaps.clone(), phis: Vec::new() };
    for (i, ins) in t.ins.iter().enumerate() {
        if !live[i] {
            continue;
        }
        let mut x = *ins;
        x.remap_operands(&map);
        map[i] = out.push(x);
    }
    // Snapshots of removed guards may refer to removed values: drop unused snapshots'
    // entries by renumbering only the snapshots still referenced.
    let mut snap_map = vec![SnapId::NONE; t.snaps.len()];
    let mut snaps = Vec::new();
    for ins in &mut out.ins {
        if ins.snap.is_none() {
            continue;
        }
        let old = ins.snap.idx();
        if snap_map[old].is_none() {
            let mut s = t.snaps[old].clone();
            for e in &mut s.entries {
                e.1 = map[e.1.idx()];
            }
            snaps.push(s);
            snap_map[old] = SnapId(snaps.len() as u32 - 1);
        }
        ins.snap = snap_map[old];
    }
    out.snaps = snaps;
    out.phis = t.phis.iter().map(|&(e, x)| (map[e.idx()], map[x.idx()])).collect();
    out
}
