//! The `string` library (spec 12.2): Lua 5.4's functions bound to the pattern engine
//! (`lpattern`) and the format engine (`printf`). The GScript extras (`split`, `trim`, …)
//! live in `string_extras.rs`. The string metatable (`__index` = this table) is installed
//! by `stdlib::open_libs`.
//!
//! Positions follow Lua: 1-based, negative counting from the end, clamped to the string.

use crate::error::RtError;
use crate::function::{Args, Native, NativeKind};
use crate::number::Num;
use crate::object::{value_as, Gc};
use crate::ops;
use crate::stdlib::lpattern::{self, Capture, GmatchState, GsubError, Match};
use crate::stdlib::printf::{self, ArgKind, FormatError, FormatParser, Piece};
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;

type R = Result<usize, RtError>;

/// Registers the Lua functions and the extras into `t` (the `string` table).
pub fn open(vm: &mut Vm, t: Gc<Table>) {
    let funcs: &[(&'static str, &'static str, crate::function::NativeFn)] = &[
        ("byte", "string.byte", byte),
        ("char", "string.char", char_),
        ("find", "string.find", find),
        ("format", "string.format", format),
        ("gmatch", "string.gmatch", gmatch),
        ("gsub", "string.gsub", gsub),
        ("len", "string.len", len),
        ("lower", "string.lower", lower),
        ("upper", "string.upper", upper),
        ("match", "string.match", match_),
        ("rep", "string.rep", rep),
        ("reverse", "string.reverse", reverse),
        ("sub", "string.sub", sub),
    ];
    for &(name, q, f) in funcs {
        vm.register(t, name, q, f);
    }
    super::string_extras::open(vm, t);
}

// ---- shared helpers (also used by other library modules) ----

/// Lua's `posrelatI`: a start position (1-based; negative from the end; below 1 becomes 1).
#[inline]
pub fn start_pos(pos: i64, len: usize) -> usize {
    if pos > 0 {
        pos as usize
    } else if pos == 0 {
        1
    } else if pos < -(len as i64) {
        1
    } else {
        (len as i64 + pos + 1) as usize
    }
}

/// Lua's `getendpos`: an end position clamped to `[0, len]`.
#[inline]
pub fn end_pos(pos: i64, len: usize) -> usize {
    if pos > len as i64 {
        len
    } else if pos >= 0 {
        pos as usize
    } else if pos < -(len as i64) {
        0
    } else {
        (len as i64 + pos + 1) as usize
    }
}

/// The builtin object currently running (for builtins with bound data).
pub fn running_native(vm: &Vm) -> Option<Gc<Native>> {
    let th = vm.current;
    let f = th.frames.last()?;
    value_as::<Native>(*th.stack.get(f.func)?)
}

/// Checks that a result of `len` bytes is allowed (`resulting string too large`).
pub fn check_size(vm: &mut Vm, len: Option<usize>) -> Result<usize, RtError> {
    match len {
        Some(n) if n <= vm.limits.max_string => Ok(n),
        _ => Err(vm.rt_error("resulting string too large")),
    }
}

/// Pushes a string result built from bytes.
#[inline]
fn ret_bytes(vm: &mut Vm, b: &[u8]) -> R {
    let v = vm.str_value(b);
    vm.ret1(v)
}

/// Pushes a string result built from an owned buffer.
#[inline]
fn ret_owned(vm: &mut Vm, b: Vec<u8>) -> R {
    let v = vm.string_value_owned(b);
    vm.ret1(v)
}

// ---- basic functions ----

fn len(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    vm.ret1(Value::inline_int(s.len() as i64))
}

fn sub(vm: &mut Vm, a: Args) -> R {
    let sv = vm.arg(a, 1);
    let s = vm.check_bytes(a, 1)?;
    let i = start_pos(vm.check_int(a, 2)?, s.len());
    let j = end_pos(vm.opt_int(a, 3, -1)?, s.len());
    if i > j {
        return ret_bytes(vm, b"");
    }
    if i == 1 && j == s.len() && sv.is_str() {
        return vm.ret1(sv);
    }
    ret_bytes(vm, &s[i - 1..j])
}

fn byte(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let i = vm.opt_int(a, 2, 1)?;
    let pe = end_pos(vm.opt_int(a, 3, i)?, s.len());
    let pi = start_pos(i, s.len());
    if pi > pe {
        return Ok(0);
    }
    let n = pe - pi + 1;
    if n >= i32::MAX as usize {
        return Err(vm.rt_error("string slice too long"));
    }
    vm.check_stack(n)?;
    for &b in &s[pi - 1..pe] {
        vm.push(Value::inline_int(i64::from(b)));
    }
    Ok(n)
}

fn char_(vm: &mut Vm, a: Args) -> R {
    let mut out = Vec::with_capacity(a.count);
    for n in 1..=a.count {
        let c = vm.check_int(a, n)?;
        if !(0..=255).contains(&c) {
            return Err(vm.arg_error(n, "value out of range"));
        }
        out.push(c as u8);
    }
    ret_owned(vm, out)
}

fn lower(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let out: Vec<u8> = s.iter().map(|b| b.to_ascii_lowercase()).collect();
    ret_owned(vm, out)
}

fn upper(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let out: Vec<u8> = s.iter().map(|b| b.to_ascii_uppercase()).collect();
    ret_owned(vm, out)
}

fn reverse(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let out: Vec<u8> = s.iter().rev().copied().collect();
    ret_owned(vm, out)
}

/// `s` repeated `n` times with `sep` between (shared with `string.repeat`).
pub fn rep_bytes(vm: &mut Vm, s: &[u8], n: i64, sep: &[u8]) -> Result<Vec<u8>, RtError> {
    if n <= 0 {
        return Ok(Vec::new());
    }
    let n = n as u64;
    let total = (s.len() as u64)
        .checked_mul(n)
        .and_then(|x| x.checked_add((sep.len() as u64).checked_mul(n - 1)?))
        .and_then(|x| usize::try_from(x).ok());
    let total = check_size(vm, total)?;
    if total == 0 {
        return Ok(Vec::new());
    }
    let mut out = Vec::with_capacity(total);
    for k in 0..n {
        if k > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(s);
    }
    Ok(out)
}

fn rep(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let n = vm.check_int(a, 2)?;
    let sep = vm.opt_bytes(a, 3, b"")?;
    let out = rep_bytes(vm, s, n, sep)?;
    ret_owned(vm, out)
}

// ---- patterns ----

fn pattern_error(vm: &mut Vm, e: lpattern::PatternError) -> RtError {
    vm.rt_error(e.0)
}

/// Pushes capture `i` of a match.
fn push_capture(vm: &mut Vm, s: &[u8], m: &Match, i: usize) -> Result<(), RtError> {
    let c = m.get(i).map_err(|e| pattern_error(vm, e))?;
    let v = capture_value(vm, s, c);
    vm.push(v);
    Ok(())
}

fn capture_value(vm: &mut Vm, s: &[u8], c: Capture) -> Value {
    match c {
        Capture::Span(a, b) => vm.str_value(s.get(a..b).unwrap_or(&[])),
        Capture::Position(p) => Value::inline_int(p as i64 + 1),
        Capture::Unfinished(_) => Value::NIL,
    }
}

/// Pushes every value of a match (its captures, or the whole match).
fn push_captures(vm: &mut Vm, s: &[u8], m: &Match, whole_if_none: bool) -> R {
    let n = if whole_if_none { m.result_count() } else { m.captures.len() };
    vm.check_stack(n)?;
    for i in 0..n {
        push_capture(vm, s, m, i)?;
    }
    Ok(n)
}

fn find_aux(vm: &mut Vm, a: Args, is_find: bool) -> R {
    let s = vm.check_bytes(a, 1)?;
    let p = vm.check_bytes(a, 2)?;
    let init = start_pos(vm.opt_int(a, 3, 1)?, s.len()) - 1;
    if init > s.len() {
        return vm.ret1(Value::NIL);
    }
    let plain = is_find && vm.arg(a, 4).is_truthy();
    let r = if is_find { lpattern::find(s, p, init, plain) } else { lpattern::find_match(s, p, init, true) };
    match r {
        Err(e) => Err(pattern_error(vm, e)),
        Ok(None) => vm.ret1(Value::NIL),
        Ok(Some(m)) => {
            if is_find {
                vm.push(Value::inline_int(m.start as i64 + 1));
                vm.push(Value::inline_int(m.end as i64));
                Ok(2 + push_captures(vm, s, &m, false)?)
            } else {
                push_captures(vm, s, &m, true)
            }
        }
    }
}

fn find(vm: &mut Vm, a: Args) -> R {
    find_aux(vm, a, true)
}

fn match_(vm: &mut Vm, a: Args) -> R {
    find_aux(vm, a, false)
}

fn gmatch(vm: &mut Vm, a: Args) -> R {
    let sv = vm.check_str(a, 1)?;
    let pv = vm.check_str(a, 2)?;
    let len = Vm::str_bytes(sv).map_or(0, |b| b.len());
    let init = start_pos(vm.opt_int(a, 3, 1)?, len) - 1;
    let (src, last) = GmatchState::new(len, init).to_parts();
    let data = vec![sv, pv, vm.int(src as i64), vm.int(last as i64)];
    let f = vm.new_native("gmatch_iterator", "gmatch_iterator", gmatch_step, NativeKind::Normal, data);
    vm.ret1(f)
}

fn gmatch_step(vm: &mut Vm, _a: Args) -> R {
    let Some(mut me) = running_native(vm) else { return Ok(0) };
    if me.data.len() < 4 {
        return Ok(0);
    }
    let s = Vm::str_bytes(me.data[0]).unwrap_or(&[]);
    let p = Vm::str_bytes(me.data[1]).unwrap_or(&[]);
    let src = me.data[2].as_int().unwrap_or(0) as usize;
    let last = me.data[3].as_int().unwrap_or(-1) as usize;
    let mut st = GmatchState::from_parts(src, last);
    let r = st.next_match(s, p);
    let (src, last) = st.to_parts();
    me.data[2] = vm.int(src as i64);
    me.data[3] = vm.int(last as i64);
    match r {
        Err(e) => Err(pattern_error(vm, e)),
        Ok(None) => Ok(0),
        Ok(Some(m)) => push_captures(vm, s, &m, true),
    }
}

enum Repl {
    Str(&'static [u8]),
    Table(Value),
    Func(Value),
}

fn gsub(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let p = vm.check_bytes(a, 2)?;
    let rv = vm.arg(a, 3);
    let max_n = vm.opt_int(a, 4, s.len() as i64 + 1)?;
    let repl = if rv.is_str() || rv.is_number() {
        Repl::Str(vm.check_bytes(a, 3)?)
    } else if rv.is_table() {
        Repl::Table(rv)
    } else if rv.is_function() {
        Repl::Func(rv)
    } else {
        return Err(vm.type_error(3, "string/function/table", rv, a.count >= 3));
    };
    let mut out = Vec::with_capacity(s.len());
    let r = match repl {
        Repl::Str(r) => lpattern::gsub(s, p, Some(max_n), &mut out, |s, m, o| lpattern::expand_replacement(s, m, r, o).map_err(|e| vm.rt_error(e.0))),
        Repl::Table(t) => lpattern::gsub(s, p, Some(max_n), &mut out, |s, m, o| {
            let c = m.get(0).map_err(|e| vm.rt_error(e.0))?;
            let key = capture_value(vm, s, c);
            let v = vm.index_value(t, key)?;
            add_value(vm, s, m, v, o)
        }),
        Repl::Func(f) => lpattern::gsub(s, p, Some(max_n), &mut out, |s, m, o| {
            let n = m.result_count();
            let mut args = Vec::with_capacity(n);
            for i in 0..n {
                let c = m.get(i).map_err(|e| vm.rt_error(e.0))?;
                args.push(capture_value(vm, s, c));
            }
            let v = vm.call_first(f, &args)?;
            add_value(vm, s, m, v, o)
        }),
    };
    match r {
        Ok(count) => {
            let sv = vm.string_value_owned(out);
            vm.ret(&[sv, Value::inline_int(count as i64)])
        }
        Err(GsubError::Pattern(e)) => Err(pattern_error(vm, e)),
        Err(GsubError::Callback(e)) => Err(e),
    }
}

/// Lua's `add_value`: appends a table/function replacement result.
fn add_value(vm: &mut Vm, s: &[u8], m: &Match, v: Value, out: &mut Vec<u8>) -> Result<(), RtError> {
    if v.is_falsy() {
        out.extend_from_slice(s.get(m.start..m.end).unwrap_or(&[]));
        Ok(())
    } else if ops::concat_piece(v, out) {
        Ok(())
    } else {
        Err(vm.rt_error(format!("invalid replacement value (a {})", v.type_name())))
    }
}

// ---- format ----

fn format(vm: &mut Vm, a: Args) -> R {
    let fmt = vm.check_bytes(a, 1)?;
    let mut out: Vec<u8> = Vec::with_capacity(fmt.len() + 16);
    let mut arg = 1usize;
    for piece in FormatParser::new(fmt) {
        match piece {
            Piece::Literal(b) => out.extend_from_slice(b),
            Piece::Conversion(spec) => {
                arg += 1;
                if arg > a.count {
                    return Err(vm.arg_error(arg, "no value"));
                }
                let spec = match spec {
                    Ok(s) => s,
                    Err(e) => return Err(format_error(vm, arg, e)),
                };
                let r = match spec.kind() {
                    ArgKind::Int => {
                        let n = vm.check_int(a, arg)?;
                        printf::format_integer(&spec, n, &mut out)
                    }
                    ArgKind::Float => {
                        let x = vm.check_f64(a, arg)?;
                        printf::format_float(&spec, x, &mut out)
                    }
                    ArgKind::HexFloat => match spec.validate() {
                        Err(e) => Err(e),
                        Ok(()) => {
                            let x = vm.check_f64(a, arg)?;
                            printf::format_float(&spec, x, &mut out)
                        }
                    },
                    ArgKind::Char => match spec.validate() {
                        Err(e) => Err(e),
                        Ok(()) => {
                            let n = vm.check_int(a, arg)?;
                            printf::format_char(&spec, n, &mut out)
                        }
                    },
                    ArgKind::Pointer => match spec.validate() {
                        Err(e) => Err(e),
                        Ok(()) => {
                            let v = vm.arg(a, arg);
                            let addr = if v.is_table() || v.is_function() || (v.is_object() && !v.is_str() && !v.is_big_int()) {
                                Some(v.as_ptr() as usize)
                            } else {
                                None
                            };
                            printf::format_pointer(&spec, addr, &mut out)
                        }
                    },
                    ArgKind::Str => {
                        let v = vm.arg(a, arg);
                        if let Some(b) = Vm::str_bytes(v) {
                            printf::format_string(&spec, b, &mut out)
                        } else if v.is_number() && !spec.has_modifiers() {
                            ops::number_to_text(v, &mut out);
                            Ok(())
                        } else {
                            let b = vm.tostring_bytes(v)?;
                            printf::format_string(&spec, b, &mut out)
                        }
                    }
                    ArgKind::Quote => match spec.validate() {
                        Err(e) => Err(e),
                        Ok(()) => {
                            let v = vm.arg(a, arg);
                            if let Some(b) = Vm::str_bytes(v) {
                                printf::quote_string(b, &mut out);
                            } else if let Some(i) = v.as_int() {
                                printf::quote_integer(i, &mut out);
                            } else if let Some(f) = v.as_float() {
                                printf::quote_float(f, &mut out);
                            } else if v.is_nil() {
                                out.extend_from_slice(b"nil");
                            } else if let Some(b) = v.as_bool() {
                                out.extend_from_slice(if b { b"true" } else { b"false" });
                            } else {
                                return Err(vm.arg_error(arg, "value has no literal form"));
                            }
                            Ok(())
                        }
                    },
                };
                if let Err(e) = r {
                    return Err(format_error(vm, arg, e));
                }
                if out.len() > vm.limits.max_string {
                    return Err(vm.rt_error("resulting string too large"));
                }
            }
        }
    }
    ret_owned(vm, out)
}

fn format_error(vm: &mut Vm, arg: usize, e: FormatError) -> RtError {
    match e {
        FormatError::BadArg(d) => vm.arg_error(arg, d),
        FormatError::Message(m) => vm.rt_error(m),
    }
}

/// `tonumber(v) != nil` for a value (used by `string.isNumeric`).
pub fn is_numeric(v: Value) -> bool {
    if v.is_number() {
        return true;
    }
    matches!(Vm::str_bytes(v).and_then(crate::number::parse_number), Some(Num::Int(_) | Num::Float(_)))
}
