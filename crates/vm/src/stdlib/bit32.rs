//! The `bit32` library (spec 12.5): Lua 5.2's functions plus the GScript extras (`test`,
//! `set`, `clear`, `toggle`, `countbits`, `highbit`, `toHex`). Arguments are numbers or
//! numeric strings; floats are truncated toward zero, then taken modulo 2^32.

use crate::error::RtError;
use crate::function::Args;
use crate::number::Num;
use crate::value::Value;
use crate::vm::Vm;

type R = Result<usize, RtError>;

pub fn open(vm: &mut Vm) {
    let t = vm.new_table(0, 24);
    let funcs: &[(&'static str, &'static str, crate::function::NativeFn)] = &[
        ("band", "bit32.band", band),
        ("bor", "bit32.bor", bor),
        ("bxor", "bit32.bxor", bxor),
        ("bnot", "bit32.bnot", bnot),
        ("btest", "bit32.btest", btest),
        ("lshift", "bit32.lshift", lshift),
        ("rshift", "bit32.rshift", rshift),
        ("arshift", "bit32.arshift", arshift),
        ("lrotate", "bit32.lrotate", lrotate),
        ("rrotate", "bit32.rrotate", rrotate),
        ("extract", "bit32.extract", extract),
        ("replace", "bit32.replace", replace),
        ("test", "bit32.test", test),
        ("set", "bit32.set", set),
        ("clear", "bit32.clear", clear),
        ("toggle", "bit32.toggle", toggle),
        ("countbits", "bit32.countbits", countbits),
        ("highbit", "bit32.highbit", highbit),
        ("toHex", "bit32.toHex", to_hex),
    ];
    for &(name, q, f) in funcs {
        vm.register(t, name, q, f);
    }
    vm.set_field(vm.globals, "bit32", Vm::table_value(t));
}

/// Argument `n` truncated toward zero as a (saturated) i64.
fn arg_int(vm: &mut Vm, a: Args, n: usize) -> Result<i64, RtError> {
    match vm.check_num(a, n)? {
        Num::Int(i) => Ok(i),
        Num::Float(f) => {
            if !f.is_finite() {
                return Err(vm.arg_error(n, "number has no integer representation"));
            }
            let t = f.trunc();
            if t.abs() < 9.2e18 {
                Ok(t as i64)
            } else {
                // Exact value modulo 2^32 (fmod is exact), sign kept.
                Ok(t.rem_euclid(4294967296.0) as i64)
            }
        }
    }
}

/// Argument `n` modulo 2^32.
fn arg_u32(vm: &mut Vm, a: Args, n: usize) -> Result<u32, RtError> {
    Ok(arg_int(vm, a, n)? as u32)
}

#[inline]
fn ret_u(vm: &mut Vm, x: u32) -> R {
    vm.ret1(Value::inline_int(i64::from(x)))
}

fn fold(vm: &mut Vm, a: Args, init: u32, op: fn(u32, u32) -> u32) -> Result<u32, RtError> {
    let mut r = init;
    for n in 1..=a.count {
        r = op(r, arg_u32(vm, a, n)?);
    }
    Ok(r)
}

fn band(vm: &mut Vm, a: Args) -> R {
    let r = fold(vm, a, u32::MAX, |x, y| x & y)?;
    ret_u(vm, r)
}

fn bor(vm: &mut Vm, a: Args) -> R {
    let r = fold(vm, a, 0, |x, y| x | y)?;
    ret_u(vm, r)
}

fn bxor(vm: &mut Vm, a: Args) -> R {
    let r = fold(vm, a, 0, |x, y| x ^ y)?;
    ret_u(vm, r)
}

fn btest(vm: &mut Vm, a: Args) -> R {
    let r = fold(vm, a, u32::MAX, |x, y| x & y)?;
    vm.ret1(Value::bool(r != 0))
}

fn bnot(vm: &mut Vm, a: Args) -> R {
    let x = arg_u32(vm, a, 1)?;
    ret_u(vm, !x)
}

fn shift_left(x: u32, d: i64) -> u32 {
    if d < 0 {
        shift_right(x, d.saturating_neg())
    } else if d >= 32 {
        0
    } else {
        x << d
    }
}

fn shift_right(x: u32, d: i64) -> u32 {
    if d < 0 {
        shift_left(x, d.saturating_neg())
    } else if d >= 32 {
        0
    } else {
        x >> d
    }
}

fn lshift(vm: &mut Vm, a: Args) -> R {
    let x = arg_u32(vm, a, 1)?;
    let d = arg_int(vm, a, 2)?;
    ret_u(vm, shift_left(x, d))
}

fn rshift(vm: &mut Vm, a: Args) -> R {
    let x = arg_u32(vm, a, 1)?;
    let d = arg_int(vm, a, 2)?;
    ret_u(vm, shift_right(x, d))
}

fn arshift(vm: &mut Vm, a: Args) -> R {
    let x = arg_u32(vm, a, 1)?;
    let d = arg_int(vm, a, 2)?;
    let r = if d < 0 || x & 0x8000_0000 == 0 {
        shift_right(x, d)
    } else if d >= 32 {
        u32::MAX
    } else {
        (x >> d) | !(u32::MAX >> d)
    };
    ret_u(vm, r)
}

fn lrotate(vm: &mut Vm, a: Args) -> R {
    let x = arg_u32(vm, a, 1)?;
    let d = arg_int(vm, a, 2)?;
    ret_u(vm, x.rotate_left((d & 31) as u32))
}

fn rrotate(vm: &mut Vm, a: Args) -> R {
    let x = arg_u32(vm, a, 1)?;
    let d = arg_int(vm, a, 2)?;
    ret_u(vm, x.rotate_right((d & 31) as u32))
}

/// Lua 5.2's `fieldargs`: (field, width) checked, starting at argument `farg`.
fn field_args(vm: &mut Vm, a: Args, farg: usize) -> Result<(u32, u32), RtError> {
    let f = arg_int(vm, a, farg)?;
    let w = if vm.arg(a, farg + 1).is_nil() { 1 } else { arg_int(vm, a, farg + 1)? };
    if f < 0 {
        return Err(vm.arg_error(farg, "field cannot be negative"));
    }
    if w <= 0 {
        return Err(vm.arg_error(farg + 1, "width must be positive"));
    }
    if f.saturating_add(w) > 32 {
        return Err(vm.rt_error("trying to access non-existent bits"));
    }
    Ok((f as u32, w as u32))
}

fn mask(w: u32) -> u32 {
    if w >= 32 {
        u32::MAX
    } else {
        (1u32 << w) - 1
    }
}

fn extract(vm: &mut Vm, a: Args) -> R {
    let n = arg_u32(vm, a, 1)?;
    let (f, w) = field_args(vm, a, 2)?;
    ret_u(vm, (n >> f) & mask(w))
}

fn replace(vm: &mut Vm, a: Args) -> R {
    let n = arg_u32(vm, a, 1)?;
    let v = arg_u32(vm, a, 2)?;
    let (f, w) = field_args(vm, a, 3)?;
    let m = mask(w);
    ret_u(vm, (n & !(m << f)) | ((v & m) << f))
}

/// The single-bit mask of argument 2 (0 if the position is outside 0…31).
fn bit_arg(vm: &mut Vm, a: Args) -> Result<u32, RtError> {
    let pos = arg_int(vm, a, 2)?;
    Ok(if (0..32).contains(&pos) { 1u32 << pos } else { 0 })
}

fn test(vm: &mut Vm, a: Args) -> R {
    let n = arg_u32(vm, a, 1)?;
    let b = bit_arg(vm, a)?;
    vm.ret1(Value::bool(n & b != 0))
}

fn set(vm: &mut Vm, a: Args) -> R {
    let n = arg_u32(vm, a, 1)?;
    let b = bit_arg(vm, a)?;
    ret_u(vm, n | b)
}

fn clear(vm: &mut Vm, a: Args) -> R {
    let n = arg_u32(vm, a, 1)?;
    let b = bit_arg(vm, a)?;
    ret_u(vm, n & !b)
}

fn toggle(vm: &mut Vm, a: Args) -> R {
    let n = arg_u32(vm, a, 1)?;
    let b = bit_arg(vm, a)?;
    ret_u(vm, n ^ b)
}

fn countbits(vm: &mut Vm, a: Args) -> R {
    let n = arg_u32(vm, a, 1)?;
    vm.ret1(Value::inline_int(i64::from(n.count_ones())))
}

fn highbit(vm: &mut Vm, a: Args) -> R {
    let n = arg_u32(vm, a, 1)?;
    let r = if n == 0 { -1 } else { 31 - i64::from(n.leading_zeros()) };
    vm.ret1(Value::inline_int(r))
}

fn to_hex(vm: &mut Vm, a: Args) -> R {
    let n = arg_u32(vm, a, 1)?;
    let digits = vm.opt_int(a, 2, 0)?;
    let digits = crate::stdlib::string::check_size(vm, usize::try_from(digits.max(0)).ok().map(|d| d + 2))? - 2;
    let s = format!("0x{:0width$X}", n, width = digits);
    let v = vm.str_value(s.as_bytes());
    vm.ret1(v)
}
