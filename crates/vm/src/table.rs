//! Tables: an array part for keys 1..n and an insertion-ordered hash part.
//!
//! Invariants:
//! * `array[i]` holds key `i + 1`; it may contain nils (holes). Integer keys
//!   `1..=array.len()` are never in the hash part as live entries.
//! * The hash part is `entries` (in insertion order) plus `index`, an open-addressing
//!   (linear probing) table of entry positions, sized to a power of two at least twice the
//!   entry capacity. Hash parts of at most `SMALL_HASH` entries have no index: lookups scan
//!   the entries (interned keys compare by pointer, so this beats hashing). Removing a key sets its entry's value to nil and keeps the key, so a
//!   traversal (`next`) can continue past it. Re-inserting a key whose entry holds nil
//!   moves it to the end (spec 4.5: it counts as inserted at that later time): the old
//!   entry becomes dead (`key == DEAD_KEY`) and the index points to the new one.
//! * Rebuilding (compaction) happens only when a new key is inserted and the entries are
//!   full; it drops nil-valued and dead entries, keeping order.
//! * Keys are normalised before they get here: floats with integer values are integers,
//!   never nil or NaN (the callers raise the errors).
//!
//! Traversal order (spec 4.5): array part ascending, then entries in insertion order.
//! A traversal position is `0..array.len()` for the array part and
//! `array.len() + entry index` for the hash part.

use crate::gc;
use crate::object::{GcHeader, Gc, HeapObject, ObjKind, Str};
use crate::value::{Value, TAG_STR};

/// Marks a dead entry (its key was re-inserted later). A value no script can produce.
pub const DEAD_KEY: Value = Value(0xFFFA_0000_0000_00FF);
const EMPTY: u32 = u32::MAX;
/// Hash parts with at most this many entries have no index (linear scan).
const SMALL_HASH: usize = 8;

#[derive(Clone, Copy)]
pub struct Entry {
    pub key: Value,
    pub value: Value,
}

#[repr(C)]
pub struct Table {
    pub header: GcHeader,
    pub array: Vec<Value>,
    pub entries: Vec<Entry>,
    index: Box<[u32]>,
    pub meta: Option<Gc<Table>>,
}

impl HeapObject for Table {
    const KIND: ObjKind = ObjKind::Table;
}

/// Hash of a normalised key.
#[inline(always)]
pub fn hash_key(key: Value) -> u64 {
    if key.is_inline_int() {
        return mix(key.as_inline_int_unchecked() as u64);
    }
    if key.tag() == TAG_STR {
        // SAFETY: tag checked; string values point to live Str objects.
        let s = unsafe { &*(key.as_ptr() as *const Str) };
        return mix(str_hash(s) as u64);
    }
    if let Some(i) = key.as_int() {
        return mix(i as u64);
    }
    mix(key.0)
}

#[inline(always)]
fn mix(x: u64) -> u64 {
    let x = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

/// The hash of a string's bytes (cached in the object; computed lazily for long strings).
#[inline(always)]
pub fn str_hash(s: &Str) -> u32 {
    if s.hash != 0 {
        return s.hash;
    }
    let h = hash_bytes(s.as_bytes());
    // SAFETY: the hash is a cache; writing it through a shared reference is benign in the
    // single-threaded VM (no other reference reads it concurrently).
    unsafe { (*(s as *const Str as *mut Str)).hash = h };
    h
}

/// FNV-1a style hash over the bytes (never 0).
pub fn hash_bytes(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811C_9DC5 ^ bytes.len() as u32;
    for &b in bytes {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    if h == 0 {
        1
    } else {
        h
    }
}

/// Raw key equality for normalised keys: same bits, or same contents for strings that
/// are not both interned, or same value for boxed integers.
#[inline(always)]
pub fn key_eq(a: Value, b: Value) -> bool {
    if a.0 == b.0 {
        return true;
    }
    key_eq_slow(a, b)
}

/// True for keys that can equal a key with different bits: long (non-interned) strings
/// and boxed integers.
#[inline]
fn needs_content_eq(k: Value) -> bool {
    if k.tag() == TAG_STR {
        // SAFETY: tag checked; string values point to live Str objects.
        return !unsafe { &*(k.as_ptr() as *const Str) }.interned;
    }
    k.is_big_int()
}

#[cold]
fn key_eq_slow(a: Value, b: Value) -> bool {
    if a.tag() == TAG_STR && b.tag() == TAG_STR {
        // SAFETY: tags checked.
        let (sa, sb) = unsafe { (&*(a.as_ptr() as *const Str), &*(b.as_ptr() as *const Str)) };
        if sa.interned && sb.interned {
            return false;
        }
        return sa.as_bytes() == sb.as_bytes();
    }
    if a.is_big_int() || b.is_big_int() {
        return a.as_int().is_some() && a.as_int() == b.as_int();
    }
    false
}

impl Table {
    pub fn new(array_hint: usize, hash_hint: usize) -> Table {
        Table::with_array(Vec::new(), array_hint, hash_hint)
    }

    /// A new table using `array` (empty, maybe with capacity) as its array buffer.
    pub fn with_array(array: Vec<Value>, array_hint: usize, hash_hint: usize) -> Table {
        debug_assert!(array.is_empty());
        let mut t = Table {
            header: GcHeader::new(ObjKind::Table),
            array,
            entries: Vec::new(),
            index: Box::new([]),
            meta: None,
        };
        if array_hint > 0 {
            if t.array.capacity() < array_hint {
                t.array.reserve_exact(array_hint);
            }
            gc::account(array_hint * 8);
        }
        if hash_hint > 0 {
            t.rebuild(hash_hint);
        }
        t
    }

    /// Cache for metamethod lookups when this table is used as a metatable: bit `e` set
    /// means event `e` is known to be absent. Cleared whenever a key is inserted. (Kept
    /// in the header's spare word.)
    #[inline(always)]
    pub fn absent_events(&self) -> u32 {
        self.header.aux
    }

    #[inline(always)]
    pub fn set_absent_events(&mut self, bits: u32) {
        self.header.aux = bits;
    }

    /// Approximate heap bytes owned by this table (for GC accounting).
    pub fn owned_bytes(&self) -> usize {
        self.array.capacity() * 8 + self.entries.capacity() * 16 + self.index.len() * 4
    }

    #[inline(always)]
    fn find(&self, key: Value) -> Option<usize> {
        if self.index.is_empty() {
            // Small part: identical bits first (interned strings, small ints, ...); only
            // long strings and boxed integers need a content comparison.
            if let Some(p) = self.entries.iter().position(|e| e.key.0 == key.0) {
                return Some(p);
            }
            if !needs_content_eq(key) {
                return None;
            }
        }
        self.find_with(|| hash_key(key), |k| key_eq(k, key))
    }

    /// `find` for the out-of-line table paths (not inlined into the dispatch loop, whose
    /// code `find` is part of): when no stored key can equal `key` with different bits
    /// (interned strings, inline integers, booleans, objects), probing compares bits only
    /// and never calls `key_eq_slow` on a collision.
    #[inline(always)]
    fn find_bits(&self, key: Value) -> Option<usize> {
        if self.index.is_empty() || needs_content_eq(key) {
            return self.find(key);
        }
        self.find_with(|| hash_key(key), |k| k.0 == key.0)
    }

    #[inline(always)]
    fn find_with(&self, hash: impl FnOnce() -> u64, eq: impl Fn(Value) -> bool) -> Option<usize> {
        if self.index.is_empty() {
            // Small hash parts have no index: scan the few entries (dead entries hold
            // DEAD_KEY, which equals no key).
            return self.entries.iter().position(|e| eq(e.key));
        }
        let mask = self.index.len() - 1;
        let mut slot = (hash() as usize) & mask;
        loop {
            // SAFETY: slot <= mask < index.len(); every non-EMPTY index slot holds the
            // position of an existing entry (set by append/insert, rebuilt together).
            let e = unsafe { *self.index.get_unchecked(slot) };
            if e == EMPTY {
                return None;
            }
            let key = unsafe { self.entries.get_unchecked(e as usize).key };
            if eq(key) {
                return Some(e as usize);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Finds the entry of integer key `i` (inline or boxed).
    #[inline(always)]
    fn find_int(&self, i: i64) -> Option<usize> {
        if crate::value::fits_inline(i) {
            self.find(Value::inline_int(i))
        } else {
            self.find_with(|| mix(i as u64), |k| k.as_int() == Some(i))
        }
    }

    /// Raw get with a normalised key.
    #[inline(always)]
    pub fn get(&self, key: Value) -> Value {
        if key.is_inline_int() {
            return self.get_int(key.as_inline_int_unchecked());
        }
        match self.find(key) {
            Some(e) => self.entries[e].value,
            None => Value::NIL,
        }
    }

    #[inline(always)]
    pub fn get_int(&self, i: i64) -> Value {
        let idx = (i as u64).wrapping_sub(1);
        if idx < self.array.len() as u64 {
            return self.array[idx as usize];
        }
        if self.entries.is_empty() {
            return Value::NIL;
        }
        match self.find_int(i) {
            Some(e) => self.entries[e].value,
            None => Value::NIL,
        }
    }

    /// The array-part item of key `i`, if `i` is inside the array part (the
    /// interpreter's inline fast path; everything else is out of line).
    #[inline(always)]
    pub fn array_get(&self, i: i64) -> Option<Value> {
        let idx = (i as u64).wrapping_sub(1);
        if idx < self.array.len() as u64 {
            // SAFETY: idx < array.len() (checked just above).
            Some(unsafe { *self.array.get_unchecked(idx as usize) })
        } else {
            None
        }
    }

    /// Raw get of a string key into `*dst` when that completes an index operation
    /// (found, or no metatable); false leaves `*dst` alone (metamethod lookup next).
    /// Out of line: the interpreter reloads its state after it (`off_line!`).
    #[inline(never)]
    pub fn get_str_into(&self, key: Value, dst: *mut Value) -> bool {
        let v = match self.find_bits(key) {
            Some(e) => self.entries[e].value,
            None => Value::NIL,
        };
        if v.is_nil() && self.meta.is_some() {
            return false;
        }
        // SAFETY: the caller passes a register of the running frame, which nothing here
        // can move (a raw table get neither allocates nor runs code).
        unsafe { *dst = v };
        true
    }

    /// Raw get of an inline-integer or string key into `*dst` when that completes an
    /// index operation (found, or no metatable); false leaves `*dst` alone (`__index`
    /// lookup next). The GETTABLE path for keys outside the array part (hash-part
    /// integers, string variables): a raw lookup instead of the metamethod slow path.
    #[inline(never)]
    pub fn get_into(&self, key: Value, dst: *mut Value) -> bool {
        let v = if key.is_inline_int() {
            match self.array_get(key.as_inline_int_unchecked()) {
                Some(v) => v,
                None => self.hash_value(key),
            }
        } else if key.is_str() {
            self.hash_value(key)
        } else {
            return false;
        };
        if v.is_nil() && self.meta.is_some() {
            return false;
        }
        // SAFETY: as in `get_str_into`: `dst` is a register of the running frame and a
        // raw get neither allocates nor runs code.
        unsafe { *dst = v };
        true
    }

    /// Raw set of an inline-integer or string key that completes an assignment: always
    /// without a metatable; with one only if the key is present with a non-nil value
    /// (`__newindex` applies to absent keys only). False: nothing done. Out of line: the
    /// interpreter reloads its state after it (`off_line!`).
    #[inline(never)]
    pub fn set_out_of_line(&mut self, key: Value, value: Value) -> bool {
        if !key.is_inline_int() && !key.is_str() {
            return false;
        }
        if self.meta.is_some() {
            // Array-part keys were handled inline; here only hash-part entries count.
            return match self.find_bits(key) {
                Some(e) if !self.entries[e].value.is_nil() => {
                    self.entries[e].value = value;
                    true
                }
                _ => false,
            };
        }
        if key.is_str() {
            self.set_hash(key, value);
        } else {
            self.set_small_int(key.as_inline_int_unchecked(), value);
        }
        true
    }

    /// The value of a key of the hash part (nil if absent).
    #[inline(always)]
    fn hash_value(&self, key: Value) -> Value {
        if self.entries.is_empty() {
            return Value::NIL;
        }
        match self.find_bits(key) {
            // SAFETY: `find_bits` returns positions of existing entries.
            Some(e) => unsafe { self.entries.get_unchecked(e).value },
            None => Value::NIL,
        }
    }

    /// The array-part slot of key `i`, if `i` is inside the array part.
    #[inline(always)]
    pub fn array_slot(&mut self, i: i64) -> Option<&mut Value> {
        let idx = (i as u64).wrapping_sub(1);
        if idx < self.array.len() as u64 {
            // SAFETY: idx < array.len() (checked just above).
            Some(unsafe { self.array.get_unchecked_mut(idx as usize) })
        } else {
            None
        }
    }

    /// `set_small_int` as an out-of-line call (appends and hash-part keys from the
    /// interpreter); always true (the `off_line!` protocol: the store is done).
    #[inline(never)]
    pub fn set_int_out_of_line(&mut self, i: i64, value: Value) -> bool {
        if !self.try_push(i, value) {
            self.set_small_int(i, value);
        }
        true
    }

    /// Appends `value` as key `i` when that is a plain push: `i` is the key just after
    /// the array part, the buffer has room, there is no hash part (whose integer keys
    /// might have to move into the array) and the value is not nil. The common append
    /// (`t[#t + 1] = v`, filling a fresh array) without the general path; false: nothing
    /// done.
    #[inline(always)]
    fn try_push(&mut self, i: i64, value: Value) -> bool {
        let len = self.array.len();
        if (i as u64).wrapping_sub(1) == len as u64 && len < self.array.capacity() && self.entries.is_empty() && !value.is_nil() {
            // SAFETY: len < capacity, so slot `len` is allocated; it is initialised
            // before the length covers it.
            unsafe {
                self.array.as_mut_ptr().add(len).write(value);
                self.array.set_len(len + 1);
            }
            true
        } else {
            false
        }
    }

    #[inline(always)]
    pub fn get_str(&self, key: Gc<Str>) -> Value {
        let key = Value::from_ptr(crate::value::TAG_STR, key.header());
        match self.find(key) {
            Some(e) => self.entries[e].value,
            None => Value::NIL,
        }
    }

    /// Raw get of a string key with a cached entry index (global variable access).
    #[inline(always)]
    pub fn get_with_hint(&self, key: Value, hint: &std::cell::Cell<u32>) -> Value {
        if let Some(e) = self.entries.get(hint.get() as usize) {
            if e.key.0 == key.0 {
                return e.value;
            }
        }
        match self.find(key) {
            Some(e) => {
                hint.set(e as u32);
                self.entries[e].value
            }
            None => Value::NIL,
        }
    }

    /// Raw get of a constant string key (GETFIELD) with a cached entry index: tables
    /// built the same way (records, objects) hold a field at the same entry index, so
    /// one bit comparison usually replaces the lookup.
    #[inline(always)]
    pub fn get_field_cached(&self, key: Value, hint: &std::cell::Cell<u32>) -> Value {
        if let Some(e) = self.entries.get(hint.get() as usize) {
            if e.key.0 == key.0 {
                return e.value;
            }
        }
        self.get_field_miss(key, hint)
    }

    #[inline(never)]
    fn get_field_miss(&self, key: Value, hint: &std::cell::Cell<u32>) -> Value {
        match self.find(key) {
            Some(e) => {
                hint.set(e as u32);
                self.entries[e].value
            }
            None => Value::NIL,
        }
    }

    /// Overwrites the value of an existing, non-nil entry for a constant string key
    /// (SETFIELD fast path); returns false (nothing done) if the key is absent or holds
    /// nil, where insertion order or `__newindex` matter. Storing into a present key is
    /// a raw set even with a metatable (`__newindex` only applies to absent keys).
    #[inline(always)]
    pub fn set_field_cached(&mut self, key: Value, value: Value, hint: &std::cell::Cell<u32>) -> bool {
        let idx = hint.get() as usize;
        if let Some(e) = self.entries.get_mut(idx) {
            if e.key.0 == key.0 && !e.value.is_nil() {
                e.value = value;
                return true;
            }
        }
        self.set_field_miss(key, value, hint)
    }

    #[inline(never)]
    fn set_field_miss(&mut self, key: Value, value: Value, hint: &std::cell::Cell<u32>) -> bool {
        match self.find(key) {
            Some(e) if !self.entries[e].value.is_nil() => {
                hint.set(e as u32);
                self.entries[e].value = value;
                true
            }
            _ => false,
        }
    }

    /// Overwrites the value of an existing, non-nil string key (global assignment fast
    /// path); or, for a table without metatable, performs the raw set. Returns false if
    /// `__newindex` may apply.
    #[inline(always)]
    pub fn set_existing_with_hint(&mut self, key: Value, value: Value, hint: &std::cell::Cell<u32>) -> bool {
        let idx = hint.get() as usize;
        if idx < self.entries.len() && self.entries[idx].key.0 == key.0 && !self.entries[idx].value.is_nil() {
            self.entries[idx].value = value;
            return true;
        }
        if self.meta.is_none() {
            self.set(key, value);
            if let Some(e) = self.find(key) {
                hint.set(e as u32);
            }
            return true;
        }
        false
    }

    /// Raw set with a normalised, non-nil, non-NaN key.
    #[inline]
    pub fn set(&mut self, key: Value, value: Value) {
        if let Some(i) = key.as_int() {
            return self.set_int_key(i, key, value);
        }
        self.set_hash(key, value);
    }

    /// Raw set of an integer key in the inline range (|i| < 2^47).
    #[inline]
    pub fn set_small_int(&mut self, i: i64, value: Value) {
        debug_assert!(crate::value::fits_inline(i));
        self.set_int_key(i, Value::inline_int(i), value)
    }

    /// `key` is the boxed-or-inline form of `i` (used for the hash part).
    #[inline]
    fn set_int_key(&mut self, i: i64, key: Value, value: Value) {
        let idx = (i as u64).wrapping_sub(1);
        let len = self.array.len() as u64;
        if idx < len {
            self.array[idx as usize] = value;
            return;
        }
        if idx == len && !value.is_nil() {
            self.push_array(value);
            return;
        }
        self.set_hash(key, value);
    }

    /// Makes room for array items up to key `total` when the array part is filled up to
    /// below it (a constructor's SETLIST), so that the pushes do not regrow it.
    #[inline]
    pub fn reserve_array(&mut self, total: usize) {
        let (len, cap) = (self.array.len(), self.array.capacity());
        if cap < total && len < total {
            self.array.reserve_exact(total - len);
            gc::account((self.array.capacity() - cap) * 8);
        }
    }

    fn push_array(&mut self, value: Value) {
        if self.array.len() == self.array.capacity() {
            let before = self.array.capacity();
            self.array.reserve(self.array.len().max(4));
            gc::account((self.array.capacity() - before) * 8);
        }
        self.array.push(value);
        // Keep the invariant: keys following the array part move in from the hash part.
        if !self.entries.is_empty() {
            loop {
                let next = self.array.len() as i64 + 1;
                match self.find_int(next) {
                    Some(e) if !self.entries[e].value.is_nil() => {
                        let v = self.entries[e].value;
                        self.entries[e].value = Value::NIL;
                        self.array.push(v);
                    }
                    _ => break,
                }
            }
        }
    }

    fn set_hash(&mut self, key: Value, value: Value) {
        if let Some(e) = self.find_bits(key) {
            let entry = &mut self.entries[e];
            if !entry.value.is_nil() || value.is_nil() {
                entry.value = value;
                return;
            }
            // Re-insertion of a removed key: it moves to the end of the order.
            entry.key = DEAD_KEY;
            self.insert_new(key, value, Some(e));
            return;
        }
        if value.is_nil() {
            return;
        }
        self.insert_new(key, value, None);
    }

    fn insert_new(&mut self, key: Value, value: Value, old_entry: Option<usize>) {
        self.header.aux = 0;
        if self.entries.len() == self.entries.capacity() {
            let live = self.entries.iter().filter(|e| !e.value.is_nil() && e.key != DEAD_KEY).count();
            self.rebuild(live + 1);
            // The old entry (if any) was dropped by the rebuild (dead), so just append.
            self.append_entry(key, value);
            return;
        }
        let pos = self.entries.len();
        self.entries.push(Entry { key, value });
        if self.index.is_empty() {
            return;
        }
        let mask = self.index.len() - 1;
        let mut slot = (hash_key(key) as usize) & mask;
        loop {
            let e = self.index[slot];
            if e == EMPTY {
                self.index[slot] = pos as u32;
                return;
            }
            if Some(e as usize) == old_entry {
                self.index[slot] = pos as u32;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    fn append_entry(&mut self, key: Value, value: Value) {
        let pos = self.entries.len();
        self.entries.push(Entry { key, value });
        if self.index.is_empty() {
            return;
        }
        let mask = self.index.len() - 1;
        let mut slot = (hash_key(key) as usize) & mask;
        while self.index[slot] != EMPTY {
            slot = (slot + 1) & mask;
        }
        self.index[slot] = pos as u32;
    }

    /// Compacts the entries (dropping nil-valued and dead ones) and rebuilds the index
    /// with room for at least `need` entries.
    fn rebuild(&mut self, need: usize) {
        let before = self.owned_bytes();
        let cap = need.max(4).next_power_of_two();
        let old = std::mem::take(&mut self.entries);
        self.entries = Vec::with_capacity(cap);
        // Up to SMALL_HASH entries are found by a linear scan: no index to build.
        self.index = if cap > SMALL_HASH { vec![EMPTY; cap * 2].into_boxed_slice() } else { Box::new([]) };
        for e in old {
            if e.key != DEAD_KEY && !e.value.is_nil() {
                self.append_entry(e.key, e.value);
            }
        }
        let after = self.owned_bytes();
        gc::account(after.saturating_sub(before));
    }

    /// A border (spec 4.5), like Lua's `luaH_getn`.
    pub fn border(&self) -> i64 {
        let n = self.array.len();
        if n > 0 && self.array[n - 1].is_nil() {
            // Binary search for a border inside the array part.
            let (mut lo, mut hi) = (0usize, n); // array[lo-1] non-nil (or lo == 0), array[hi-1] nil
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if self.array[mid - 1].is_nil() {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return lo as i64;
        }
        if self.entries.is_empty() {
            return n as i64;
        }
        // Unbounded search in the hash part.
        let mut i = n as i64;
        let mut j = i + 1;
        while !self.get_int(j).is_nil() {
            i = j;
            if j > i64::MAX / 2 {
                // Pathological: linear search.
                let mut k = 1;
                while !self.get_int(k).is_nil() {
                    k += 1;
                }
                return k - 1;
            }
            j *= 2;
        }
        while j - i > 1 {
            let m = i + (j - i) / 2;
            if self.get_int(m).is_nil() {
                j = m;
            } else {
                i = m;
            }
        }
        i
    }

    /// The first non-nil pair at traversal position >= `pos`, with the position after it.
    #[inline]
    pub fn next_from(&self, mut pos: usize) -> Option<(usize, Value, Value)> {
        let n = self.array.len();
        while pos < n {
            let v = self.array[pos];
            if !v.is_nil() {
                // Array positions are far below the inline-integer limit.
                return Some((pos + 1, Value::inline_int(pos as i64 + 1), v));
            }
            pos += 1;
        }
        let mut e = pos - n;
        while e < self.entries.len() {
            let entry = self.entries[e];
            if !entry.value.is_nil() && entry.key != DEAD_KEY {
                return Some((n + e + 1, entry.key, entry.value));
            }
            e += 1;
        }
        None
    }

    /// Every non-nil (key, value) pair in traversal order (raw; the table must not be
    /// modified while the iterator is in use).
    pub fn pairs(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        let mut pos = 0;
        std::iter::from_fn(move || {
            let (next, k, v) = self.next_from(pos)?;
            pos = next;
            Some((k, v))
        })
    }

    /// The traversal position just after `key` (for `next`); None if the key is absent.
    pub fn position_after(&self, key: Value) -> Option<usize> {
        if key.is_nil() {
            return Some(0);
        }
        if let Some(i) = key.as_int() {
            if i >= 1 && (i as u64) <= self.array.len() as u64 {
                return Some(i as usize);
            }
        }
        self.find(key).map(|e| self.array.len() + e + 1)
    }

    /// Number of key/value pairs (for `table.count`).
    pub fn count(&self) -> usize {
        self.array.iter().filter(|v| !v.is_nil()).count()
            + self.entries.iter().filter(|e| !e.value.is_nil() && e.key != DEAD_KEY).count()
    }

    /// Visits every value and live key (for the GC).
    pub fn for_each_value(&self, mut f: impl FnMut(Value)) {
        for &v in &self.array {
            f(v);
        }
        self.for_each_entry_value(f);
    }

    /// Visits every value and live key of the hash part.
    pub fn for_each_entry_value(&self, mut f: impl FnMut(Value)) {
        for e in &self.entries {
            if e.key != DEAD_KEY {
                f(e.key);
                f(e.value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_stays_small() {
        // Every table pays for these bytes (GC tracing and sweeping touch them).
        assert!(std::mem::size_of::<Table>() <= 80, "Table grew to {} bytes", std::mem::size_of::<Table>());
        assert_eq!(std::mem::size_of::<GcHeader>(), 8);
    }

    #[test]
    fn pooled_array_buffer_is_reused_empty() {
        let mut v = Vec::with_capacity(4);
        v.push(Value::TRUE);
        v.clear();
        let t = Table::with_array(v, 2, 0);
        assert_eq!(t.array.len(), 0);
        assert!(t.array.capacity() >= 2);
        assert_eq!(t.border(), 0);
    }
}
