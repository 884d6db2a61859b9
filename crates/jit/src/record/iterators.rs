//! Recording of `range` loops over the standard iterators (part of the recorder,
//! `record.rs`): the calls `pairs(t)` and `ipairs(v)` that produce the iteration
//! triple, and the generic protocol's `RANGECALL` / `RANGELOOP` when the iterator is
//! `next` (the key's position found out of the trace, then the inline traversal step
//! of `range` over a table) or `ipairs`' iterator (an array
//! load, or a raw get past the array part). `pairs` is recorded only for tables
//! without `__pairs` (metatable identity and the absence of `__pairs` guarded),
//! `ipairs`' iterator only over tables without metatable (no `__index`).
//! As everywhere in the recorder, every check happens before a register changes.

use super::*;

impl Rec<'_> {
    /// The iterator functions `pairs` and `ipairs` return (kept in the registry).
    fn std_iterators(&mut self) -> (Value, Value) {
        let reg = self.vm.registry;
        (self.vm.get_field(reg, "next"), self.vm.get_field(reg, "ipairs_iterator"))
    }

    /// `CALL a 2 c` of `pairs` (a table without `__pairs`) or `ipairs` (any value): the
    /// triple (iterator, value, initial control) as constants and the argument, guarded
    /// by the builtin's identity. False if `n` is neither.
    pub(super) fn iterator_call(&mut self, n: &Native, fv: Value, a: usize, b: usize, c: usize) -> R<bool> {
        if !matches!(n.qualified, "pairs" | "ipairs") || b != 2 || !(1..=4).contains(&c) {
            return Ok(false);
        }
        let (next_f, ipairs_f) = self.std_iterators();
        let x = self.val(a + 1);
        let (f, xr, init) = if n.qualified == "pairs" {
            let (tr, _) = self.table_without_pairs(a + 1)?;
            (next_f, tr, Value::NIL)
        } else {
            (ipairs_f, self.get(a + 1)?, Value::inline_int(0))
        };
        if !f.is_function() {
            return Err("standard iterator missing".into());
        }
        self.guard_identity(a, fv)?;
        self.roots.push(f);
        let fr = self.kval(f);
        let ir = if init.is_nil() { self.kval(init) } else { self.kint(0) };
        let res = [(fr, f), (xr, x), (ir, init)];
        for (j, &(r, v)) in res.iter().enumerate().take(c - 1) {
            self.set(a + j, r, v);
        }
        Ok(true)
    }

    /// `RANGECALL a b` of the generic protocol (`R[a]` a function): `next` or `ipairs`'
    /// iterator; results into `R[a+3]..` (max(b, 1) of them, nil-padded).
    pub(super) fn range_call_generic(&mut self, a: usize, nvars: usize) -> R<()> {
        let f = self.val(a);
        let (next_f, ipairs_f) = self.std_iterators();
        let want = nvars.max(1);
        let results: Vec<(IrRef, Value)> = if f.0 == ipairs_f.0 && f.is_function() {
            self.ipairs_step(a)?
        } else if f.0 == next_f.0 && f.is_function() {
            self.next_step(a, want)?
        } else {
            return Err("unsupported RANGECALL (iterator function)".into());
        };
        // The identity of the iterator (a constant when `pairs`/`ipairs` was recorded).
        let fr = self.get(a)?;
        if self.t.get(fr).op != Opc::K {
            self.guard_identity(a, f)?;
        } else if self.t.get(fr).k != f.0 as i64 {
            return Err("iterator constant mismatch".into());
        }
        for j in 0..want {
            let (r, v) = match results.get(j) {
                Some(&x) => x,
                None => (self.kval(Value::NIL), Value::NIL),
            };
            self.set(a + 3 + j, r, v);
        }
        Ok(())
    }

    /// One step of `ipairs`' iterator on `R[a+1]` (a table without metatable) from the
    /// int `R[a+2]`: (i + 1, t[i + 1]) or (nil) at the first nil.
    fn ipairs_step(&mut self, a: usize) -> R<Vec<(IrRef, Value)>> {
        let iv = self.val(a + 2);
        if !iv.is_inline_int() || value_as::<Table>(self.val(a + 1)).is_none() {
            return Err("ipairs over a non-table".into());
        }
        let i = iv.as_inline_int_unchecked().wrapping_add(1);
        if !vm::value::fits_inline(i) {
            return Err("ipairs index out of range".into());
        }
        let (tr, t) = self.plain_table(a + 1)?;
        let ir = self.get_as(a + 2, Ty::Int)?;
        let one = self.kint(1);
        let kr = self.emit(Ins::new(Opc::AddI, Ty::Int, ir, one));
        let v = t.get_int(i);
        let nil = self.kval(Value::NIL);
        let in_array = i >= 1 && (i as u64) <= t.array.len() as u64;
        let vr = if in_array {
            self.guard(Ins::new(Opc::ALoad, Ty::Val, tr, kr))
        } else {
            let kb = self.boxed(kr);
            self.guard(Ins::new(Opc::TGet, Ty::Val, tr, kb))
        };
        let mut g = Ins::new(Opc::GuardV, Ty::None, vr, nil);
        g.k = v.is_nil() as i64;
        self.guard(g);
        if v.is_nil() {
            return Ok(vec![(nil, Value::NIL)]);
        }
        Ok(vec![(kr, Value::inline_int(i)), (vr, v)])
    }

    /// One step of `next(R[a+1], R[a+2])` without calling the builtin: the position
    /// after the key (`tposafter`, a hash lookup out of the trace; a float or unknown key
    /// exits, and the interpreter's `next` normalises it or raises "invalid key to
    /// 'next'"), then the inline traversal step of `range` over a table (`tnext`,
    /// `tnextk`, `tnextv`). Results: (key, value), or (nil) at the end.
    fn next_step(&mut self, a: usize, want: usize) -> R<Vec<(IrRef, Value)>> {
        let Some(t) = value_as::<Table>(self.val(a + 1)) else { return Err("next over a non-table".into()) };
        let k = self.val(a + 2);
        if k.is_float() {
            return Err("next with a float key".into());
        }
        let Some(pos) = t.position_after(k) else { return Err("invalid key to next while recording".into()) };
        let tr = self.get_as(a + 1, Ty::Tab)?;
        let k0 = self.get(a + 2)?;
        let kb = self.boxed(k0);
        let pr = self.guard(Ins::new(Opc::TPosAfter, Ty::Int, tr, kb));
        let next = t.next_from(pos);
        let mut g = Ins::new(Opc::TNext, Ty::Int, tr, pr);
        g.k = next.is_none() as i64;
        let np = self.guard(g);
        let Some((_, key, val)) = next else {
            let nil = self.kval(Value::NIL);
            return Ok(vec![(nil, Value::NIL)]);
        };
        let kr = self.emit(Ins::new(Opc::TNextK, Ty::Val, tr, np));
        let mut out = vec![(kr, key)];
        if want >= 2 {
            out.push((self.emit(Ins::new(Opc::TNextV, Ty::Val, tr, np)), val));
        }
        Ok(out)
    }

    /// `RANGELOOP a sBx` (after a generic `RANGECALL`): if `R[a+3]` is not nil, it
    /// becomes the control value and the loop jumps back. Ok(true) when that jump closes
    /// the recorded loop.
    pub(super) fn range_loop(&mut self, a: usize, sbx: i32, header: usize, from_pc: usize) -> R<bool> {
        let v = self.val(a + 3);
        let r = self.get(a + 3)?;
        if self.t.ty(r) == Ty::Val && self.t.get(r).op != Opc::K {
            let nil = self.kval(Value::NIL);
            let mut g = Ins::new(Opc::GuardV, Ty::None, r, nil);
            g.k = v.is_nil() as i64;
            self.guard(g);
        }
        if v.is_nil() {
            self.pc += 1;
            return Ok(false);
        }
        let at = self.pc;
        let target = (at as i64 + 1 + sbx as i64) as usize;
        let closes = target == header && at == from_pc && self.inlined.is_empty();
        if !closes {
            self.back_jump(target, at)?;
        }
        self.set(a + 2, r, v);
        if closes {
            return Ok(true);
        }
        self.pc = target;
        Ok(false)
    }
}
