//! Memory layouts the generated code relies on, measured at start-up.
//!
//! `Table`'s field offsets come from `offset_of!`; the layout of `Vec` (where its data
//! pointer and length are) is not specified by Rust, so it is probed on real vectors of
//! the exact element types the code reads. If any probe is inconclusive the JIT stays
//! off (`Layout::probe` returns `None`).

use vm::layout::probe_vec;
use vm::table::{Entry, Table};
use vm::value::Value;

#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// Offset of `Table::array` / `Table::entries` / `Table::meta`.
    pub tab_array: i32,
    pub tab_entries: i32,
    pub tab_meta: i32,
    /// Offsets of the data pointer, the length and the capacity inside a `Vec`.
    pub vec_ptr: i32,
    pub vec_len: i32,
    pub vec_cap: i32,
    /// `size_of::<Entry>()` and the offsets of its key and value.
    pub entry_size: i32,
    pub entry_key: i32,
    pub entry_value: i32,
}

impl Layout {
    pub fn probe() -> Option<Layout> {
        let (vec_ptr, vec_len, vec_cap) = probe_vec(Value::NIL)?;
        if probe_vec(Entry { key: Value::NIL, value: Value::NIL })? != (vec_ptr, vec_len, vec_cap) {
            return None;
        }
        if std::mem::size_of::<Option<vm::object::Gc<Table>>>() != 8 {
            return None;
        }
        let t = Table::new(0, 0);
        let meta_off = std::mem::offset_of!(Table, meta);
        // SAFETY: reading one word at a field offset inside a live Table.
        let none_word = unsafe { *((&t as *const Table as *const u8).add(meta_off) as *const usize) };
        if none_word != 0 {
            return None;
        }
        Some(Layout {
            tab_array: std::mem::offset_of!(Table, array) as i32,
            tab_entries: std::mem::offset_of!(Table, entries) as i32,
            tab_meta: meta_off as i32,
            vec_ptr,
            vec_len,
            vec_cap,
            entry_size: std::mem::size_of::<Entry>() as i32,
            entry_key: std::mem::offset_of!(Entry, key) as i32,
            entry_value: std::mem::offset_of!(Entry, value) as i32,
        })
    }
}
