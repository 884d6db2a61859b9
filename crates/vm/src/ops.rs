//! Operator semantics shared by the interpreter and the builtins: arithmetic on
//! integers/floats/numeric strings (spec 6.2, 6.3), exact mixed comparisons (6.5),
//! equality (4.8), string conversion (4.3.4, `tostring`), and key normalisation (4.5).
//!
//! These functions never call metamethods; they report `None` when a metamethod (or an
//! error) is needed and the caller decides.

use crate::number::{self, Num};
use crate::object::{value_as, Str};
use crate::value::{Value, TAG_INT, TAG_OBJ, TAG_SHIFT, TAG_STR};
use crate::vm::{Tm, Vm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Mod,
    Pow,
    Div,
    BAnd,
    BOr,
    BXor,
    Shl,
    Shr,
    Unm,
    BNot,
}

impl ArithOp {
    pub fn tm(self) -> Tm {
        match self {
            ArithOp::Add => Tm::Add,
            ArithOp::Sub => Tm::Sub,
            ArithOp::Mul => Tm::Mul,
            ArithOp::Mod => Tm::Mod,
            ArithOp::Pow => Tm::Pow,
            ArithOp::Div => Tm::Div,
            ArithOp::BAnd => Tm::BAnd,
            ArithOp::BOr => Tm::BOr,
            ArithOp::BXor => Tm::BXor,
            ArithOp::Shl => Tm::Shl,
            ArithOp::Shr => Tm::Shr,
            ArithOp::Unm => Tm::Unm,
            ArithOp::BNot => Tm::BNot,
        }
    }
    pub fn is_bitwise(self) -> bool {
        matches!(self, ArithOp::BAnd | ArithOp::BOr | ArithOp::BXor | ArithOp::Shl | ArithOp::Shr | ArithOp::BNot)
    }
    /// The event name used in "attempt to EV a 'T1' with a 'T2'".
    pub fn event(self) -> &'static str {
        match self {
            ArithOp::Add => "add",
            ArithOp::Sub => "sub",
            ArithOp::Mul => "mul",
            ArithOp::Mod => "mod",
            ArithOp::Pow => "pow",
            ArithOp::Div => "div",
            ArithOp::Unm => "unm",
            ArithOp::BAnd => "band",
            ArithOp::BOr => "bor",
            ArithOp::BXor => "bxor",
            ArithOp::Shl => "shl",
            ArithOp::Shr => "shr",
            ArithOp::BNot => "bnot",
        }
    }
}

/// Outcome of a raw arithmetic attempt.
pub enum Arith {
    Value(Value),
    /// Integer `%` by zero.
    ModByZero,
    /// A bitwise operand is a float without integer value.
    NoIntRep,
    /// Not numbers: try metamethods, else a type error.
    NotNumbers,
}

/// The numeric value of an operand for arithmetic: numbers, and strings convertible by 4.3.3.
#[inline]
pub fn to_num(v: Value) -> Option<Num> {
    if v.is_float() {
        return Some(Num::Float(v.as_float_unchecked()));
    }
    if let Some(i) = v.as_int() {
        return Some(Num::Int(i));
    }
    if let Some(b) = Vm::str_bytes(v) {
        return number::parse_number(b);
    }
    None
}

/// The integer value of a number for bitwise operators (strings are not converted).
#[inline]
pub fn to_int_strict(v: Value) -> Option<Result<i64, ()>> {
    if let Some(i) = v.as_int() {
        return Some(Ok(i));
    }
    if let Some(f) = v.as_float() {
        return Some(number::float_to_int(f).ok_or(()));
    }
    None
}

#[inline]
pub fn int_mod(a: i64, b: i64) -> i64 {
    // b != 0 checked by the caller.
    let r = a.wrapping_rem(b);
    if r != 0 && (r ^ b) < 0 {
        r + b
    } else {
        r
    }
}

#[inline]
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if (m > 0.0 && b < 0.0) || (m < 0.0 && b > 0.0) {
        m + b
    } else {
        m
    }
}

/// Integer power for b >= 0 by repeated squaring, wrapping.
pub fn int_pow(mut a: i64, mut b: i64) -> i64 {
    let mut r: i64 = 1;
    while b > 0 {
        if b & 1 == 1 {
            r = r.wrapping_mul(a);
        }
        a = a.wrapping_mul(a);
        b >>= 1;
    }
    r
}

#[inline]
pub fn shift_left(a: i64, n: i64) -> i64 {
    if n <= -64 || n >= 64 {
        0
    } else if n >= 0 {
        ((a as u64) << n) as i64
    } else {
        ((a as u64) >> (-n)) as i64
    }
}

#[inline]
pub fn float_pow(a: f64, b: f64) -> f64 {
    if b == 2.0 {
        a * a
    } else {
        a.powf(b)
    }
}

/// Arithmetic on two numeric operands (ints, floats, numeric strings for non-bitwise ops).
pub fn arith(vm: &mut Vm, op: ArithOp, a: Value, b: Value) -> Arith {
    if op.is_bitwise() {
        let (x, y) = match (to_int_strict(a), to_int_strict(b)) {
            (Some(x), Some(y)) => (x, y),
            _ => return Arith::NotNumbers,
        };
        let (Ok(x), Ok(y)) = (x, y) else { return Arith::NoIntRep };
        let r = match op {
            ArithOp::BAnd => x & y,
            ArithOp::BOr => x | y,
            ArithOp::BXor => x ^ y,
            ArithOp::Shl => shift_left(x, y),
            ArithOp::Shr => shift_left(x, y.wrapping_neg()),
            _ => !x,
        };
        return Arith::Value(vm.int(r));
    }
    let (x, y) = match (to_num(a), to_num(b)) {
        (Some(x), Some(y)) => (x, y),
        _ => return Arith::NotNumbers,
    };
    match (x, y) {
        (Num::Int(x), Num::Int(y)) => {
            let r = match op {
                ArithOp::Add => x.wrapping_add(y),
                ArithOp::Sub => x.wrapping_sub(y),
                ArithOp::Mul => x.wrapping_mul(y),
                ArithOp::Mod => {
                    if y == 0 {
                        return Arith::ModByZero;
                    }
                    int_mod(x, y)
                }
                ArithOp::Pow => {
                    if y >= 0 {
                        int_pow(x, y)
                    } else {
                        return Arith::Value(Value::float((x as f64).powf(y as f64)));
                    }
                }
                ArithOp::Div => return Arith::Value(Value::float(x as f64 / y as f64)),
                ArithOp::Unm => x.wrapping_neg(),
                _ => unreachable!("bitwise handled above"),
            };
            Arith::Value(vm.int(r))
        }
        (x, y) => {
            let x = num_f64(x);
            let y = num_f64(y);
            let r = match op {
                ArithOp::Add => x + y,
                ArithOp::Sub => x - y,
                ArithOp::Mul => x * y,
                ArithOp::Mod => float_mod(x, y),
                ArithOp::Pow => float_pow(x, y),
                ArithOp::Div => x / y,
                ArithOp::Unm => -x,
                _ => unreachable!("bitwise handled above"),
            };
            Arith::Value(Value::float(r))
        }
    }
}

#[inline]
fn num_f64(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    }
}

// ---- comparisons ----

fn float_to_int_floor(f: f64) -> Option<i64> {
    number::float_to_int(f.floor())
}
fn float_to_int_ceil(f: f64) -> Option<i64> {
    number::float_to_int(f.ceil())
}

fn int_fits_float(i: i64) -> bool {
    const MAX: i64 = 1 << 53;
    (-MAX..=MAX).contains(&i)
}

pub fn lt_int_float(i: i64, f: f64) -> bool {
    if int_fits_float(i) {
        return (i as f64) < f;
    }
    match float_to_int_ceil(f) {
        Some(fi) => i < fi,
        None => f > 0.0,
    }
}
pub fn le_int_float(i: i64, f: f64) -> bool {
    if int_fits_float(i) {
        return (i as f64) <= f;
    }
    match float_to_int_floor(f) {
        Some(fi) => i <= fi,
        None => f > 0.0,
    }
}
pub fn lt_float_int(f: f64, i: i64) -> bool {
    if int_fits_float(i) {
        return f < i as f64;
    }
    match float_to_int_floor(f) {
        Some(fi) => fi < i,
        None => f < 0.0,
    }
}
pub fn le_float_int(f: f64, i: i64) -> bool {
    if int_fits_float(i) {
        return f <= i as f64;
    }
    match float_to_int_ceil(f) {
        Some(fi) => fi <= i,
        None => f < 0.0,
    }
}

/// `a < b` for two numbers.
#[inline]
pub fn num_lt(a: Value, b: Value) -> bool {
    match (a.as_int(), b.as_int()) {
        (Some(x), Some(y)) => x < y,
        (Some(x), None) => lt_int_float(x, b.as_float_unchecked()),
        (None, Some(y)) => lt_float_int(a.as_float_unchecked(), y),
        (None, None) => a.as_float_unchecked() < b.as_float_unchecked(),
    }
}

/// `a <= b` for two numbers.
#[inline]
pub fn num_le(a: Value, b: Value) -> bool {
    match (a.as_int(), b.as_int()) {
        (Some(x), Some(y)) => x <= y,
        (Some(x), None) => le_int_float(x, b.as_float_unchecked()),
        (None, Some(y)) => le_float_int(a.as_float_unchecked(), y),
        (None, None) => a.as_float_unchecked() <= b.as_float_unchecked(),
    }
}

/// Raw equality (no `__eq`): spec 4.8.
#[inline]
pub fn raw_equal(a: Value, b: Value) -> bool {
    if a.0 == b.0 {
        // Identical bits: equal unless a NaN.
        return !(a.is_float() && a.as_float_unchecked().is_nan());
    }
    raw_equal_slow(a, b)
}

/// `raw_equal` for values with different bits (out of line, so that the dispatch loop's
/// equality ops stay small). Different bits mean "not equal" except for two floats
/// (0.0 == -0.0), an integer and a float with the same value, boxed integers, and two
/// strings of which at least one is not interned. The tags alone decide the common
/// cases (a value against nil, a number against a string, two interned-or-not strings
/// need one load each).
#[inline(never)]
fn raw_equal_slow(a: Value, b: Value) -> bool {
    let (tag_a, tag_b) = (a.0 >> TAG_SHIFT, b.0 >> TAG_SHIFT);
    if tag_a == TAG_INT && tag_b == TAG_INT {
        return false; // two different inline integers (the most frequent case)
    }
    if tag_a == TAG_STR && tag_b == TAG_STR {
        return str_content_equal(a, b);
    }
    // Floats have tags up to 0xFFF8, inline integers TAG_INT: both are "inline numbers".
    if tag_a <= TAG_INT && tag_b <= TAG_INT {
        if tag_a < TAG_INT && tag_b < TAG_INT {
            return a.as_float_unchecked() == b.as_float_unchecked(); // 0.0 == -0.0
        }
        return mixed_number_equal(a, b);
    }
    if tag_a == TAG_OBJ || tag_b == TAG_OBJ {
        return mixed_number_equal(a, b);
    }
    // nil, booleans, tables, functions: equal only when identical; a string equals only
    // a string.
    false
}

/// Two string values with different bits: equal only if one is not interned (a long
/// string) and the bytes match.
fn str_content_equal(a: Value, b: Value) -> bool {
    match (value_as::<Str>(a), value_as::<Str>(b)) {
        (Some(x), Some(y)) => !(x.interned && y.interned) && x.as_bytes() == y.as_bytes(),
        _ => false,
    }
}

/// An integer against a float, or a boxed integer ("other object") against anything:
/// numbers compare by value when both are numbers; anything else is unequal. Out of line
/// (it needs a stack frame for the float conversion).
#[inline(never)]
fn mixed_number_equal(a: Value, b: Value) -> bool {
    if a.is_number() && b.is_number() {
        return match (a.as_int(), b.as_int()) {
            (Some(x), Some(y)) => x == y,
            (Some(x), None) => number::float_to_int(b.as_float_unchecked()) == Some(x),
            (None, Some(y)) => number::float_to_int(a.as_float_unchecked()) == Some(y),
            (None, None) => a.as_float_unchecked() == b.as_float_unchecked(),
        };
    }
    false
}

/// Strings compare byte-wise (the C locale).
pub fn str_lt(a: &[u8], b: &[u8]) -> bool {
    a < b
}

/// Normalises a table key: floats with integer values become integers. Returns Err for
/// nil ("table index is nil") and NaN ("table index is NaN").
#[inline]
pub fn normalize_key(vm: &mut Vm, k: Value) -> Result<Value, &'static str> {
    if k.is_float() {
        let f = k.as_float_unchecked();
        if let Some(i) = number::float_to_int(f) {
            return Ok(vm.int(i));
        }
        if f.is_nan() {
            return Err("table index is NaN");
        }
        return Ok(k);
    }
    if k.is_nil() {
        return Err("table index is nil");
    }
    Ok(k)
}

/// Raw `t[k]` with any key (floats with integer values are normalised; nil and NaN
/// read as absent).
#[inline]
pub fn raw_get(t: &crate::table::Table, k: Value) -> Value {
    if k.is_float() {
        let f = k.as_float_unchecked();
        if let Some(i) = number::float_to_int(f) {
            return t.get_int(i);
        }
        if f.is_nan() {
            return Value::NIL;
        }
        return t.get(k);
    }
    if k.is_nil() {
        return Value::NIL;
    }
    t.get(k)
}

/// Appends the `tostring` text of a number (spec 4.3.4).
pub fn number_to_text(v: Value, out: &mut Vec<u8>) {
    if let Some(i) = v.as_int() {
        number::format_int(i, out);
    } else {
        number::format_float(v.as_float_unchecked(), out);
    }
}

/// Converts a string or number to bytes for concatenation; None for other types.
pub fn concat_piece(v: Value, out: &mut Vec<u8>) -> bool {
    if let Some(b) = Vm::str_bytes(v) {
        out.extend_from_slice(b);
        true
    } else if v.is_number() {
        number_to_text(v, out);
        true
    } else {
        false
    }
}
