//! Recording of table accesses outside the fast paths (part of the recorder,
//! `record.rs`): reads and writes of keys that are not in the array part or not known
//! fields — strings and integers in the hash part, absent keys, new keys — on tables
//! without metatables become `tget` / `tset`, which call the table's raw get / set out
//! of the trace (`callout::jit_table_get` / `jit_table_set`). A `tset` may add keys and
//! rehash the table, so it counts as a barrier for the memory optimisation.

use super::*;

impl Rec<'_> {
    /// The key in register `s` (runtime value `key`, an inline int or a string) as a
    /// boxed value, type-guarded.
    fn generic_key(&mut self, s: Option<usize>, key: Value) -> R<IrRef> {
        let Some(s) = s else { return Ok(self.kval(key)) };
        if key.is_inline_int() {
            let r = self.get_as(s, Ty::Int)?;
            return Ok(self.boxed(r));
        }
        if key.is_str() {
            return self.str_operand(s);
        }
        Err("table key that is not an integer or string".into())
    }

    /// `R[a] = T[key]` for table register `t` without metatable, through `tget` (key in
    /// register `ks`, or the constant `key` when `ks` is None).
    pub(super) fn table_get(&mut self, a: usize, t: usize, ks: Option<usize>, key: Value) -> R<()> {
        if !key.is_inline_int() && !key.is_str() {
            return Err("table key that is not an integer or string".into());
        }
        let (tr, tab) = self.plain_table(t)?;
        let kr = self.generic_key(ks, key)?;
        let v = tab.get(key);
        let r = self.guard(Ins::new(Opc::TGet, Ty::Val, tr, kr));
        self.set(a, r, v);
        Ok(())
    }

    /// `T[key] = R[vs]` for table register `t` without metatable, through `tset`.
    pub(super) fn table_set(&mut self, t: usize, ks: Option<usize>, key: Value, vs: usize) -> R<()> {
        if !self.inlined.is_empty() {
            return Err("store in an inlined call".into());
        }
        if !key.is_inline_int() && !key.is_str() {
            return Err("table key that is not an integer or string".into());
        }
        let (tr, mut tab) = self.plain_table(t)?;
        let kr = self.generic_key(ks, key)?;
        let vv = self.val(vs);
        let vr0 = self.get(vs)?;
        let vr = self.boxed(vr0);
        let mut ins = Ins::new(Opc::TSet, Ty::None, tr, kr);
        ins.c = vr;
        self.guard(ins);
        if !tab.set_out_of_line(key, vv) {
            return Err("table store failed".into());
        }
        Ok(())
    }
}

impl Rec<'_> {
    /// The `__index` field of the constant metatable `mt` (its entry `e`), loaded with a
    /// non-nil `hload` and guarded to still be the table `h` (a script may replace it).
    /// Roots both tables (the trace embeds them); returns `h` as a constant.
    fn guard_index_table(&mut self, mt: Gc<Table>, e: usize, index_name: Value, h: Value) -> IrRef {
        let mr = self.k(Ty::Tab, Vm::table_value(mt).0 as i64);
        let ir = self.kval(index_name);
        let mut ld = Ins::new(Opc::HLoad, Ty::Val, mr, ir);
        ld.k = e as i64 | HLOAD_NONNIL;
        let hr = self.guard(ld);
        let kh = self.kval(h);
        let mut gh = Ins::new(Opc::GuardV, Ty::None, hr, kh);
        gh.k = 1;
        self.guard(gh);
        self.roots.push(Vm::table_value(mt));
        self.roots.push(h);
        self.k(Ty::Tab, h.0 as i64)
    }
}

impl Rec<'_> {
    /// `SELF a b c`: `R[a+1] = R[b]; R[a] = R[b][K[c]]`, the method lookup through a
    /// chain of `__index` tables (as the interpreter's). Each table on the way where the
    /// key is absent gets a raw-get guard of that (`tget` = nil) and a guard of its
    /// metatable's identity (`guardmeta`); the metatable's `__index` is loaded and
    /// guarded by identity (the metatables and `__index` tables are constants, so with
    /// no stores in the loop these loads are hoisted). The table holding the method is
    /// read with a non-nil `hload`.
    pub(super) fn method_lookup(&mut self, a: usize, b: usize, key: Value) -> R<()> {
        let obj = self.val(b);
        if obj.is_str() {
            return self.string_method(a, b, key);
        }
        let Some(mut t) = value_as::<Table>(obj) else { return Err("method call on a non-table".into()) };
        if !key.is_str() {
            return Err("method name not a string".into());
        }
        let mut tr = self.get_as(b, Ty::Tab)?;
        let kr = self.kval(key);
        let index_name = Vm::object_value(self.vm.tm_names[vm::vm::Tm::Index as usize]);
        for _ in 0..4 {
            if let Some(e) = Self::entry_of(&t, key).filter(|&e| !t.entries[e].value.is_nil()) {
                let v = t.entries[e].value;
                let mut ins = Ins::new(Opc::HLoad, Ty::Val, tr, kr);
                ins.k = e as i64 | HLOAD_NONNIL;
                let r = self.guard(ins);
                self.set(a + 1, self.slots[self.off + b], obj);
                self.set(a, r, v);
                return Ok(());
            }
            if !t.get(key).is_nil() {
                return Err("method not in the hash part".into());
            }
            let absent = self.guard(Ins::new(Opc::TGet, Ty::Val, tr, kr));
            let nil = self.kval(Value::NIL);
            let mut g = Ins::new(Opc::GuardV, Ty::None, absent, nil);
            g.k = 1;
            self.guard(g);
            let Some(mt) = t.meta else { return Err("method not found".into()) };
            let mut gm = Ins::new(Opc::GuardMeta, Ty::None, tr, IrRef::NONE);
            gm.k = mt.as_ptr() as i64;
            self.guard(gm);
            let Some(e) = Self::entry_of(&mt, index_name) else { return Err("metatable without __index".into()) };
            let h = mt.entries[e].value;
            let Some(ht) = value_as::<Table>(h) else { return Err("__index is not a table".into()) };
            tr = self.guard_index_table(mt, e, index_name, h);
            t = ht;
        }
        Err("__index chain too long".into())
    }
}

impl Rec<'_> {
    /// `RANGEPREP a b c` of a `range` loop over one table without `__pairs`
    /// ([`Rec::table_without_pairs`]): the interpreter's iteration state (`RANGE_TABLE`, the table, position
    /// 0). The generic protocol (`c` = 0, or a function in `R[a]`) changes nothing here.
    /// Other operands abort.
    pub(super) fn range_prep(&mut self, a: usize, single: bool) -> R<()> {
        if !single {
            return Ok(());
        }
        if self.val(a).is_function() {
            // The generic protocol: nothing changes (the type is guarded).
            let r = self.get(a)?;
            if self.t.get(r).op != Opc::K {
                let mut g = Ins::new(Opc::GuardType, Ty::None, r, IrRef::NONE);
                g.k = vm::value::Type::Function as i64;
                self.guard(g);
            }
            return Ok(());
        }
        let (tr, _) = self.table_without_pairs(a)?;
        let x = self.val(a);
        let m = self.kval(vm::interp::RANGE_TABLE);
        let z = self.kint(0);
        self.set(a, m, vm::interp::RANGE_TABLE);
        self.set(a + 1, tr, x);
        self.set(a + 2, z, Value::inline_int(0));
        Ok(())
    }

    /// `RANGECALL a b` (at `self.pc`, the `RANGELOOP` after it) of a range loop over a
    /// table: `tnext` from the position in `R[a+2]` (guarding that the loop goes on or
    /// ends, as it did now), the pair's key and value into `R[a+3]`, `R[a+4]` (further
    /// variables nil), then the jump back to the body as the interpreter's. Returns
    /// Ok(true) when that jump closes the recorded loop. Metatables play no part (the
    /// interpreter's `RANGECALL` traverses raw; `__pairs` was looked up by `RANGEPREP`).
    pub(super) fn range_call(&mut self, a: usize, nvars: usize, header: usize, from_pc: usize) -> R<bool> {
        if self.val(a).0 != vm::interp::RANGE_TABLE.0 {
            return Err("unsupported RANGECALL (not a range over a table)".into());
        }
        let Some(t) = value_as::<Table>(self.val(a + 1)) else { return Err("range state without a table".into()) };
        let pv = self.val(a + 2);
        if !pv.is_inline_int() || pv.as_inline_int_unchecked() < 0 {
            return Err("range position not an int".into());
        }
        let loop_pc = self.pc + 1;
        let lp = *self.proto.code.get(loop_pc).ok_or("RANGECALL without RANGELOOP")?;
        if lp.op() != Op::RANGELOOP {
            return Err("RANGECALL without RANGELOOP".into());
        }
        let mr = self.get(a)?;
        if self.t.ty(mr) == Ty::Val {
            let mk = self.kval(vm::interp::RANGE_TABLE);
            let mut g = Ins::new(Opc::GuardV, Ty::None, mr, mk);
            g.k = 1;
            self.guard(g);
        }
        let tr = self.get_as(a + 1, Ty::Tab)?;
        let pr = self.get_as(a + 2, Ty::Int)?;
        let next = t.next_from(pv.as_inline_int_unchecked() as usize);
        let mut g = Ins::new(Opc::TNext, Ty::Int, tr, pr);
        g.k = next.is_none() as i64;
        let np_r = self.guard(g);
        let Some((np, key, val)) = next else {
            self.pc = loop_pc + 1;
            return Ok(false);
        };
        // The jump back to the body is checked before any register changes: an abort
        // there ("inner loop") must leave the interpreter's state before `RANGECALL`.
        let target = (loop_pc as i64 + 1 + lp.sbx() as i64) as usize;
        let closes = target == header && loop_pc == from_pc && self.inlined.is_empty();
        if !closes {
            self.back_jump(target, loop_pc)?;
        }
        let kr = self.emit(Ins::new(Opc::TNextK, Ty::Val, tr, np_r));
        self.set(a + 2, np_r, Value::inline_int(np as i64));
        self.set(a + 3, kr, key);
        if nvars >= 2 {
            let vr = self.emit(Ins::new(Opc::TNextV, Ty::Val, tr, np_r));
            self.set(a + 4, vr, val);
            for j in 2..nvars {
                let nil = self.kval(Value::NIL);
                self.set(a + 3 + j, nil, Value::NIL);
            }
        }
        if closes {
            return Ok(true);
        }
        self.pc = target;
        Ok(false)
    }
}

impl Rec<'_> {
    /// `SELF a b c` on a string (`s:upper()`): the method from the strings' metatable's
    /// `__index` table. The metatable is the VM's (fixed); its `__index` field is loaded
    /// and guarded by identity (a script may replace it), the method is a non-nil
    /// `hload` of that table (hoisted when the loop stores nothing).
    fn string_method(&mut self, a: usize, b: usize, key: Value) -> R<()> {
        let obj = self.val(b);
        let Some(mt) = self.vm.string_meta else { return Err("strings without metatable".into()) };
        if !key.is_str() {
            return Err("method name not a string".into());
        }
        let index_name = Vm::object_value(self.vm.tm_names[vm::vm::Tm::Index as usize]);
        let Some(e) = Self::entry_of(&mt, index_name).filter(|&e| !mt.entries[e].value.is_nil()) else { return Err("string metatable without __index".into()) };
        let h = mt.entries[e].value;
        let Some(ht) = value_as::<Table>(h) else { return Err("string __index is not a table".into()) };
        let Some(me) = Self::entry_of(&ht, key).filter(|&me| !ht.entries[me].value.is_nil()) else { return Err("string method not found".into()) };
        let method = ht.entries[me].value;
        let sr = self.str_operand(b)?;
        let tr = self.guard_index_table(mt, e, index_name, h);
        let kr = self.kval(key);
        let mut ins = Ins::new(Opc::HLoad, Ty::Val, tr, kr);
        ins.k = me as i64 | HLOAD_NONNIL;
        let r = self.guard(ins);
        self.set(a + 1, sr, obj);
        self.set(a, r, method);
        Ok(())
    }
}

impl Rec<'_> {
    /// `SETLIST a b c` of a constructor with `b` > 0 items at offset `c` (not an
    /// `EXTRAARG` offset): each non-nil item is an append (`apush`, which guards that
    /// the key is the next array index and the hash part is empty); nil items are not
    /// stored (guarded nil). An `apush` exit after earlier items were stored re-runs the
    /// whole `SETLIST` in the interpreter, which stores the same values again.
    pub(super) fn set_list(&mut self, a: usize, n: usize, off: usize) -> R<()> {
        if !self.inlined.is_empty() {
            return Err("store in an inlined call".into());
        }
        if n == 0 || off == 255 {
            return Err("SETLIST with a variable count or a large offset".into());
        }
        let (tr, mut t) = self.plain_table(a)?;
        if !t.entries.is_empty() {
            return Err("SETLIST into a table with a hash part".into());
        }
        let mut len = t.array.len();
        let mut items = Vec::with_capacity(n);
        for j in 1..=n {
            let v = self.val(a + j);
            let r = self.get(a + j)?;
            if v.is_nil() {
                if self.t.ty(r) != Ty::Val {
                    return Err("SETLIST nil type confusion".into());
                }
                if self.t.get(r).op != Opc::K {
                    let nil = self.kval(Value::NIL);
                    let mut g = Ins::new(Opc::GuardV, Ty::None, r, nil);
                    g.k = 1;
                    self.guard(g);
                }
                continue;
            }
            if off + j != len + 1 {
                return Err("SETLIST item that is not an append".into());
            }
            len += 1;
            items.push((off + j, r));
        }
        for (key, r) in items {
            let kr = self.kint(key as i64);
            let vr = self.boxed(r);
            let mut ins = Ins::new(Opc::APush, Ty::None, tr, kr);
            ins.c = vr;
            self.guard(ins);
        }
        // The interpreter's effect on the table.
        t.reserve_array(off + n);
        for j in 1..=n {
            let v = self.val(a + j);
            if !v.is_nil() {
                t.set_small_int((off + j) as i64, v);
            }
        }
        Ok(())
    }
}

impl Rec<'_> {
    /// Register `s` holding a table whose metatable (if any) has no `__pairs`: guarded
    /// by the metatable's identity (`guardmeta`, or `nometa`) and, with a metatable, by
    /// a raw get of its `__pairs` that must stay nil (hoisted when the loop stores
    /// nothing).
    pub(super) fn table_without_pairs(&mut self, s: usize) -> R<(IrRef, Gc<Table>)> {
        let v = self.val(s);
        let Some(t) = value_as::<Table>(v) else { return Err("range over a non-table".into()) };
        let Some(mt) = t.meta else { return self.plain_table(s) };
        let pairs_name = Vm::object_value(self.vm.tm_names[vm::vm::Tm::Pairs as usize]);
        if !mt.get(pairs_name).is_nil() {
            return Err("table with __pairs".into());
        }
        let tr = self.get_as(s, Ty::Tab)?;
        let mut gm = Ins::new(Opc::GuardMeta, Ty::None, tr, IrRef::NONE);
        gm.k = mt.as_ptr() as i64;
        self.guard(gm);
        let mr = self.k(Ty::Tab, Vm::table_value(mt).0 as i64);
        let kr = self.kval(pairs_name);
        let h = self.guard(Ins::new(Opc::TGet, Ty::Val, mr, kr));
        let nil = self.kval(Value::NIL);
        let mut g = Ins::new(Opc::GuardV, Ty::None, h, nil);
        g.k = 1;
        self.guard(g);
        // Keeps the metatable alive (the trace embeds it).
        self.roots.push(Vm::table_value(mt));
        Ok((tr, t))
    }
}
