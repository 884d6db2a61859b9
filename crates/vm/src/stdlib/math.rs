//! The `math` library (spec 12.4): Lua 5.4's functions and constants, Lua's xoshiro256**
//! generator (one per program, seeded unpredictably at start), and the GScript extras
//! (`pow`, `trunc`, `round`, `idiv`, `clamp`, `lerp`, `sign`, `hypot`, `isnan`, `isinf`).
//!
//! Functions that keep the integer subtype do so only for actual integer arguments; numeric
//! strings are treated as floats (spec 12.0.2).

use crate::error::RtError;
use crate::function::Args;
use crate::number::{float_to_int, Num};
use crate::stdlib::xoshiro::Xoshiro256;
use crate::value::Value;
use crate::vm::Vm;
use std::sync::Mutex;

type R = Result<usize, RtError>;

/// The program's generator, shared by all goroutines (each call is atomic).
static RNG: Mutex<Option<Xoshiro256>> = Mutex::new(None);

/// Runs `f` on the generator (seeded unpredictably on first use).
fn with_rng<T>(f: impl FnOnce(&mut Xoshiro256) -> T) -> T {
    let mut g = RNG.lock().unwrap_or_else(|e| e.into_inner());
    let rng = g.get_or_insert_with(|| {
        let (n1, n2) = random_seed_values();
        Xoshiro256::new(n1, n2)
    });
    f(rng)
}

pub fn open(vm: &mut Vm) {
    let t = vm.new_table(0, 48);
    let funcs: &[(&'static str, &'static str, crate::function::NativeFn)] = &[
        ("abs", "math.abs", abs),
        ("ceil", "math.ceil", ceil),
        ("floor", "math.floor", floor),
        ("fmod", "math.fmod", fmod),
        ("modf", "math.modf", modf),
        ("max", "math.max", max),
        ("min", "math.min", min),
        ("sqrt", "math.sqrt", sqrt),
        ("exp", "math.exp", exp),
        ("sin", "math.sin", sin),
        ("cos", "math.cos", cos),
        ("tan", "math.tan", tan),
        ("asin", "math.asin", asin),
        ("acos", "math.acos", acos),
        ("atan", "math.atan", atan),
        ("log", "math.log", log),
        ("deg", "math.deg", deg),
        ("rad", "math.rad", rad),
        ("tointeger", "math.tointeger", tointeger),
        ("type", "math.type", type_),
        ("ult", "math.ult", ult),
        ("random", "math.random", random),
        ("randomseed", "math.randomseed", randomseed),
        ("pow", "math.pow", pow),
        ("trunc", "math.trunc", trunc),
        ("round", "math.round", round),
        ("idiv", "math.idiv", idiv),
        ("clamp", "math.clamp", clamp),
        ("lerp", "math.lerp", lerp),
        ("sign", "math.sign", sign),
        ("hypot", "math.hypot", hypot),
        ("isnan", "math.isnan", isnan),
        ("isinf", "math.isinf", isinf),
    ];
    for &(name, q, f) in funcs {
        vm.register(t, name, q, f);
    }
    vm.set_field(t, "pi", Value::float(std::f64::consts::PI));
    vm.set_field(t, "huge", Value::float(f64::INFINITY));
    let maxi = vm.int(i64::MAX);
    vm.set_field(t, "maxinteger", maxi);
    let mini = vm.int(i64::MIN);
    vm.set_field(t, "mininteger", mini);
    vm.set_field(vm.globals, "math", Vm::table_value(t));
    let (n1, n2) = random_seed_values();
    with_rng(|g| g.seed(n1, n2));
}

/// An unpredictable seed: the time and an address (as Lua's `randomseed()`).
fn random_seed_values() -> (i64, i64) {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as i64).unwrap_or(0);
    let local = 0u8;
    let addr = &local as *const u8 as usize as i64;
    (now, addr ^ i64::from(std::process::id()))
}

/// Pushes an integer or float result.
#[inline]
fn ret_num(vm: &mut Vm, n: Num) -> R {
    let v = match n {
        Num::Int(i) => vm.int(i),
        Num::Float(f) => Value::float(f),
    };
    vm.ret1(v)
}

/// An integral float as an integer if representable, else the float (Lua's `pushnumint`).
#[inline]
fn num_int(f: f64) -> Num {
    match float_to_int(f) {
        Some(i) => Num::Int(i),
        None => Num::Float(f),
    }
}

#[inline]
fn ret_f(vm: &mut Vm, f: f64) -> R {
    vm.ret1(Value::float(f))
}

fn abs(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    if let Some(i) = v.as_int() {
        return ret_num(vm, Num::Int(i.wrapping_abs()));
    }
    let f = vm.check_f64(a, 1)?;
    ret_f(vm, f.abs())
}

fn floor(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    // The usual case (`math.floor(x / y)`): a float whose floor is an inline integer,
    // by truncation and adjustment (exact for |f| < 2^47). Everything else (integers
    // aside) is out of line, keeping this path free of error-handling set-up.
    if v.is_float() {
        let f = v.as_float_unchecked();
        if f.abs() < crate::value::INLINE_INT_MAX as f64 {
            let t = f as i64;
            return vm.ret1(Value::inline_int(if t as f64 > f { t - 1 } else { t }));
        }
    } else if v.is_int() {
        return vm.ret1(v);
    }
    floor_general(vm, a)
}

#[cold]
#[inline(never)]
fn floor_general(vm: &mut Vm, a: Args) -> R {
    let f = vm.check_f64(a, 1)?;
    ret_num(vm, num_int(crate::number::floor_f64(f)))
}

fn ceil(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    // As in `floor`.
    if v.is_float() {
        let f = v.as_float_unchecked();
        if f.abs() < crate::value::INLINE_INT_MAX as f64 {
            let t = f as i64;
            return vm.ret1(Value::inline_int(if (t as f64) < f { t + 1 } else { t }));
        }
    } else if v.is_int() {
        return vm.ret1(v);
    }
    ceil_general(vm, a)
}

#[cold]
#[inline(never)]
fn ceil_general(vm: &mut Vm, a: Args) -> R {
    let f = vm.check_f64(a, 1)?;
    ret_num(vm, num_int(crate::number::ceil_f64(f)))
}

fn trunc(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    if v.is_int() {
        return vm.ret1(v);
    }
    let f = vm.check_f64(a, 1)?;
    ret_num(vm, num_int(f.trunc()))
}

fn fmod(vm: &mut Vm, a: Args) -> R {
    let (x, y) = (vm.arg(a, 1), vm.arg(a, 2));
    if let (Some(m), Some(d)) = (x.as_int(), y.as_int()) {
        if d == 0 {
            return Err(vm.arg_error(2, "zero"));
        }
        let r = if d == -1 { 0 } else { m % d };
        return ret_num(vm, Num::Int(r));
    }
    let m = vm.check_f64(a, 1)?;
    let d = vm.check_f64(a, 2)?;
    ret_f(vm, m % d)
}

fn modf(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    if v.is_int() {
        return vm.ret(&[v, Value::float(0.0)]);
    }
    let n = vm.check_f64(a, 1)?;
    let ip = if n < 0.0 { n.ceil() } else { n.floor() };
    let ipv = match num_int(ip) {
        Num::Int(i) => vm.int(i),
        Num::Float(f) => Value::float(f),
    };
    let frac = if n == ip { 0.0 } else { n - ip };
    vm.ret(&[ipv, Value::float(frac)])
}

fn minmax(vm: &mut Vm, a: Args, want_max: bool) -> R {
    if a.count < 1 {
        return Err(vm.arg_error(1, "value expected"));
    }
    let mut best = vm.arg(a, 1);
    for n in 2..=a.count {
        let v = vm.arg(a, n);
        let better = if want_max { vm.less(best, v, true)? } else { vm.less(v, best, true)? };
        if better {
            best = v;
        }
    }
    vm.ret1(best)
}

fn max(vm: &mut Vm, a: Args) -> R {
    minmax(vm, a, true)
}

fn min(vm: &mut Vm, a: Args) -> R {
    minmax(vm, a, false)
}

macro_rules! float_fn {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, a: Args) -> R {
            let x = vm.check_f64(a, 1)?;
            let f: fn(f64) -> f64 = $op;
            ret_f(vm, f(x))
        }
    };
}

float_fn!(sqrt, f64::sqrt);
float_fn!(exp, f64::exp);
float_fn!(sin, f64::sin);
float_fn!(cos, f64::cos);
float_fn!(tan, f64::tan);
float_fn!(asin, f64::asin);
float_fn!(acos, f64::acos);
float_fn!(deg, |x| x * (180.0 / std::f64::consts::PI));
float_fn!(rad, |x| x * (std::f64::consts::PI / 180.0));

fn atan(vm: &mut Vm, a: Args) -> R {
    let y = vm.check_f64(a, 1)?;
    let x = if vm.arg(a, 2).is_nil() { 1.0 } else { vm.check_f64(a, 2)? };
    ret_f(vm, y.atan2(x))
}

fn log(vm: &mut Vm, a: Args) -> R {
    let x = vm.check_f64(a, 1)?;
    if vm.arg(a, 2).is_nil() {
        return ret_f(vm, x.ln());
    }
    let b = vm.check_f64(a, 2)?;
    let r = if b == 2.0 {
        x.log2()
    } else if b == 10.0 {
        x.log10()
    } else {
        x.ln() / b.ln()
    };
    ret_f(vm, r)
}

fn tointeger(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    if v.is_int() {
        return vm.ret1(v);
    }
    let n = if let Some(f) = v.as_float() {
        float_to_int(f)
    } else {
        match Vm::str_bytes(v).and_then(crate::number::parse_number) {
            Some(Num::Int(i)) => Some(i),
            Some(Num::Float(f)) => float_to_int(f),
            None => None,
        }
    };
    match n {
        Some(i) => ret_num(vm, Num::Int(i)),
        None => {
            vm.check_any(a, 1)?;
            vm.ret1(Value::NIL)
        }
    }
}

fn type_(vm: &mut Vm, a: Args) -> R {
    let v = vm.check_any(a, 1)?;
    let name: &[u8] = if v.is_int() {
        b"integer"
    } else if v.is_float() {
        b"float"
    } else {
        return vm.ret1(Value::NIL);
    };
    let s = vm.str_value(name);
    vm.ret1(s)
}

fn ult(vm: &mut Vm, a: Args) -> R {
    let m = vm.check_int(a, 1)?;
    let n = vm.check_int(a, 2)?;
    vm.ret1(Value::bool((m as u64) < (n as u64)))
}

fn random(vm: &mut Vm, a: Args) -> R {
    // Arguments are checked first, but (as in Lua) the generator advances even when they
    // are invalid; the draw and the projection happen under one lock (atomic call).
    enum Want {
        Float,
        Raw,
        Range(i64, i64),
    }
    let range: Result<Want, RtError> = match a.count {
        0 => Ok(Want::Float),
        1 => vm.check_int(a, 1).map(|up| if up == 0 { Want::Raw } else { Want::Range(1, up) }),
        2 => vm.check_int(a, 1).and_then(|low| vm.check_int(a, 2).map(|up| Want::Range(low, up))),
        _ => Err(vm.rt_error("wrong number of arguments")),
    };
    let drawn = with_rng(|g| {
        let raw = g.next_u64();
        match range {
            Ok(Want::Float) => Ok(Num::Float(Xoshiro256::float_from(raw))),
            Ok(Want::Raw) => Ok(Num::Int(raw as i64)),
            Ok(Want::Range(low, up)) => g.project_range(raw, low, up).map(Num::Int).ok_or(None),
            Err(e) => Err(Some(e)),
        }
    });
    match drawn {
        Ok(n) => ret_num(vm, n),
        Err(Some(e)) => Err(e),
        Err(None) => Err(vm.arg_error(1, "interval is empty")),
    }
}

fn randomseed(vm: &mut Vm, a: Args) -> R {
    let (n1, n2) = if a.count == 0 {
        random_seed_values()
    } else {
        (vm.check_int(a, 1)?, vm.opt_int(a, 2, 0)?)
    };
    with_rng(|g| g.seed(n1, n2));
    let (v1, v2) = (vm.int(n1), vm.int(n2));
    vm.ret(&[v1, v2])
}

fn pow(vm: &mut Vm, a: Args) -> R {
    let x = vm.check_f64(a, 1)?;
    let y = vm.check_f64(a, 2)?;
    ret_f(vm, x.powf(y))
}

fn round(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    let digits = vm.opt_int(a, 2, 0)?;
    if digits == 0 {
        if v.is_int() {
            return vm.ret1(v);
        }
        let x = vm.check_f64(a, 1)?;
        return ret_num(vm, num_int(x.round()));
    }
    let x = vm.check_f64(a, 1)?;
    let scale = 10f64.powi(digits.clamp(-400, 400) as i32);
    ret_f(vm, (x * scale).round() / scale)
}

fn idiv(vm: &mut Vm, a: Args) -> R {
    let (x, y) = (vm.arg(a, 1), vm.arg(a, 2));
    if let (Some(m), Some(d)) = (x.as_int(), y.as_int()) {
        if d == 0 {
            return Err(vm.rt_error("attempt to divide by zero"));
        }
        let q = m.wrapping_div(d);
        let q = if m.wrapping_rem(d) != 0 && ((m < 0) != (d < 0)) { q - 1 } else { q };
        return ret_num(vm, Num::Int(q));
    }
    let m = vm.check_f64(a, 1)?;
    let d = vm.check_f64(a, 2)?;
    ret_f(vm, crate::number::floor_f64(m / d))
}

/// A number argument as a value (numeric strings converted).
fn num_value(vm: &mut Vm, a: Args, n: usize) -> Result<Value, RtError> {
    let v = vm.arg(a, n);
    if v.is_number() {
        return Ok(v);
    }
    match vm.check_num(a, n)? {
        Num::Int(i) => Ok(vm.int(i)),
        Num::Float(f) => Ok(Value::float(f)),
    }
}

fn clamp(vm: &mut Vm, a: Args) -> R {
    let x = num_value(vm, a, 1)?;
    let lo = num_value(vm, a, 2)?;
    let hi = num_value(vm, a, 3)?;
    let r = if crate::ops::num_lt(x, lo) {
        lo
    } else if crate::ops::num_lt(hi, x) {
        hi
    } else {
        x
    };
    vm.ret1(r)
}

fn lerp(vm: &mut Vm, a: Args) -> R {
    let x = vm.check_f64(a, 1)?;
    let y = vm.check_f64(a, 2)?;
    let t = vm.check_f64(a, 3)?;
    ret_f(vm, x + (y - x) * t)
}

fn sign(vm: &mut Vm, a: Args) -> R {
    let s = match vm.check_num(a, 1)? {
        Num::Int(i) => i.signum(),
        Num::Float(f) => {
            if f > 0.0 {
                1
            } else if f < 0.0 {
                -1
            } else {
                0
            }
        }
    };
    vm.ret1(Value::inline_int(s))
}

fn hypot(vm: &mut Vm, a: Args) -> R {
    let x = vm.check_f64(a, 1)?;
    let y = vm.check_f64(a, 2)?;
    ret_f(vm, x.hypot(y))
}

fn isnan(vm: &mut Vm, a: Args) -> R {
    let r = matches!(vm.check_num(a, 1)?, Num::Float(f) if f.is_nan());
    vm.ret1(Value::bool(r))
}

fn isinf(vm: &mut Vm, a: Args) -> R {
    let r = matches!(vm.check_num(a, 1)?, Num::Float(f) if f.is_infinite());
    vm.ret1(Value::bool(r))
}
