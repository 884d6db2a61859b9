//! Number <-> text conversions with exact Lua 5.4 semantics (spec 4.3.2-4.3.4, 12.1).
//!
//! * [`parse_number`]: a Lua 5.4 numeral (as `tonumber(s)` / string arithmetic coercion):
//!   decimal and hex integers and floats, optional sign and surrounding whitespace.
//! * [`parse_int_base`]: `tonumber(s, base)`.
//! * [`format_int`], [`format_float`] (the `tostring` form, `%.14g` plus `.0`),
//!   [`format_float_g14`] (the `io.write` form, plain `%.14g`).
//! * [`float_to_int`]: the exact float -> integer conversion.
//! * [`floor_f64`], [`ceil_f64`]: IEEE floor/ceil without a libm call.
//!
//! Invariants: every function is total (never panics on any input); float parsing and
//! formatting are correctly rounded from the exact binary value (ties to even), matching
//! glibc `strtod` / `snprintf` as used by PUC Lua. No allocation beyond the output vector.

use std::fmt::Write as _;

/// A Lua number: integer or float subtype.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

/// Lua's `isspace` in the C locale: space, \t, \n, \v, \f, \r.
#[inline]
pub fn is_lua_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

fn trim_space(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&b| !is_lua_space(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|&b| !is_lua_space(b)).map_or(start, |p| p + 1);
    &s[start..end.max(start)]
}

#[inline]
fn hex_value(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// Parses a Lua 5.4 numeral with optional surrounding whitespace and sign (spec 4.3.3).
/// Returns `None` for anything else (including embedded NUL bytes, `inf`, `nan`, `1_0`).
pub fn parse_number(s: &[u8]) -> Option<Num> {
    let body = trim_space(s);
    let (neg, digits) = match body.first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    if digits.len() >= 2 && digits[0] == b'0' && (digits[1] == b'x' || digits[1] == b'X') {
        return parse_hex(&digits[2..], neg);
    }
    parse_decimal(body, digits, neg)
}

/// Decimal numeral; `signed` is the text including the sign (for the float parser).
fn parse_decimal(signed: &[u8], s: &[u8], neg: bool) -> Option<Num> {
    // Validate: digits [ '.' digits ] [ (e|E) [sign] digits ], at least one mantissa digit.
    let mut i = 0;
    let mut int_digits = 0usize;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        int_digits += 1;
    }
    let mut is_float = false;
    let mut frac_digits = 0usize;
    if i < s.len() && s[i] == b'.' {
        is_float = true;
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            frac_digits += 1;
        }
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        is_float = true;
        i += 1;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return None;
        }
    }
    if i != s.len() {
        return None;
    }
    if !is_float {
        // Integer if it fits (Lua's l_str2int overflow rule), otherwise the nearest float.
        let mut acc: u64 = 0;
        let limit: u64 = if neg { 1u64 << 63 } else { i64::MAX as u64 };
        let mut fits = true;
        for &d in s {
            let next = acc.checked_mul(10).and_then(|v| v.checked_add(u64::from(d - b'0')));
            match next {
                Some(v) if v <= limit => acc = v,
                _ => {
                    fits = false;
                    break;
                }
            }
        }
        if fits {
            let v = if neg { (acc as i64).wrapping_neg() } else { acc as i64 };
            return Some(Num::Int(v));
        }
    }
    // Syntax validated above, so Rust's (correctly rounded) parser sees only plain numerals.
    let text = std::str::from_utf8(signed).ok()?;
    text.parse::<f64>().ok().map(Num::Float)
}

/// Hex numeral after the `0x` prefix: integer (wrapping) or hex float.
fn parse_hex(s: &[u8], neg: bool) -> Option<Num> {
    let mut i = 0;
    // Integer accumulator (wrapping) and float mantissa accumulator (first 16 significant
    // hex digits exactly, the rest folded into a sticky bit).
    let mut wrapped: u64 = 0;
    let mut mant: u64 = 0;
    let mut mant_digits = 0u32;
    let mut sticky = false;
    let mut exp2: i64 = 0;
    let mut any_digit = false;
    while i < s.len() {
        let Some(d) = hex_value(s[i]) else { break };
        any_digit = true;
        wrapped = wrapped.wrapping_mul(16).wrapping_add(u64::from(d));
        accumulate_hex(&mut mant, &mut mant_digits, &mut sticky, &mut exp2, d, false);
        i += 1;
    }
    let mut is_float = false;
    if i < s.len() && s[i] == b'.' {
        is_float = true;
        i += 1;
        while i < s.len() {
            let Some(d) = hex_value(s[i]) else { break };
            any_digit = true;
            accumulate_hex(&mut mant, &mut mant_digits, &mut sticky, &mut exp2, d, true);
            i += 1;
        }
    }
    if !any_digit {
        return None;
    }
    if i < s.len() && (s[i] == b'p' || s[i] == b'P') {
        is_float = true;
        i += 1;
        let mut exp_neg = false;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            exp_neg = s[i] == b'-';
            i += 1;
        }
        let exp_start = i;
        let mut e: i64 = 0;
        while i < s.len() && s[i].is_ascii_digit() {
            // Saturate: anything beyond this range is 0 or inf anyway.
            e = (e * 10 + i64::from(s[i] - b'0')).min(1 << 40);
            i += 1;
        }
        if i == exp_start {
            return None;
        }
        exp2 += if exp_neg { -e } else { e };
    }
    if i != s.len() {
        return None;
    }
    if !is_float {
        let v = wrapped as i64;
        return Some(Num::Int(if neg { v.wrapping_neg() } else { v }));
    }
    let mag = assemble_float(mant, exp2, sticky);
    Some(Num::Float(if neg { -mag } else { mag }))
}

/// Adds one hex digit to a float mantissa being accumulated (value = mant * 2^exp2).
fn accumulate_hex(mant: &mut u64, ndigits: &mut u32, sticky: &mut bool, exp2: &mut i64, d: u32, frac: bool) {
    if *mant == 0 && d == 0 {
        // Leading zeros are not significant; after the point they scale the value down.
        if frac {
            *exp2 -= 4;
        }
        return;
    }
    if *ndigits < 16 {
        *mant = (*mant << 4) | u64::from(d);
        *ndigits += 1;
        if frac {
            *exp2 -= 4;
        }
    } else {
        if d != 0 {
            *sticky = true;
        }
        if !frac {
            *exp2 += 4;
        }
    }
}

/// Correctly rounds `mant * 2^exp2` (+ a tiny positive amount if `sticky`) to a double,
/// ties to even. Handles subnormals, underflow to 0 and overflow to infinity.
fn assemble_float(mant: u64, exp2: i64, sticky: bool) -> f64 {
    if mant == 0 {
        return 0.0;
    }
    let lz = mant.leading_zeros();
    let m = mant << lz; // top bit set
    let e = exp2 - i64::from(lz); // value = m * 2^e
    let top = e + 63; // exponent of the leading bit
    if top > 1023 {
        return f64::INFINITY;
    }
    // Number of low bits of m to drop.
    let shift: i64 = if top >= -1022 { 11 } else { -e - 1074 };
    if shift > 64 {
        return 0.0;
    }
    let shift = shift as u32;
    let (q, rem_bits, half) = if shift == 64 {
        (0u64, m, 1u64 << 63)
    } else {
        (m >> shift, m & ((1u64 << shift) - 1), 1u64 << (shift - 1))
    };
    let round_up = rem_bits > half || (rem_bits == half && (sticky || q & 1 == 1));
    let mut q = q + u64::from(round_up);
    if top >= -1022 {
        let mut biased = top + 1023;
        if q == 1u64 << 53 {
            q >>= 1;
            biased += 1;
        }
        if biased >= 2047 {
            return f64::INFINITY;
        }
        f64::from_bits(((biased as u64) << 52) | (q & ((1u64 << 52) - 1)))
    } else {
        // Subnormal: q counts units of 2^-1074; a carry into 2^52 yields the smallest normal.
        f64::from_bits(q)
    }
}

/// `tonumber(s, base)` for base in 2..=36: whitespace trimmed, optional `-` (or `+`), then one
/// or more base digits (letters either case). Wraps modulo 2^64. `None` if not a numeral or
/// the base is outside 2..=36.
pub fn parse_int_base(s: &[u8], base: u32) -> Option<i64> {
    if !(2..=36).contains(&base) {
        return None;
    }
    let body = trim_space(s);
    let (neg, digits) = match body.first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    if digits.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for &c in digits {
        let d = (c as char).to_digit(36)?;
        if d >= base {
            return None;
        }
        n = n.wrapping_mul(u64::from(base)).wrapping_add(u64::from(d));
    }
    let v = n as i64;
    Some(if neg { v.wrapping_neg() } else { v })
}

/// Exact float -> integer conversion: `Some` only for an integral value in [-2^63, 2^63).
#[inline]
pub fn float_to_int(x: f64) -> Option<i64> {
    // -2^63 <= x < 2^63 (NaN fails both comparisons).
    if (-9223372036854775808.0..9223372036854775808.0).contains(&x) && x.floor() == x {
        Some(x as i64)
    } else {
        None
    }
}

/// Floats at or beyond this magnitude are all integral (the 52-bit fraction is used up).
const INTEGRAL_FROM: f64 = 4_503_599_627_370_496.0; // 2^52

/// `x.floor()` (IEEE, including -0.0, infinities and NaN) without the libm call that
/// `f64::floor` compiles to on x86-64 without SSE4.1 (about 45 instructions).
#[inline(always)]
pub fn floor_f64(x: f64) -> f64 {
    if x.abs() < INTEGRAL_FROM {
        // |x| < 2^52: the truncation is exact in both conversions.
        let t = x as i64 as f64;
        let f = if t > x { t - 1.0 } else { t };
        // A zero result keeps x's sign (floor(-0.0) is -0.0); nonzero results already
        // have it.
        f.copysign(x)
    } else {
        x
    }
}

/// `x.ceil()` (IEEE, including -0.0 for -1 < x <= -0, infinities and NaN) without a
/// libm call; see [`floor_f64`].
#[inline(always)]
pub fn ceil_f64(x: f64) -> f64 {
    if x.abs() < INTEGRAL_FROM {
        let t = x as i64 as f64;
        let c = if t < x { t + 1.0 } else { t };
        c.copysign(x)
    } else {
        x
    }
}

/// Appends the decimal form of an integer.
#[inline]
pub fn format_int(i: i64, out: &mut Vec<u8>) {
    let mut buf = [0u8; 20];
    let mut pos = buf.len();
    let mut n = i.unsigned_abs();
    loop {
        pos -= 1;
        buf[pos] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        out.push(b'-');
    }
    out.extend_from_slice(&buf[pos..]);
}

/// Appends the `tostring` form of a float: `%.14g`, plus `.0` if it looks like an integer.
#[inline]
pub fn format_float(x: f64, out: &mut Vec<u8>) {
    if format_g14(x, out) {
        out.extend_from_slice(b".0");
    }
}

/// Appends the plain `%.14g` form of a float (the `io.write` form).
#[inline]
pub fn format_float_g14(x: f64, out: &mut Vec<u8>) {
    format_g14(x, out);
}

/// A fixed-capacity byte buffer implementing `fmt::Write` (no heap allocation).
pub(crate) struct StackBuf<const N: usize> {
    pub(crate) buf: [u8; N],
    pub(crate) len: usize,
}

impl<const N: usize> StackBuf<N> {
    pub(crate) fn new() -> Self {
        StackBuf { buf: [0; N], len: 0 }
    }
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl<const N: usize> std::fmt::Write for StackBuf<N> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(std::fmt::Error)?;
        if end > N {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Correctly rounded scientific digits of |x| (finite, nonzero): writes exactly `ndigits`
/// significant decimal digits into `digits` and returns the decimal exponent X such that
/// |x| ~= d1.d2d3... * 10^X. `ndigits` must be in 1..=120.
pub(crate) fn sci_digits(x: f64, ndigits: usize, digits: &mut [u8]) -> i32 {
    let mut sb = StackBuf::<160>::new();
    // Rust's `{:.Ne}` is exact (Grisu with Dragon fallback): correct rounding, ties to even.
    let _ = write!(sb, "{:.*e}", ndigits.saturating_sub(1), x.abs());
    let text = sb.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < text.len() && text[i] != b'e' {
        if text[i].is_ascii_digit() && n < digits.len() {
            digits[n] = text[i];
            n += 1;
        }
        i += 1;
    }
    let mut exp: i32 = 0;
    let mut neg = false;
    i += 1;
    if i < text.len() && text[i] == b'-' {
        neg = true;
        i += 1;
    }
    while i < text.len() {
        exp = exp * 10 + i32::from(text[i] - b'0');
        i += 1;
    }
    if neg {
        -exp
    } else {
        exp
    }
}

/// The 14 significant digits (zero-padded) and decimal exponent of |x| rounded to 14 digits.
///
/// Fast path: if the shortest round-trip representation has at most 14 digits, it *is* the
/// correctly rounded 14-digit value (it lies within half an ulp of x, far less than half a
/// unit in the 14th digit), so the cheaper shortest conversion suffices.
fn g14_digits(x: f64, digits: &mut [u8; 14]) -> i32 {
    let mut sb = StackBuf::<40>::new();
    let _ = write!(sb, "{:e}", x.abs());
    let text = sb.as_bytes();
    let epos = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
    let mantissa = &text[..epos];
    let ndigits = mantissa.iter().filter(|b| b.is_ascii_digit()).count();
    // Subnormals have too little precision for the argument above.
    if ndigits > 14 || x.abs() < f64::MIN_POSITIVE {
        return sci_digits(x, 14, digits);
    }
    digits.fill(b'0');
    for (slot, &b) in digits.iter_mut().zip(mantissa.iter().filter(|b| b.is_ascii_digit())) {
        *slot = b;
    }
    let exp_text = text.get(epos + 1..).unwrap_or(b"0");
    let (neg, mag) = match exp_text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, exp_text),
    };
    let e = mag.iter().fold(0i32, |a, &d| a * 10 + i32::from(d.wrapping_sub(b'0')));
    if neg {
        -e
    } else {
        e
    }
}

/// Writes `%.14g`; returns true if the text looks like an integer (only `-` and digits).
fn format_g14(x: f64, out: &mut Vec<u8>) -> bool {
    if !x.is_finite() {
        if x.is_nan() {
            out.extend_from_slice(if x.is_sign_negative() { b"-nan" } else { b"nan" });
        } else {
            out.extend_from_slice(if x < 0.0 { b"-inf" } else { b"inf" });
        }
        return false;
    }
    // Fast path: integral values below 1e14 print exactly as integers under %.14g.
    if x.abs() < 1e14 && x.trunc() == x {
        if x == 0.0 {
            out.extend_from_slice(if x.is_sign_negative() { b"-0" } else { b"0" });
        } else {
            format_int(x as i64, out);
        }
        return true;
    }
    let mut digits = [0u8; 14];
    let exp = g14_digits(x, &mut digits);
    if x < 0.0 {
        out.push(b'-');
    }
    // Significant digits with trailing zeros removed (at least one remains).
    let mut nd = 14;
    while nd > 1 && digits[nd - 1] == b'0' {
        nd -= 1;
    }
    let digits = &digits[..nd];
    if (-4..14).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            if nd <= int_len {
                out.extend_from_slice(digits);
                out.extend(std::iter::repeat_n(b'0', int_len - nd));
                return true;
            }
            out.extend_from_slice(&digits[..int_len]);
            out.push(b'.');
            out.extend_from_slice(&digits[int_len..]);
        } else {
            out.extend_from_slice(b"0.");
            out.extend(std::iter::repeat_n(b'0', (-exp - 1) as usize));
            out.extend_from_slice(digits);
        }
        false
    } else {
        out.push(digits[0]);
        if nd > 1 {
            out.push(b'.');
            out.extend_from_slice(&digits[1..]);
        }
        push_exponent(exp, out);
        false
    }
}

/// Appends a C-style exponent: `e+05`, `e-300` (at least two digits).
pub(crate) fn push_exponent_with(exp: i32, e_char: u8, out: &mut Vec<u8>) {
    out.push(e_char);
    out.push(if exp < 0 { b'-' } else { b'+' });
    let a = exp.unsigned_abs();
    if a < 10 {
        out.push(b'0');
    }
    format_int(i64::from(a), out);
}

fn push_exponent(exp: i32, out: &mut Vec<u8>) {
    push_exponent_with(exp, b'e', out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tostr(x: f64) -> String {
        let mut v = Vec::new();
        format_float(x, &mut v);
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn floor_and_ceil_match_libm_bit_for_bit() {
        let mut xs = vec![
            0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, 2.5, -2.5, 0.999_999_999, -0.999_999_999, 1e-300, -1e-300,
            4_503_599_627_370_495.5, -4_503_599_627_370_495.5, 4_503_599_627_370_496.0, -4_503_599_627_370_497.0,
            9_007_199_254_740_993.0, 1e300, -1e300, f64::MAX, f64::MIN, f64::MIN_POSITIVE, -f64::MIN_POSITIVE,
            f64::INFINITY, f64::NEG_INFINITY, f64::NAN, -f64::NAN, 9.223_372_036_854_776e18, -9.223_372_036_854_776e18,
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            xs.push(f64::from_bits(seed));
            xs.push((seed % 2_000_001) as f64 / 1000.0 - 1000.0);
        }
        for x in xs {
            if x.is_nan() {
                assert!(floor_f64(x).is_nan() && ceil_f64(x).is_nan());
            } else {
                assert_eq!(floor_f64(x).to_bits(), x.floor().to_bits(), "floor({x:e})");
                assert_eq!(ceil_f64(x).to_bits(), x.ceil().to_bits(), "ceil({x:e})");
            }
            let exact = if (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&x) && x.floor() == x {
                Some(x as i64)
            } else {
                None
            };
            assert_eq!(float_to_int(x), exact, "float_to_int({x:e})");
        }
    }

    #[test]
    fn spec_table() {
        let cases: &[(f64, &str)] = &[
            (1e15, "1e+15"),
            (1e14, "1e+14"),
            (1e13, "10000000000000.0"),
            (2f64.powi(53), "9.007199254741e+15"),
            (0.1 + 0.2, "0.3"),
            (1.0 / 3.0, "0.33333333333333"),
            (100.0 * 1.1, "110.0"),
            (-0.0, "-0.0"),
            (1e-4, "0.0001"),
            (1e-5, "1e-05"),
            (123456789012345.0, "1.2345678901234e+14"),
            (5e-324, "4.9406564584125e-324"),
            (std::f64::consts::PI, "3.1415926535898"),
            (2f64.powi(63), "9.2233720368548e+18"),
            (1.0, "1.0"),
            (1.5, "1.5"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "-nan"),
            (99999999999999.5, "1e+14"),
            (-2.5, "-2.5"),
            (1e100, "1e+100"),
            (123.456, "123.456"),
        ];
        for &(x, want) in cases {
            assert_eq!(tostr(x), want, "value {x:e}");
        }
        let mut v = Vec::new();
        format_float_g14(2.0, &mut v);
        v.push(b' ');
        format_float_g14(-0.0, &mut v);
        assert_eq!(v, b"2 -0");
    }

    #[test]
    fn ints() {
        for &(i, s) in &[(0i64, "0"), (-1, "-1"), (i64::MIN, "-9223372036854775808"), (i64::MAX, "9223372036854775807"), (120, "120")] {
            let mut v = Vec::new();
            format_int(i, &mut v);
            assert_eq!(v, s.as_bytes());
        }
    }

    #[test]
    fn parse_ok() {
        use Num::*;
        let cases: &[(&str, Num)] = &[
            ("10", Int(10)),
            ("  -7\t\n", Int(-7)),
            ("+3", Int(3)),
            ("3.0", Float(3.0)),
            ("5.", Float(5.0)),
            (".5", Float(0.5)),
            ("1e2", Float(100.0)),
            ("1E+2", Float(100.0)),
            ("0x10", Int(16)),
            (" 0x10 ", Int(16)),
            ("0xffffffffffffffff", Int(-1)),
            ("0x1ffffffffffffffff", Int(-1)),
            ("-0x10", Int(-16)),
            ("0x.8", Float(0.5)),
            ("0x1p4", Float(16.0)),
            ("0xA.8p1", Float(21.0)),
            ("0XA.8P-1", Float(5.25)),
            ("9223372036854775807", Int(i64::MAX)),
            ("-9223372036854775808", Int(i64::MIN)),
            ("9223372036854775808", Float(9223372036854775808.0)),
            ("-9223372036854775809", Float(-9223372036854775808.0)),
            ("1e400", Float(f64::INFINITY)),
            ("-1e400", Float(f64::NEG_INFINITY)),
            ("0.1", Float(0.1)),
            ("1e-400", Float(0.0)),
            ("0x1p-1074", Float(5e-324)),
            ("0x1p-1075", Float(0.0)),
            ("0x1.8p-1074", Float(1e-323)),
            ("0x1p1024", Float(f64::INFINITY)),
            ("0x1.fffffffffffff8p1023", Float(f64::INFINITY)),
            ("0x1.fffffffffffff7p1023", Float(f64::MAX)),
            ("0x10000000000000000000p-76", Float(1.0)),
            ("0x1.00000000000008p0", Float(1.0)),
            ("0x1.000000000000081p0", Float(1.0 + f64::EPSILON)),
            ("0x1.00000000000018p0", Float(1.0 + 2.0 * f64::EPSILON)),
            ("0x0.0000000000000000000000001p100", Float(1.0)),
            ("0x1p99999999999999999999", Float(f64::INFINITY)),
            ("0x1p-99999999999999999999", Float(0.0)),
        ];
        for (s, want) in cases {
            let got = parse_number(s.as_bytes());
            assert_eq!(got, Some(*want), "{s:?}");
            if let (Some(Float(g)), Float(w)) = (got, want) {
                assert_eq!(g.to_bits(), w.to_bits(), "{s:?}");
            }
        }
    }

    #[test]
    fn parse_rejects() {
        for s in ["", " ", "1e", "0x", "1_000", "0b101", "inf", "nan", "5 5", "- 5", "1\0", "-", ".", "e5", "0x.", "0x1p", "1.2.3", "0x1g", "1e+", "+-1", "0xp1", "infinity", "1f", "١"] {
            assert_eq!(parse_number(s.as_bytes()), None, "{s:?}");
        }
    }

    #[test]
    fn int_base() {
        assert_eq!(parse_int_base(b"ff", 16), Some(255));
        assert_eq!(parse_int_base(b"zz", 36), Some(1295));
        assert_eq!(parse_int_base(b"ZZ", 36), Some(1295));
        assert_eq!(parse_int_base(b"8", 8), None);
        assert_eq!(parse_int_base(b" -101 ", 2), Some(-5));
        assert_eq!(parse_int_base(b"", 10), None);
        assert_eq!(parse_int_base(b"-", 10), None);
        assert_eq!(parse_int_base(b"1 1", 10), None);
        assert_eq!(parse_int_base(b"ffffffffffffffff", 16), Some(-1));
        assert_eq!(parse_int_base(b"10", 37), None);
    }

    #[test]
    fn float_int() {
        assert_eq!(float_to_int(3.0), Some(3));
        assert_eq!(float_to_int(3.5), None);
        assert_eq!(float_to_int(-9223372036854775808.0), Some(i64::MIN));
        assert_eq!(float_to_int(9223372036854775808.0), None);
        assert_eq!(float_to_int(f64::NAN), None);
        assert_eq!(float_to_int(f64::INFINITY), None);
        assert_eq!(float_to_int(-0.0), Some(0));
    }

    // Oracle: glibc snprintf / strtod (what PUC Lua itself uses).
    extern "C" {
        fn snprintf(buf: *mut u8, n: usize, fmt: *const u8, ...) -> i32;
        fn strtod(s: *const u8, end: *mut *mut u8) -> f64;
    }

    fn c_g14(x: f64) -> Vec<u8> {
        let mut buf = [0u8; 64];
        let n = unsafe { snprintf(buf.as_mut_ptr(), buf.len(), b"%.14g\0".as_ptr(), x) };
        buf[..n as usize].to_vec()
    }

    /// Deterministic splitmix64 for test data.
    pub(crate) fn splitmix(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }

    fn random_double(st: &mut u64) -> f64 {
        let r = splitmix(st);
        match r % 4 {
            0 => f64::from_bits(splitmix(st)),
            1 => (splitmix(st) % 2_000_000) as f64 / 1000.0 - 1000.0,
            2 => (splitmix(st) >> 11) as f64 * 2f64.powi(-53) * 10f64.powi((splitmix(st) % 40) as i32 - 20),
            _ => ((splitmix(st) % 100_000_000) as f64 + 0.5) * 10f64.powi((splitmix(st) % 30) as i32 - 15),
        }
    }

    #[test]
    fn g14_matches_libc_random() {
        let mut st = 12345u64;
        for _ in 0..200_000 {
            let x = random_double(&mut st);
            if x.is_nan() {
                continue;
            }
            let mut got = Vec::new();
            format_float_g14(x, &mut got);
            assert_eq!(got, c_g14(x), "value bits {:#x}", x.to_bits());
        }
    }

    #[test]
    fn parse_matches_strtod_random() {
        let mut st = 777u64;
        for _ in 0..100_000 {
            let x = random_double(&mut st);
            if !x.is_finite() {
                continue;
            }
            // Round trip through several textual forms, hex included.
            let forms = [format!("{x:e}"), format!("{:.20e}", x), format!("{:.3e}", x), hexfloat(x)];
            for f in forms {
                let mut cs = f.clone().into_bytes();
                cs.push(0);
                let want = unsafe { strtod(cs.as_ptr(), std::ptr::null_mut()) };
                match parse_number(f.as_bytes()) {
                    Some(Num::Float(g)) => assert_eq!(g.to_bits(), want.to_bits(), "{f}"),
                    other => panic!("{f}: {other:?}"),
                }
            }
        }
    }

    fn hexfloat(x: f64) -> String {
        let mut buf = [0u8; 64];
        let n = unsafe { snprintf(buf.as_mut_ptr(), buf.len(), b"%.20a\0".as_ptr(), x) };
        String::from_utf8(buf[..n as usize].to_vec()).unwrap()
    }
}
