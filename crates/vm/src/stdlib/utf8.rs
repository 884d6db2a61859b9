//! The `utf8` library (spec 12.6): Lua 5.4's functions bound to `utf8_codec`.

use crate::error::RtError;
use crate::function::{Args, NativeKind};
use crate::stdlib::utf8_codec::{self, LenResult, Utf8Error};
use crate::value::Value;
use crate::vm::Vm;

type R = Result<usize, RtError>;

pub fn open(vm: &mut Vm) {
    let t = vm.new_table(0, 8);
    vm.register(t, "char", "utf8.char", char_);
    vm.register(t, "codes", "utf8.codes", codes);
    vm.register(t, "codepoint", "utf8.codepoint", codepoint);
    vm.register(t, "len", "utf8.len", len);
    vm.register(t, "offset", "utf8.offset", offset);
    let pat = vm.str_value(utf8_codec::CHARPATTERN);
    vm.set_field(t, "charpattern", pat);
    let strict = vm.new_native("for iterator", "for iterator", codes_strict, NativeKind::Normal, Vec::new());
    vm.set_field(vm.registry, "utf8.codes.strict", strict);
    let lax = vm.new_native("for iterator", "for iterator", codes_lax, NativeKind::Normal, Vec::new());
    vm.set_field(vm.registry, "utf8.codes.lax", lax);
    vm.set_field(vm.globals, "utf8", Vm::table_value(t));
}

fn utf8_error(vm: &mut Vm, e: Utf8Error) -> RtError {
    match e {
        Utf8Error::BadArg(n, d) => vm.arg_error(usize::from(n), d),
        Utf8Error::Message(m) => vm.rt_error(m),
    }
}

fn char_(vm: &mut Vm, a: Args) -> R {
    let mut out = Vec::with_capacity(a.count);
    for n in 1..=a.count {
        let c = vm.check_int(a, n)?;
        if !(0..=i64::from(utf8_codec::MAX_UTF)).contains(&c) || !utf8_codec::encode(c as u32, &mut out) {
            return Err(vm.arg_error(n, "value out of range"));
        }
    }
    let v = vm.string_value_owned(out);
    vm.ret1(v)
}

fn codepoint(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let i = vm.opt_int(a, 2, 1)?;
    let j = vm.opt_int(a, 3, i)?;
    let lax = vm.arg(a, 4).is_truthy();
    let mut out = Vec::new();
    utf8_codec::codepoints(s, i, j, lax, &mut out).map_err(|e| utf8_error(vm, e))?;
    vm.check_stack(out.len())?;
    for &c in &out {
        vm.push(Value::inline_int(c));
    }
    Ok(out.len())
}

fn len(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let i = vm.opt_int(a, 2, 1)?;
    let j = vm.opt_int(a, 3, -1)?;
    let lax = vm.arg(a, 4).is_truthy();
    match utf8_codec::len(s, i, j, lax).map_err(|e| utf8_error(vm, e))? {
        LenResult::Count(n) => vm.ret1(Value::inline_int(n)),
        LenResult::Invalid(p) => vm.ret(&[Value::NIL, Value::inline_int(p)]),
    }
}

fn offset(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let n = vm.check_int(a, 2)?;
    let i = if vm.arg(a, 3).is_nil() { None } else { Some(vm.check_int(a, 3)?) };
    match utf8_codec::offset(s, n, i).map_err(|e| utf8_error(vm, e))? {
        Some(p) => vm.ret1(Value::inline_int(p)),
        None => vm.ret1(Value::NIL),
    }
}

fn codes(vm: &mut Vm, a: Args) -> R {
    let sv = vm.check_str(a, 1)?;
    let lax = vm.arg(a, 2).is_truthy();
    let key = if lax { "utf8.codes.lax" } else { "utf8.codes.strict" };
    let f = vm.get_field(vm.registry, key);
    vm.ret(&[f, sv, Value::inline_int(0)])
}

fn codes_step(vm: &mut Vm, a: Args, strict: bool) -> R {
    let s = vm.check_bytes(a, 1)?;
    let control = vm.check_int(a, 2)?;
    match utf8_codec::codes_next(s, control, strict).map_err(|e| utf8_error(vm, e))? {
        Some((p, c)) => vm.ret(&[Value::inline_int(p), Value::inline_int(i64::from(c))]),
        None => Ok(0),
    }
}

fn codes_strict(vm: &mut Vm, a: Args) -> R {
    codes_step(vm, a, true)
}

fn codes_lax(vm: &mut Vm, a: Args) -> R {
    codes_step(vm, a, false)
}
