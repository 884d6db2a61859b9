//! Memory optimisation: alias analysis, hoisting of loop-invariant loads, and
//! load-to-load / store-to-load forwarding (`-jopt=-mem` turns it off).
//!
//! Runs after the loop pass (`opt_loop.rs`), on a trace with or without a `Head`.
//!
//! * **Hoisting** (loop traces only): a body load (`HLoad`, `ALoad`, `ALen`) whose
//!   operands are loop-invariant and whose location no instruction of the body may
//!   write ([`may_alias`]) reads the same value in every iteration, so it moves to the
//!   pre-header, together with the value guards and pure instructions that then become
//!   invariant (e.g. the identity guard on a function loaded from a global). Hoisted
//!   guards exit at the loop header with the pre-header's empty snapshot: the pre-header
//!   modifies nothing, and the outcome is the same in every iteration.
//! * **Array split** ([`split_arrays`], loop traces): body array loads become
//!   `ABase`/`ASize`/`ALoadB`, so an invariant table's array address and length are
//!   loaded once per trace entry.
//! * **Forwarding**: within the pre-header, and within the body, a load of a location
//!   that an earlier load or store of the same region has provably read or written, with
//!   no possibly aliasing store in between, is replaced by that value. Facts do not cross
//!   `Head` (the body repeats; the pre-header runs once). The same pass removes repeated
//!   value guards and pure instructions (CSE; across `Head` only without PHI operands),
//!   which hoisting and unrolled inner loops produce.
//!
//! * **Proven checks** ([`mark_checked`]): a hash access to a table whose entry count an
//!   earlier access already checked for an index at least as high gets [`HREF_CHECKED`]
//!   (no instruction changes a table's shape inside a trace), and instead of checking a
//!   higher index itself it raises the earlier check ([`HREF_UPTO_SHIFT`]; not across
//!   `Head`), so one check per table covers all its fields; a hash store to a location
//!   an earlier access of the same region showed to hold the key and a non-nil value
//!   gets [`HSTORE_PROVEN`]. The flags are hints: a backend that ignores them is correct.
//!
//! Alias rules (the IR has no instruction that can run unknown code or change a
//! table's shape; [`effect`] classifies every opcode, so a new one must be classified
//! before it compiles): hash entries (`HLoad`/`HStore`) and the array part
//! (`ALoad`/`AStore`/`APush`/`ALen`) never alias; two accesses whose tables are
//! different constants never alias; hash accesses with different key constants or entry
//! indices never alias (a table's entries do not move inside a trace, and an entry has
//! one key); array accesses with different constant indices never alias; `APush`
//! aliases every array read of a possibly identical table (it changes the length) and
//! its `ABase` (at full capacity it grows, i.e. moves, the array part).
//!
//! Invariants: the output keeps the input's `Head`/`Loop` structure and PHIs; no
//! pre-header instruction uses a body value.

use crate::ir::*;
use crate::record::HLOAD_NONNIL;

/// What an instruction does to memory.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Effect {
    /// Reads or writes no table memory.
    None,
    /// Reads table memory (a load).
    Load,
    /// Writes table memory described by the instruction (a store).
    Store,
    /// May write any memory (calls of unknown code): every load after it must be
    /// re-executed, and nothing it may change is hoisted.
    Barrier,
}

/// The memory effect of `op` (exhaustive on purpose: new opcodes must be classified).
pub fn effect(op: Opc) -> Effect {
    match op {
        Opc::K
        | Opc::SLoad
        | Opc::AddI
        | Opc::SubI
        | Opc::MulI
        | Opc::ModI
        | Opc::NegI
        | Opc::AddN
        | Opc::SubN
        | Opc::MulN
        | Opc::DivN
        | Opc::NegN
        | Opc::ConvIN
        | Opc::GuardI
        | Opc::GuardN
        | Opc::GuardT
        | Opc::GuardV
        | Opc::Unbox
        | Opc::Box
        | Opc::SqrtN
        | Opc::AbsN
        | Opc::BAndI
        | Opc::BOrI
        | Opc::BXorI
        | Opc::ShlI
        | Opc::ShrI
        | Opc::AbsI
        | Opc::FloorNI
        // A new table: no existing table's memory changes (never hoisted: not pure).
        | Opc::NewTab
        // Traces never set metatables (see opt_loop.rs).
        | Opc::GuardNoMeta
        // A closure's prototype never changes.
        | Opc::GuardProto
        | Opc::GuardMeta
        // The frame's closure, a value's type and a string's bytes never change inside
        // a trace; neither does an upvalue's cell (upvalues close only at returns of
        // script frames and `CLOSE`, neither of which a trace contains).
        | Opc::CurFn
        // Pure builtins (callout.rs) write only new objects and the context.
        | Opc::CArg
        | Opc::CallN
        | Opc::CRes
        | Opc::UvRef
        | Opc::GuardType
        | Opc::StrLen
        | Opc::StrByte
        | Opc::Head
        | Opc::Loop
        | Opc::Exit => Effect::None,
        // A range step reads the table's array and entries (any store may change them).
        Opc::ALoad | Opc::HLoad | Opc::ALen | Opc::ABase | Opc::ASize | Opc::ALoadB | Opc::UvLoad | Opc::TGet | Opc::TNext | Opc::TPosAfter | Opc::TLen | Opc::TNextK | Opc::TNextV => Effect::Load,
        // May add keys, rehash (entries move, the entry count changes) and move the
        // array part.
        Opc::TSet => Effect::Barrier,
        Opc::AStore | Opc::APush | Opc::HStore | Opc::UvStore => Effect::Store,
    }
}

/// Value guards and pure instructions: their outcome depends on their operands only.
fn value_only(op: Opc) -> bool {
    op.is_pure()
        || matches!(op, Opc::Unbox | Opc::Box | Opc::ModI | Opc::FloorNI | Opc::GuardI | Opc::GuardN | Opc::GuardT | Opc::GuardV | Opc::GuardNoMeta | Opc::GuardProto | Opc::UvRef | Opc::GuardType | Opc::StrByte | Opc::GuardMeta)
}

/// Two table refs that are provably different tables.
fn distinct_tables(t: &Trace, a: IrRef, b: IrRef) -> bool {
    a != b && matches!((t.konst(a), t.konst(b)), (Some(x), Some(y)) if x != y)
}

/// Two int refs that are provably different.
fn distinct_ints(t: &Trace, a: IrRef, b: IrRef) -> bool {
    a != b && matches!((t.konst(a), t.konst(b)), (Some(x), Some(y)) if x != y)
}

fn entry_index(ins: &Ins) -> i64 {
    ins.k & 0xFFFF_FFFF
}

/// The table an access refers to (`ALoadB` through its `ABase`).
fn table_of(t: &Trace, ins: &Ins) -> IrRef {
    if ins.op == Opc::ALoadB {
        t.get(ins.a).a
    } else {
        ins.a
    }
}

/// Whether store `st` may change what load `ld` reads (both instructions of `t`).
pub fn may_alias(t: &Trace, ld: &Ins, st: &Ins) -> bool {
    if effect(st.op) == Effect::Barrier {
        return true;
    }
    if distinct_tables(t, table_of(t, ld), st.a) {
        return false;
    }
    match (ld.op, st.op) {
        (Opc::HLoad, Opc::HStore) => !(distinct_tables(t, ld.b, st.b) || entry_index(ld) != entry_index(st)),
        (Opc::HLoad, _) => false,
        (Opc::ALoad | Opc::ALoadB, Opc::AStore) => !distinct_ints(t, ld.b, st.b),
        (Opc::ALoad | Opc::ALoadB, Opc::APush) | (Opc::ALen | Opc::ASize, Opc::APush) | (Opc::ALen, Opc::AStore) => true,
        (Opc::ALoad | Opc::ALoadB | Opc::ALen | Opc::ASize, _) => false,
        // Upvalue cells are neither table memory nor frame registers (`uvref` guards
        // that); two cells may be the same (a shared upvalue).
        (Opc::UvLoad, Opc::UvStore) => true,
        (Opc::UvLoad, _) => false,
        // Only an append can move an array inside a trace (growing it at full capacity).
        (Opc::ABase, Opc::APush) => true,
        (Opc::ABase, _) => false,
        _ => true,
    }
}

/// The value a later load `ld` would read, if the earlier access `prev` (a load or a
/// store of the same location, with nothing aliasing in between) determines it.
fn forwarded(t: &Trace, ld: &Ins, prev: &Ins, prev_ref: IrRef) -> Option<IrRef> {
    if ld.a != prev.a {
        return None;
    }
    match (ld.op, prev.op) {
        (Opc::HLoad, Opc::HLoad) | (Opc::HLoad, Opc::HStore) => {
            if ld.b != prev.b || entry_index(ld) != entry_index(prev) {
                return None;
            }
            let v = if prev.op == Opc::HLoad { prev_ref } else { prev.c };
            // A global read also guards non-nil: the earlier access must prove it.
            let nonnil_needed = ld.k & HLOAD_NONNIL != 0;
            let proven = match prev.op {
                Opc::HLoad => prev.k & HLOAD_NONNIL != 0,
                _ => known_nonnil(t, v),
            };
            (!nonnil_needed || proven).then_some(v)
        }
        (Opc::ALoad, Opc::ALoad) if ld.b == prev.b => Some(prev_ref),
        (Opc::ALoad, Opc::AStore | Opc::APush) if ld.b == prev.b => Some(prev.c),
        (Opc::ALen, Opc::ALen) | (Opc::ABase, Opc::ABase) | (Opc::ASize, Opc::ASize) => Some(prev_ref),
        (Opc::ALoadB, Opc::ALoadB) if ld.b == prev.b => Some(prev_ref),
        (Opc::UvLoad, Opc::UvLoad) => Some(prev_ref),
        (Opc::UvLoad, Opc::UvStore) => Some(prev.b),
        _ => None,
    }
}

/// `ALoadB` after a store of the same item of the same table (`ALoadB` refers to its
/// table through its `ABase`, so [`forwarded`] does not see it).
fn forwarded_split(t: &Trace, ld: &Ins, prev: &Ins) -> Option<IrRef> {
    (ld.op == Opc::ALoadB && matches!(prev.op, Opc::AStore | Opc::APush) && table_of(t, ld) == prev.a && ld.b == prev.b).then_some(prev.c)
}

fn known_nonnil(t: &Trace, v: IrRef) -> bool {
    let i = t.get(v);
    match i.op {
        Opc::Box => true,
        Opc::K => i.k as u64 != vm::Value::NIL.0,
        _ => i.ty != Ty::Val,
    }
}

/// Bit in `HLoad.k`/`HStore.k`: the entry-count check is proven by an earlier access
/// to the same table (the backend may skip it).
pub const HREF_CHECKED: i64 = 1 << 41;
/// Bit in `HStore.k`: the entry's key and non-nil value are proven (the backend may skip
/// the count, key and nil checks).
pub const HSTORE_PROVEN: i64 = 1 << 42;
/// Bits of `HLoad.k`/`HStore.k` (at [`HREF_UPTO_SHIFT`]): when non-zero, the access's
/// entry-count check asserts this many entries (more than its own index needs), so
/// that later accesses to the same table up to that index skip theirs. Exiting at the
/// earlier check is correct (its snapshot is an earlier state of the same path).
pub const HREF_UPTO_SHIFT: u32 = 44;
pub const HREF_UPTO_MASK: i64 = 0xFFFF;

/// The number of entries the count check of a hash access asserts.
pub fn href_count(ins: &Ins) -> i64 {
    match (ins.k >> HREF_UPTO_SHIFT) & HREF_UPTO_MASK {
        0 => entry_index(ins) + 1,
        n => n,
    }
}

/// Runs the array split and hoisting (loop traces), forwarding and check marking;
/// returns the new trace.
pub fn optimize(t: &Trace) -> Trace {
    let t = split_arrays(t);
    let t = hoist(&t);
    let t = forward(&t);
    mark_checked(&t)
}

/// Sets [`HREF_CHECKED`] and [`HSTORE_PROVEN`] where earlier accesses prove them.
pub fn mark_checked(t: &Trace) -> Trace {
    let mut out = t.clone();
    // Per table ref: the highest entry index whose count check has run, and the access
    // doing the check if it can still be raised (no `Head` in between: the pre-header's
    // check also covers the body only for what it asserted).
    let mut checked: Vec<(IrRef, i64, Option<usize>)> = Vec::new();
    // Values known to be non-nil (unboxed, or non-nil by construction) so far.
    let mut nonnil = vec![false; t.ins.len()];
    // Accesses (index) proving that a location holds its key and, if `nonnil` of the
    // value, a non-nil value; cleared at `Head` and killed by aliasing stores.
    let mut facts: Vec<usize> = Vec::new();
    let has_barrier = t.ins.iter().any(|i| effect(i.op) == Effect::Barrier);
    for i in 0..t.ins.len() {
        let ins = t.ins[i];
        match ins.op {
            Opc::Unbox => nonnil[ins.a.idx()] = true,
            Opc::Box => nonnil[i] = true,
            Opc::K => nonnil[i] = ins.k as u64 != vm::Value::NIL.0,
            // A table store that may rehash also invalidates, for the next iteration,
            // the count checks made before it in program order.
            Opc::Head => {
                facts.clear();
                if has_barrier {
                    checked.clear();
                }
                for c in &mut checked {
                    c.2 = None;
                }
            }
            Opc::HLoad if ins.k & HLOAD_NONNIL != 0 => nonnil[i] = true,
            _ => {}
        }
        if effect(ins.op) == Effect::Barrier {
            facts.clear();
            checked.clear();
        }
        if !matches!(ins.op, Opc::HLoad | Opc::HStore) {
            if effect(ins.op) == Effect::Store {
                let st = ins;
                facts.retain(|&f| {
                    let mut p = t.ins[f];
                    p.op = Opc::HLoad;
                    !may_alias(t, &p, &st)
                });
            }
            continue;
        }
        let e = entry_index(&ins);
        match checked.iter_mut().find(|c| c.0 == ins.a) {
            Some(c) if c.1 >= e => out.ins[i].k |= HREF_CHECKED,
            Some(c) => match c.2 {
                Some(first) if e + 1 <= HREF_UPTO_MASK => {
                    // Raise the earlier check instead of checking again here.
                    let k = &mut out.ins[first].k;
                    *k = (*k & !(HREF_UPTO_MASK << HREF_UPTO_SHIFT)) | ((e + 1) << HREF_UPTO_SHIFT);
                    out.ins[i].k |= HREF_CHECKED;
                    c.1 = e;
                }
                _ => *c = (ins.a, e, Some(i)),
            },
            None => checked.push((ins.a, e, Some(i))),
        }
        if ins.op == Opc::HStore {
            let proven = facts.iter().any(|&f| {
                let p = &t.ins[f];
                let v = if p.op == Opc::HLoad { IrRef(f as u32) } else { p.c };
                p.a == ins.a && p.b == ins.b && entry_index(p) == e && nonnil[v.idx()]
            });
            if proven {
                out.ins[i].k |= HSTORE_PROVEN;
            }
            let st = ins;
            facts.retain(|&f| {
                let mut p = t.ins[f];
                p.op = Opc::HLoad;
                !may_alias(t, &p, &st)
            });
        }
        facts.push(i);
    }
    out
}

fn remap(map: &[IrRef], r: IrRef) -> IrRef {
    if r.is_none() {
        r
    } else {
        map[r.idx()]
    }
}

/// Loop traces: splits each body `ALoad t i` into `ABase t`, `ASize t` and
/// `ALoadB base i size`, so that the array's address and length of an invariant table
/// can be hoisted (and shared by several accesses) while the item load stays.
pub fn split_arrays(t: &Trace) -> Trace {
    let Some(head) = t.head() else { return t.clone() };
    if !t.ins[head..].iter().any(|i| i.op == Opc::ALoad) {
        return t.clone();
    }
    let n = t.ins.len();
    let mut out = Trace { ins: Vec::with_capacity(n + 8), snaps: t.snaps.clone(), phis: Vec::new() };
    let mut map = vec![IrRef::NONE; n];
    for i in 0..n {
        let mut x = t.ins[i];
        x.a = remap(&map, x.a);
        x.b = remap(&map, x.b);
        x.c = remap(&map, x.c);
        if i > head && x.op == Opc::ALoad {
            let base = out.push(Ins::new(Opc::ABase, Ty::Int, x.a, IrRef::NONE));
            let size = out.push(Ins::new(Opc::ASize, Ty::Int, x.a, IrRef::NONE));
            let mut l = Ins::new(Opc::ALoadB, Ty::Val, base, x.b);
            l.c = size;
            l.snap = x.snap;
            map[i] = out.push(l);
        } else {
            map[i] = out.push(x);
        }
    }
    out.remap_snapshots_and_phis(t, &map);
    out
}

/// Moves invariant body loads (and what depends on them only) to the pre-header.
pub fn hoist(t: &Trace) -> Trace {
    let Some(head) = t.head() else { return t.clone() };
    let n = t.ins.len();
    let Some(loop_snap) = t.ins.last().filter(|i| i.op == Opc::Loop).map(|i| i.snap) else { return t.clone() };
    let Some(header_pc) = t.snaps.get(loop_snap.idx()).map(|s| s.pc) else { return t.clone() };
    let stores: Vec<&Ins> = t.ins[head..].iter().filter(|i| matches!(effect(i.op), Effect::Store | Effect::Barrier)).collect();
    let mut invariant = vec![false; n];
    for i in 0..head {
        let r = IrRef(i as u32);
        let ins = &t.ins[i];
        invariant[i] = !t.phis.iter().any(|p| p.0 == r) && ins.operands().all(|o| invariant[o.idx()]);
    }
    let mut hoisted = vec![false; n];
    for i in head + 1..n {
        let ins = &t.ins[i];
        if !ins.operands().all(|o| invariant[o.idx()]) {
            continue;
        }
        let ok = match effect(ins.op) {
            Effect::Load => !stores.iter().any(|s| may_alias(t, ins, s)),
            Effect::None => value_only(ins.op),
            _ => false,
        };
        if ok {
            hoisted[i] = true;
            invariant[i] = true;
        }
    }
    if !hoisted.iter().any(|&h| h) {
        return t.clone();
    }
    let mut out = Trace { ins: Vec::with_capacity(n), snaps: t.snaps.clone(), phis: Vec::new() };
    // The pre-header's snapshot (the loop pass made one), or a new one.
    let entry_snap = match out.snaps.iter().position(|s| s.pc == header_pc && s.entries.is_empty()) {
        Some(i) => SnapId(i as u32),
        None => {
            out.snaps.push(Snapshot { pc: header_pc, entries: Vec::new() });
            SnapId(out.snaps.len() as u32 - 1)
        }
    };
    let mut map = vec![IrRef::NONE; n];
    let order = (0..head).chain((head + 1..n).filter(|&i| hoisted[i])).chain(std::iter::once(head)).chain((head + 1..n).filter(|&i| !hoisted[i]));
    for i in order {
        let mut x = t.ins[i];
        x.a = remap(&map, x.a);
        x.b = remap(&map, x.b);
        x.c = remap(&map, x.c);
        if hoisted[i] && x.op.is_guard() {
            x.snap = entry_snap;
        }
        map[i] = out.push(x);
    }
    out.remap_snapshots_and_phis(t, &map);
    out
}

/// Load-to-load and store-to-load forwarding within the pre-header and within the body;
/// also common-subexpression elimination of value guards and pure instructions (an
/// identical earlier one dominates in a linear trace), which hoisting and unrolled inner
/// loops leave behind (e.g. a global function's lookup and guards once per unrolled
/// iteration). Across `Head` only instructions without PHI operands match (a PHI's ref
/// names another value in each iteration).
pub fn forward(t: &Trace) -> Trace {
    let n = t.ins.len();
    // Per instruction: the value replacing it (its own ref if it stays).
    let mut repl: Vec<IrRef> = (0..n as u32).map(IrRef).collect();
    let phis: Vec<IrRef> = t.phis.iter().map(|p| p.0).collect();
    let mut seen: std::collections::HashMap<(Opc, Ty, IrRef, IrRef, IrRef, i64), usize> = std::collections::HashMap::new();
    // Accesses whose result is known: (instruction index in `t`).
    let mut facts: Vec<usize> = Vec::new();
    let mut changed = false;
    for i in 0..n {
        let ins = &t.ins[i];
        match effect(ins.op) {
            Effect::Load => {
                // Operands as rewritten so far (a forwarded table ref must match).
                let mut cur = *ins;
                cur.a = repl[cur.a.idx()];
                cur.b = if cur.b.is_none() { cur.b } else { repl[cur.b.idx()] };
                cur.c = if cur.c.is_none() { cur.c } else { repl[cur.c.idx()] };
                let hit = facts.iter().rev().find_map(|&f| {
                    let mut p = t.ins[f];
                    p.a = repl[p.a.idx()];
                    p.b = if p.b.is_none() { p.b } else { repl[p.b.idx()] };
                    p.c = if p.c.is_none() { p.c } else { repl[p.c.idx()] };
                    forwarded(t, &cur, &p, repl[f]).or_else(|| forwarded_split(t, &cur, &p))
                });
                match hit {
                    Some(v) => {
                        repl[i] = v;
                        changed = true;
                    }
                    None => facts.push(i),
                }
            }
            Effect::Store => {
                let mut cur = *ins;
                cur.a = repl[cur.a.idx()];
                cur.b = repl[cur.b.idx()];
                facts.retain(|&f| {
                    let mut p = t.ins[f];
                    p.a = repl[p.a.idx()];
                    p.b = if p.b.is_none() { p.b } else { repl[p.b.idx()] };
                    let as_load = match p.op {
                        Opc::HStore => Opc::HLoad,
                        Opc::AStore | Opc::APush => Opc::ALoad,
                        Opc::UvStore => Opc::UvLoad,
                        op => op,
                    };
                    p.op = as_load;
                    !may_alias(t, &p, &cur)
                });
                facts.push(i);
            }
            Effect::Barrier => facts.clear(),
            Effect::None => {
                if ins.op == Opc::Head {
                    facts.clear();
                    seen.retain(|key, _| ![key.2, key.3, key.4].iter().any(|r| phis.contains(r)));
                } else if value_only(ins.op) && !matches!(ins.op, Opc::K | Opc::Box) {
                    let rp = |r: IrRef| if r.is_none() { r } else { repl[r.idx()] };
                    let key = (ins.op, ins.ty, rp(ins.a), rp(ins.b), rp(ins.c), ins.k);
                    match seen.get(&key) {
                        Some(&j) => {
                            repl[i] = IrRef(j as u32);
                            changed = true;
                        }
                        None => {
                            seen.insert(key, i);
                        }
                    }
                }
            }
        }
    }
    if !changed {
        return t.clone();
    }
    let mut out = Trace { ins: Vec::with_capacity(n), snaps: t.snaps.clone(), phis: Vec::new() };
    let mut map = vec![IrRef::NONE; n];
    for i in 0..n {
        if repl[i].idx() != i {
            map[i] = map[repl[i].idx()];
            continue;
        }
        let mut x = t.ins[i];
        x.a = remap(&map, x.a);
        x.b = remap(&map, x.b);
        x.c = remap(&map, x.c);
        map[i] = out.push(x);
    }
    out.remap_snapshots_and_phis(t, &map);
    out
}
