//! Compile-time constant folding of numeric operators on literal operands.
//!
//! Folding must give exactly the value the interpreter would compute, so it is limited
//! to cases whose runtime semantics are unambiguous: integer wraparound arithmetic,
//! floored integer `%` (never by zero), integer `**` with a non-negative exponent
//! (repeated squaring), float `+ - * /` and `%` on finite operands, bitwise operators on
//! integers (or floats with an exact integer value). Results that are NaN are never
//! folded; float `**` is left to the runtime `pow`.

use crate::expdesc::Num;
use syntax::ast::{BinOp, UnOp};

/// Integer value of a number with an exact integer representation.
pub fn to_int(n: Num) -> Option<i64> {
    match n {
        Num::Int(i) => Some(i),
        Num::Float(f) => float_to_int(f),
    }
}

pub fn float_to_int(f: f64) -> Option<i64> {
    // -2^63 <= f < 2^63 and integral.
    if f.fract() == 0.0 && f >= -9_223_372_036_854_775_808.0 && f < 9_223_372_036_854_775_808.0 {
        Some(f as i64)
    } else {
        None
    }
}

fn to_float(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    }
}

/// Integer power with wraparound (b >= 0).
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

/// Floored integer modulo (b != 0).
pub fn int_mod(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && (r ^ b) < 0 {
        r.wrapping_add(b)
    } else {
        r
    }
}

/// Logical shift left by n (negative n shifts right).
pub fn shift_left(a: i64, n: i64) -> i64 {
    if n <= -64 || n >= 64 {
        0
    } else if n >= 0 {
        ((a as u64) << n) as i64
    } else {
        ((a as u64) >> (-n)) as i64
    }
}

fn float_result(f: f64) -> Option<Num> {
    if f.is_nan() {
        None
    } else {
        Some(Num::Float(f))
    }
}

/// Folds `a op b`, or `None` when the operation must be left to the runtime.
pub fn fold_binary(op: BinOp, a: Num, b: Num) -> Option<Num> {
    use Num::*;
    match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul => match (a, b) {
            (Int(x), Int(y)) => Some(Int(match op {
                BinOp::Add => x.wrapping_add(y),
                BinOp::Sub => x.wrapping_sub(y),
                _ => x.wrapping_mul(y),
            })),
            _ => {
                let (x, y) = (to_float(a), to_float(b));
                float_result(match op {
                    BinOp::Add => x + y,
                    BinOp::Sub => x - y,
                    _ => x * y,
                })
            }
        },
        BinOp::Div => float_result(to_float(a) / to_float(b)),
        BinOp::Mod => match (a, b) {
            (Int(_), Int(0)) => None,
            (Int(x), Int(y)) => Some(Int(int_mod(x, y))),
            _ => {
                let (x, y) = (to_float(a), to_float(b));
                if !x.is_finite() || !y.is_finite() || y == 0.0 {
                    return None;
                }
                let mut m = x % y;
                if (m > 0.0 && y < 0.0) || (m < 0.0 && y > 0.0) {
                    m += y;
                }
                float_result(m)
            }
        },
        BinOp::Pow => match (a, b) {
            (Int(x), Int(y)) if y >= 0 => Some(Int(int_pow(x, y))),
            _ => None,
        },
        BinOp::BAnd | BinOp::BOr | BinOp::BXor | BinOp::BAndNot | BinOp::Shl | BinOp::Shr => {
            let (x, y) = (to_int(a)?, to_int(b)?);
            Some(Int(match op {
                BinOp::BAnd => x & y,
                BinOp::BOr => x | y,
                BinOp::BXor => x ^ y,
                BinOp::BAndNot => x & !y,
                BinOp::Shl => shift_left(x, y),
                _ => shift_left(x, y.wrapping_neg()),
            }))
        }
        _ => None,
    }
}

/// Folds a unary `-` or `^`.
pub fn fold_unary(op: UnOp, a: Num) -> Option<Num> {
    match (op, a) {
        (UnOp::Neg, Num::Int(i)) => Some(Num::Int(i.wrapping_neg())),
        (UnOp::Neg, Num::Float(f)) => float_result(-f),
        (UnOp::BNot, n) => Some(Num::Int(!to_int(n)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_rules() {
        assert_eq!(int_pow(2, 64), 0);
        assert_eq!(int_pow(3, 0), 1);
        assert_eq!(int_pow(0, 0), 1);
        assert_eq!(int_pow(-2, 3), -8);
        assert_eq!(int_mod(-7, 3), 2);
        assert_eq!(int_mod(7, -3), -2);
        assert_eq!(int_mod(i64::MIN, -1), 0);
        assert_eq!(shift_left(1, 64), 0);
        assert_eq!(shift_left(-1, -63), 1);
        assert_eq!(shift_left(8, -1), 4);
        assert_eq!(shift_left(1, 62), 1 << 62);
        assert_eq!(fold_binary(BinOp::Shr, Num::Int(8), Num::Int(-1)), Some(Num::Int(16)));
    }

    #[test]
    fn float_rules() {
        assert_eq!(fold_binary(BinOp::Div, Num::Int(6), Num::Int(2)), Some(Num::Float(3.0)));
        assert_eq!(fold_binary(BinOp::Mod, Num::Float(-7.5), Num::Int(2)), Some(Num::Float(0.5)));
        assert_eq!(fold_binary(BinOp::Mod, Num::Float(7.5), Num::Int(2)), Some(Num::Float(1.5)));
        assert_eq!(fold_binary(BinOp::Mod, Num::Int(1), Num::Int(0)), None);
        assert_eq!(fold_binary(BinOp::Div, Num::Int(0), Num::Int(0)), None);
        assert_eq!(fold_binary(BinOp::Pow, Num::Int(2), Num::Int(-1)), None);
        assert_eq!(fold_binary(BinOp::BOr, Num::Float(1.5), Num::Int(0)), None);
        assert_eq!(fold_binary(BinOp::BOr, Num::Float(3.0), Num::Int(0)), Some(Num::Int(3)));
        assert_eq!(fold_unary(UnOp::Neg, Num::Int(i64::MIN)), Some(Num::Int(i64::MIN)));
    }
}
