//! The `table` library (spec 12.3). The Lua functions (`concat`, `insert`, `move`, `pack`,
//! `remove`, `sort`, `unpack`) use ordinary indexing (metamethods apply), with a raw fast path
//! for tables without a metatable. `sort` is a stable merge sort that tolerates inconsistent
//! comparators. The GScript extras use raw access and return new tables unless stated.
//!
//! GC: builtins here that call back into scripts (sort comparators, map/filter/reduce/
//! fromArray callbacks) keep the values they created reachable through `vm.pinned`.

use crate::error::RtError;
use crate::function::Args;
use crate::object::{value_as, Gc};
use crate::ops;
use crate::table::Table;
use crate::value::{fits_inline, Value};
use crate::vm::Vm;

type R = Result<usize, RtError>;

pub fn open(vm: &mut Vm) {
    let t = vm.new_table(0, 32);
    let funcs: &[(&'static str, &'static str, crate::function::NativeFn)] = &[
        ("concat", "table.concat", concat),
        ("insert", "table.insert", insert),
        ("move", "table.move", move_),
        ("pack", "table.pack", pack),
        ("remove", "table.remove", remove),
        ("sort", "table.sort", sort),
        ("unpack", "table.unpack", super::base::unpack),
        ("keys", "table.keys", keys),
        ("values", "table.values", values),
        ("toArray", "table.toArray", values),
        ("contains", "table.contains", contains),
        ("indexOf", "table.indexOf", index_of),
        ("copy", "table.copy", copy),
        ("merge", "table.merge", merge),
        ("count", "table.count", count),
        ("fromArray", "table.fromArray", from_array),
        ("unique", "table.unique", unique),
        ("flatten", "table.flatten", flatten),
        ("zip", "table.zip", zip),
        ("reverse", "table.reverse", reverse),
        ("slice", "table.slice", slice),
        ("filter", "table.filter", filter),
        ("map", "table.map", map),
        ("reduce", "table.reduce", reduce),
    ];
    for &(name, q, f) in funcs {
        vm.register(t, name, q, f);
    }
    vm.set_field(vm.globals, "table", Vm::table_value(t));
}

// ---- element access ----

/// Raw `t[i] = v` for any integer i.
#[inline]
pub fn raw_seti(vm: &mut Vm, mut t: Gc<Table>, i: i64, v: Value) {
    if fits_inline(i) {
        t.set_small_int(i, v);
    } else {
        let k = vm.int(i);
        t.set(k, v);
    }
}

/// `t[i]` with `__index`.
#[inline]
fn geti(vm: &mut Vm, t: Value, i: i64) -> Result<Value, RtError> {
    if let Some(tb) = value_as::<Table>(t) {
        if tb.meta.is_none() {
            return Ok(tb.get_int(i));
        }
    }
    let k = vm.int(i);
    vm.index_value(t, k)
}

/// `t[i] = v` with `__newindex`.
#[inline]
fn seti(vm: &mut Vm, t: Value, i: i64, v: Value) -> Result<(), RtError> {
    if let Some(tb) = value_as::<Table>(t) {
        if tb.meta.is_none() {
            raw_seti(vm, tb, i, v);
            return Ok(());
        }
    }
    let k = vm.int(i);
    vm.set_index(t, k, v)
}

/// `#t` with `__len`; must be an integer.
fn getn(vm: &mut Vm, t: Value) -> Result<i64, RtError> {
    if let Some(tb) = value_as::<Table>(t) {
        if tb.meta.is_none() {
            return Ok(tb.border());
        }
    }
    let l = vm.length_of(t)?;
    match l.as_int() {
        Some(n) => Ok(n),
        None => Err(vm.rt_error("object length is not an integer")),
    }
}

fn check_tab(vm: &mut Vm, a: Args, n: usize) -> Result<Value, RtError> {
    Ok(Vm::table_value(vm.check_table(a, n)?))
}

/// Runs `f` with `v` pinned (kept reachable) across calls back into scripts.
fn with_pinned<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vm) -> Result<T, RtError>) -> Result<T, RtError> {
    let base = vm.pinned.len();
    vm.pinned.push(v);
    let r = f(vm);
    vm.pinned.truncate(base);
    r
}

// ---- Lua functions ----

fn concat(vm: &mut Vm, a: Args) -> R {
    let t = check_tab(vm, a, 1)?;
    let last = getn(vm, t)?;
    let sep = vm.opt_bytes(a, 2, b"")?;
    let mut i = vm.opt_int(a, 3, 1)?;
    let last = vm.opt_int(a, 4, last)?;
    let mut out: Vec<u8> = Vec::new();
    while i <= last {
        let v = geti(vm, t, i)?;
        if !ops::concat_piece(v, &mut out) {
            let tn = vm.type_name_for_msg(v);
            return Err(vm.rt_error(format!("invalid value ({}) at index {} in table for 'concat'", tn, i)));
        }
        if i == last {
            break;
        }
        out.extend_from_slice(sep);
        if out.len() > vm.limits.max_string {
            return Err(vm.rt_error("resulting string too large"));
        }
        i += 1;
    }
    let v = vm.string_value_owned(out);
    vm.ret1(v)
}

fn insert(vm: &mut Vm, a: Args) -> R {
    let t = check_tab(vm, a, 1)?;
    let e = getn(vm, t)?.wrapping_add(1);
    match a.count {
        2 => {
            let v = vm.arg(a, 2);
            seti(vm, t, e, v)?;
        }
        3 => {
            let pos = vm.check_int(a, 2)?;
            if (pos as u64).wrapping_sub(1) >= e as u64 {
                return Err(vm.arg_error(2, "position out of bounds"));
            }
            let mut i = e;
            while i > pos {
                let v = geti(vm, t, i - 1)?;
                seti(vm, t, i, v)?;
                i -= 1;
            }
            let v = vm.arg(a, 3);
            seti(vm, t, pos, v)?;
        }
        _ => return Err(vm.rt_error("wrong number of arguments to 'insert'")),
    }
    Ok(0)
}

fn remove(vm: &mut Vm, a: Args) -> R {
    let t = check_tab(vm, a, 1)?;
    let size = getn(vm, t)?;
    let mut pos = vm.opt_int(a, 2, size)?;
    if a.count >= 2 && pos != size && (pos as u64).wrapping_sub(1) > size as u64 {
        return Err(vm.arg_error(1, "position out of bounds"));
    }
    let result = geti(vm, t, pos)?;
    // Keep the result reachable while elements move (metamethods may run).
    with_pinned(vm, result, |vm| {
        while pos < size {
            let v = geti(vm, t, pos + 1)?;
            seti(vm, t, pos, v)?;
            pos += 1;
        }
        seti(vm, t, pos, Value::NIL)
    })?;
    vm.ret1(result)
}

fn move_(vm: &mut Vm, a: Args) -> R {
    let a1 = vm.arg(a, 1);
    let f = vm.check_int(a, 2)?;
    let e = vm.check_int(a, 3)?;
    let t = vm.check_int(a, 4)?;
    let tt = if vm.arg(a, 5).is_nil() { 1 } else { 5 };
    check_tab(vm, a, 1)?;
    let dst = check_tab(vm, a, tt)?;
    if e >= f {
        if !(f > 0 || e < i64::MAX + f) {
            return Err(vm.arg_error(3, "too many elements to move"));
        }
        let n = e - f + 1;
        if t > i64::MAX - n + 1 {
            return Err(vm.arg_error(4, "destination wrap around"));
        }
        let same = tt == 1 || ops::raw_equal(a1, dst);
        if t > e || t <= f || !same {
            for i in 0..n {
                let v = geti(vm, a1, f + i)?;
                seti(vm, dst, t + i, v)?;
            }
        } else {
            let mut i = n - 1;
            while i >= 0 {
                let v = geti(vm, a1, f + i)?;
                seti(vm, dst, t + i, v)?;
                i -= 1;
            }
        }
    }
    vm.ret1(dst)
}

fn pack(vm: &mut Vm, a: Args) -> R {
    let t = vm.new_table(a.count, 1);
    for n in 1..=a.count {
        let v = vm.arg(a, n);
        raw_seti(vm, t, n as i64, v);
    }
    let nv = vm.int(a.count as i64);
    vm.set_field(t, "n", nv);
    vm.ret1(Vm::table_value(t))
}

// ---- sort ----

enum Order {
    /// `<` on numbers only (no calls).
    Numbers,
    /// `<` on strings only (no calls).
    Strings,
    /// `<` with metamethods.
    Less,
    /// A script comparator.
    Func(Value),
}

#[inline]
fn before(vm: &mut Vm, order: &Order, x: Value, y: Value) -> Result<bool, RtError> {
    match order {
        Order::Numbers => Ok(ops::num_lt(x, y)),
        Order::Strings => Ok(Vm::str_bytes(x).unwrap_or(&[]) < Vm::str_bytes(y).unwrap_or(&[])),
        Order::Less => vm.less(x, y, true),
        Order::Func(f) => Ok(vm.call_first(*f, &[x, y])?.is_truthy()),
    }
}

/// Stable merge sort; `buf` is scratch space of the same length. Inconsistent orders give
/// some permutation, never a loop or panic.
fn merge_sort(vm: &mut Vm, order: &Order, v: &mut [Value], buf: &mut [Value]) -> Result<(), RtError> {
    let n = v.len();
    if n <= 12 {
        for i in 1..n {
            let x = v[i];
            let mut j = i;
            while j > 0 && before(vm, order, x, v[j - 1])? {
                v[j] = v[j - 1];
                j -= 1;
            }
            v[j] = x;
        }
        return Ok(());
    }
    let mid = n / 2;
    {
        let (lv, rv) = v.split_at_mut(mid);
        let (lb, rb) = buf.split_at_mut(mid);
        merge_sort(vm, order, lv, lb)?;
        merge_sort(vm, order, rv, rb)?;
    }
    // Already ordered?
    if !before(vm, order, v[mid], v[mid - 1])? {
        return Ok(());
    }
    buf[..n].copy_from_slice(v);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if before(vm, order, buf[j], buf[i])? {
            v[k] = buf[j];
            j += 1;
        } else {
            v[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        v[k] = buf[i];
        i += 1;
        k += 1;
    }
    while j < n {
        v[k] = buf[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

fn sort(vm: &mut Vm, a: Args) -> R {
    let t = check_tab(vm, a, 1)?;
    let n = getn(vm, t)?;
    if n <= 1 {
        return Ok(0);
    }
    if n >= i64::from(i32::MAX) {
        return Err(vm.arg_error(1, "array too big"));
    }
    let cmp = vm.arg(a, 2);
    if !cmp.is_nil() && !cmp.is_function() {
        return Err(vm.type_error(2, "function", cmp, true));
    }
    let mut items: Vec<Value> = Vec::with_capacity(n as usize);
    let base = vm.pinned.len();
    let r = (|| {
        for i in 1..=n {
            let v = geti(vm, t, i)?;
            vm.pinned.push(v);
            items.push(v);
        }
        let order = if !cmp.is_nil() {
            Order::Func(cmp)
        } else if items.iter().all(|v| v.is_number()) {
            Order::Numbers
        } else if items.iter().all(|v| v.is_str()) {
            Order::Strings
        } else {
            Order::Less
        };
        let mut buf = vec![Value::NIL; items.len()];
        merge_sort(vm, &order, &mut items, &mut buf)?;
        for (i, &v) in items.iter().enumerate() {
            seti(vm, t, i as i64 + 1, v)?;
        }
        Ok(())
    })();
    vm.pinned.truncate(base);
    r?;
    Ok(0)
}

// ---- extras (raw access) ----

fn new_array(vm: &mut Vm, items: &[Value]) -> Value {
    let t = vm.new_table(items.len(), 0);
    for (i, &v) in items.iter().enumerate() {
        raw_seti(vm, t, i as i64 + 1, v);
    }
    Vm::table_value(t)
}

/// The list elements `t[1..#t]` (raw).
fn list_of(t: &Table) -> Vec<Value> {
    let n = t.border();
    (1..=n).map(|i| t.get_int(i)).collect()
}

fn keys(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let out: Vec<Value> = t.pairs().map(|(k, _)| k).collect();
    let r = new_array(vm, &out);
    vm.ret1(r)
}

fn values(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let out: Vec<Value> = t.pairs().map(|(_, v)| v).collect();
    let r = new_array(vm, &out);
    vm.ret1(r)
}

fn contains(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let x = vm.arg(a, 2);
    let found = t.pairs().any(|(_, v)| ops::raw_equal(v, x));
    vm.ret1(Value::bool(found))
}

fn index_of(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let x = vm.arg(a, 2);
    let n = t.border();
    for i in 1..=n {
        if ops::raw_equal(t.get_int(i), x) {
            let r = vm.int(i);
            return vm.ret1(r);
        }
    }
    vm.ret1(Value::NIL)
}

fn copy_pairs(from: &Table, mut to: Gc<Table>) {
    for (k, v) in from.pairs() {
        to.set(k, v);
    }
}

fn copy(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let r = vm.new_table(t.array.len(), t.entries.len());
    copy_pairs(&t, r);
    vm.ret1(Vm::table_value(r))
}

fn merge(vm: &mut Vm, a: Args) -> R {
    let dst = vm.check_table(a, 1)?;
    let src = vm.check_table(a, 2)?;
    copy_pairs(&src, dst);
    vm.ret1(Vm::table_value(dst))
}

fn count(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let n = vm.int(t.count() as i64);
    vm.ret1(n)
}

fn check_func(vm: &mut Vm, a: Args, n: usize) -> Result<Value, RtError> {
    let f = vm.arg(a, n);
    if !f.is_function() {
        return Err(vm.type_error(n, "function", f, n <= a.count));
    }
    Ok(f)
}

fn from_array(vm: &mut Vm, a: Args) -> R {
    let arr = vm.check_table(a, 1)?;
    let f = check_func(vm, a, 2)?;
    let mut r = vm.new_table(0, 4);
    let rv = Vm::table_value(r);
    with_pinned(vm, rv, |vm| {
        let n = arr.border();
        for i in 1..=n {
            let v = arr.get_int(i);
            let k = vm.call_first(f, &[v])?;
            let k = vm.table_key(k)?;
            r.set(k, v);
        }
        Ok(())
    })?;
    vm.ret1(rv)
}

fn unique(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let mut seen = vm.new_table(0, 0);
    let mut out = Vec::new();
    for v in list_of(&t) {
        match ops::normalize_key(vm, v) {
            Ok(k) => {
                if seen.get(k).is_nil() {
                    seen.set(k, Value::TRUE);
                    out.push(v);
                }
            }
            // NaN (never equal to anything) or nil (not in a list).
            Err(_) => out.push(v),
        }
    }
    let r = new_array(vm, &out);
    vm.ret1(r)
}

fn flatten_into(vm: &mut Vm, t: &Table, depth: i64, level: u32, out: &mut Vec<Value>) -> Result<(), RtError> {
    if level >= vm.limits.max_rust_depth {
        return Err(vm.rt_error("stack overflow"));
    }
    let n = t.border();
    for i in 1..=n {
        let v = t.get_int(i);
        match value_as::<Table>(v) {
            Some(inner) if depth > 0 => flatten_into(vm, &inner, depth - 1, level + 1, out)?,
            _ => out.push(v),
        }
    }
    Ok(())
}

fn flatten(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let depth = vm.opt_int(a, 2, i64::MAX)?;
    let mut out = Vec::new();
    flatten_into(vm, &t, depth, 0, &mut out)?;
    let r = new_array(vm, &out);
    vm.ret1(r)
}

fn zip(vm: &mut Vm, a: Args) -> R {
    let x = vm.check_table(a, 1)?;
    let y = vm.check_table(a, 2)?;
    let n = x.border().min(y.border()).max(0);
    let r = vm.new_table(n as usize, 0);
    for i in 1..=n {
        let pair = vm.new_table(2, 0);
        raw_seti(vm, pair, 1, x.get_int(i));
        raw_seti(vm, pair, 2, y.get_int(i));
        raw_seti(vm, r, i, Vm::table_value(pair));
    }
    vm.ret1(Vm::table_value(r))
}

fn reverse(vm: &mut Vm, a: Args) -> R {
    let mut t = vm.check_table(a, 1)?;
    let n = t.border();
    let (mut i, mut j) = (1i64, n);
    while i < j {
        let (x, y) = (t.get_int(i), t.get_int(j));
        raw_seti(vm, t, i, y);
        raw_seti(vm, t, j, x);
        i += 1;
        j -= 1;
    }
    let _ = &mut t;
    vm.ret1(Vm::table_value(t))
}

fn slice(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let from = vm.check_int(a, 2)?;
    let to = if vm.arg(a, 3).is_nil() { t.border() } else { vm.check_int(a, 3)? };
    let r = vm.new_table(0, 0);
    if from <= to {
        let span = (to as i128) - (from as i128);
        if span < 1 << 24 {
            let mut k = 1i64;
            let mut i = from;
            loop {
                let v = t.get_int(i);
                raw_seti(vm, r, k, v);
                if i == to {
                    break;
                }
                i += 1;
                k += 1;
            }
        } else {
            // Huge range: only existing integer keys can produce elements.
            let mut pos = 0;
            while let Some((next, key, v)) = t.next_from(pos) {
                if let Some(i) = key.as_int() {
                    if i >= from && i <= to {
                        let k = (i as i128 - from as i128 + 1) as i64;
                        raw_seti(vm, r, k, v);
                    }
                }
                pos = next;
            }
        }
    }
    vm.ret1(Vm::table_value(r))
}

fn filter(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let f = check_func(vm, a, 2)?;
    let r = vm.new_table(0, 0);
    let rv = Vm::table_value(r);
    with_pinned(vm, rv, |vm| {
        let n = t.border();
        let mut k = 0i64;
        for i in 1..=n {
            let v = t.get_int(i);
            let iv = vm.int(i);
            if vm.call_first(f, &[v, iv])?.is_truthy() {
                k += 1;
                raw_seti(vm, r, k, v);
            }
        }
        Ok(())
    })?;
    vm.ret1(rv)
}

fn map(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let f = check_func(vm, a, 2)?;
    let r = vm.new_table(0, 0);
    let rv = Vm::table_value(r);
    with_pinned(vm, rv, |vm| {
        let n = t.border();
        for i in 1..=n {
            let v = t.get_int(i);
            let iv = vm.int(i);
            let x = vm.call_first(f, &[v, iv])?;
            raw_seti(vm, r, i, x);
        }
        Ok(())
    })?;
    vm.ret1(rv)
}

fn reduce(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let f = check_func(vm, a, 2)?;
    let mut acc = vm.arg(a, 3);
    let n = t.border();
    let base = vm.pinned.len();
    let r = (|| {
        for i in 1..=n {
            let v = t.get_int(i);
            acc = vm.call_first(f, &[acc, v])?;
            vm.pinned.truncate(base);
            vm.pinned.push(acc);
        }
        Ok(())
    })();
    vm.pinned.truncate(base);
    r?;
    vm.ret1(acc)
}
