//! The GScript extras of the `string` library (spec 12.2, origin GS): split, fields, join,
//! trim/trimLeft/trimRight, hasPrefix/hasSuffix/contains, count, replaceAll, repeat, title,
//! padLeft/padRight, isNumeric. All work on bytes; "whitespace" is ASCII whitespace.

use crate::error::RtError;
use crate::function::Args;
use crate::object::Gc;
use crate::stdlib::lpattern::find_plain;
use crate::stdlib::string::{check_size, is_numeric, rep_bytes};
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;

type R = Result<usize, RtError>;

pub fn open(vm: &mut Vm, t: Gc<Table>) {
    let funcs: &[(&'static str, &'static str, crate::function::NativeFn)] = &[
        ("split", "string.split", split),
        ("fields", "string.fields", fields),
        ("join", "string.join", join),
        ("trim", "string.trim", trim),
        ("trimLeft", "string.trimLeft", trim_left),
        ("trimRight", "string.trimRight", trim_right),
        ("hasPrefix", "string.hasPrefix", has_prefix),
        ("hasSuffix", "string.hasSuffix", has_suffix),
        ("contains", "string.contains", contains),
        ("count", "string.count", count),
        ("replaceAll", "string.replaceAll", replace_all),
        ("repeat", "string.repeat", repeat),
        ("title", "string.title", title),
        ("padLeft", "string.padLeft", pad_left),
        ("padRight", "string.padRight", pad_right),
        ("isNumeric", "string.isNumeric", is_numeric_fn),
    ];
    for &(name, q, f) in funcs {
        vm.register(t, name, q, f);
    }
}

/// ASCII whitespace: space, `\t`, `\n`, `\v`, `\f`, `\r`.
#[inline]
fn is_space(b: u8) -> bool {
    b == b' ' || (9..=13).contains(&b)
}

/// A new array table of byte-string pieces.
fn array_of(vm: &mut Vm, pieces: &[&[u8]]) -> R {
    let mut t = vm.new_table(pieces.len(), 0);
    // The table is unreachable until returned: no collection can happen in between
    // (allocation does not collect; only safepoints do).
    for (i, p) in pieces.iter().enumerate() {
        let v = vm.str_value(p);
        t.set_small_int(i as i64 + 1, v);
    }
    vm.ret1(Vm::table_value(t))
}

fn split(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let sep = vm.check_bytes(a, 2)?;
    let mut pieces: Vec<&[u8]> = Vec::new();
    if sep.is_empty() {
        pieces.extend(s.chunks(1));
    } else {
        let mut start = 0;
        while let Some(p) = find_plain(s, sep, start) {
            pieces.push(&s[start..p]);
            start = p + sep.len();
        }
        pieces.push(&s[start..]);
    }
    array_of(vm, &pieces)
}

fn fields(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let pieces: Vec<&[u8]> = s.split(|&b| is_space(b)).filter(|p| !p.is_empty()).collect();
    array_of(vm, &pieces)
}

fn join(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let sep = vm.opt_bytes(a, 2, b"")?;
    let n = t.border();
    let mut out: Vec<u8> = Vec::new();
    let mut i = 1i64;
    while i <= n {
        if i > 1 {
            out.extend_from_slice(sep);
        }
        let v = t.get_int(i);
        if !crate::ops::concat_piece(v, &mut out) {
            let b = vm.tostring_bytes(v)?;
            out.extend_from_slice(b);
        }
        if out.len() > vm.limits.max_string {
            return Err(vm.rt_error("resulting string too large"));
        }
        i += 1;
    }
    let v = vm.string_value_owned(out);
    vm.ret1(v)
}

/// The bytes to trim: the cutset (argument 2) or ASCII whitespace.
fn trim_aux(vm: &mut Vm, a: Args, left: bool, right: bool) -> R {
    let sv = vm.arg(a, 1);
    let s = vm.check_bytes(a, 1)?;
    let cut = if vm.arg(a, 2).is_nil() { None } else { Some(vm.check_bytes(a, 2)?) };
    let trimmed = |b: &u8| match cut {
        Some(c) => c.contains(b),
        None => is_space(*b),
    };
    let mut start = 0;
    let mut end = s.len();
    if left {
        while start < end && trimmed(&s[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && trimmed(&s[end - 1]) {
            end -= 1;
        }
    }
    if start == 0 && end == s.len() && sv.is_str() {
        return vm.ret1(sv);
    }
    let v = vm.str_value(&s[start..end]);
    vm.ret1(v)
}

fn trim(vm: &mut Vm, a: Args) -> R {
    trim_aux(vm, a, true, true)
}

fn trim_left(vm: &mut Vm, a: Args) -> R {
    trim_aux(vm, a, true, false)
}

fn trim_right(vm: &mut Vm, a: Args) -> R {
    trim_aux(vm, a, false, true)
}

fn has_prefix(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let p = vm.check_bytes(a, 2)?;
    vm.ret1(Value::bool(s.starts_with(p)))
}

fn has_suffix(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let p = vm.check_bytes(a, 2)?;
    vm.ret1(Value::bool(s.ends_with(p)))
}

fn contains(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let p = vm.check_bytes(a, 2)?;
    vm.ret1(Value::bool(find_plain(s, p, 0).is_some()))
}

fn count(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let p = vm.check_bytes(a, 2)?;
    if p.is_empty() {
        return vm.ret1(Value::inline_int(s.len() as i64 + 1));
    }
    let mut n = 0i64;
    let mut start = 0;
    while let Some(i) = find_plain(s, p, start) {
        n += 1;
        start = i + p.len();
    }
    vm.ret1(Value::inline_int(n))
}

fn replace_all(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let old = vm.check_bytes(a, 2)?;
    let new = vm.check_bytes(a, 3)?;
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    if old.is_empty() {
        let total = (s.len() + 1).checked_mul(new.len()).and_then(|x| x.checked_add(s.len()));
        check_size(vm, total)?;
        for &b in s {
            out.extend_from_slice(new);
            out.push(b);
        }
        out.extend_from_slice(new);
    } else {
        let mut start = 0;
        while let Some(i) = find_plain(s, old, start) {
            out.extend_from_slice(&s[start..i]);
            out.extend_from_slice(new);
            start = i + old.len();
            if out.len() > vm.limits.max_string {
                return Err(vm.rt_error("resulting string too large"));
            }
        }
        out.extend_from_slice(&s[start..]);
    }
    let v = vm.string_value_owned(out);
    vm.ret1(v)
}

fn repeat(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let n = vm.check_int(a, 2)?;
    let out = rep_bytes(vm, s, n, b"")?;
    let v = vm.string_value_owned(out);
    vm.ret1(v)
}

fn title(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let mut out = s.to_vec();
    let mut at_start = true;
    for b in out.iter_mut() {
        if at_start && b.is_ascii_lowercase() {
            *b = b.to_ascii_uppercase();
        }
        at_start = is_space(*b);
    }
    let v = vm.string_value_owned(out);
    vm.ret1(v)
}

fn pad_aux(vm: &mut Vm, a: Args, left: bool) -> R {
    let sv = vm.arg(a, 1);
    let s = vm.check_bytes(a, 1)?;
    let n = vm.check_int(a, 2)?;
    let pad = vm.opt_bytes(a, 3, b" ")?;
    let pad: &[u8] = if pad.is_empty() { b" " } else { pad };
    if n <= s.len() as i64 {
        if sv.is_str() {
            return vm.ret1(sv);
        }
        let v = vm.str_value(s);
        return vm.ret1(v);
    }
    let total = check_size(vm, usize::try_from(n).ok())?;
    let fill = total - s.len();
    let mut out = Vec::with_capacity(total);
    if !left {
        out.extend_from_slice(s);
    }
    out.extend(pad.iter().cycle().take(fill));
    if left {
        out.extend_from_slice(s);
    }
    let v = vm.string_value_owned(out);
    vm.ret1(v)
}

fn pad_left(vm: &mut Vm, a: Args) -> R {
    pad_aux(vm, a, true)
}

fn pad_right(vm: &mut Vm, a: Args) -> R {
    pad_aux(vm, a, false)
}

fn is_numeric_fn(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    vm.ret1(Value::bool(is_numeric(v)))
}
