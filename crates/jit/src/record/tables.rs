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
