//! The `string.format` engine (spec 12.2.2): Lua 5.4.4's format-string parsing and
//! validation rules, and C `printf` (glibc) output for every conversion, on plain bytes and
//! numbers.
//!
//! Binding recipe (what `str_format` in lstrlib.c does, in this order):
//! ```text
//! for piece in FormatParser::new(fmt) {
//!     match piece {
//!         Piece::Literal(bytes) => out.extend(bytes),
//!         Piece::Conversion(spec) => {
//!             arg += 1; if arg > nargs { bad argument #arg to 'format' (no value) }
//!             let spec = spec?;                     // too long / invalid conversion
//!             match spec.kind() {
//!                 Int   => { n = checkinteger(arg)?; format_integer(&spec, n, out)? }
//!                 Float => { x = checknumber(arg)?;  format_float(&spec, x, out)? }
//!                 Char | HexFloat | Pointer => { spec.validate()?; convert arg; format_… }
//!                 Str   => { s = tostring(arg) (with __tostring); format_string(&spec, s, out)? }
//!                 Quote => { spec.validate()?; quote_string / quote_integer / quote_float,
//!                            "nil"/"true"/"false", else bad argument (value has no literal form) }
//!             }
//!         }
//!     }
//! }
//! ```
//! [`FormatError::BadArg`] must be reported as `bad argument #arg to 'format' (DETAIL)`;
//! [`FormatError::Message`] is raised as is. All `format_*` functions validate the spec
//! themselves, so skipping the explicit `validate()` only changes which of two simultaneous
//! errors is reported.
//!
//! Invariants: never panics; float output is correctly rounded from the exact binary value
//! (ties to even) and byte-identical to glibc `snprintf`; width and precision are at most 99,
//! so every item is bounded (< 420 bytes).

use crate::number::{format_int, push_exponent_with, sci_digits, StackBuf};
use std::fmt::Write as _;

/// A format error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// An error raised with this exact message (e.g. `invalid conversion '%y' to 'format'`).
    Message(String),
    /// An argument error: raise as `bad argument #k to 'format' (DETAIL)`.
    BadArg(&'static str),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Message(m) => f.write_str(m),
            FormatError::BadArg(d) => write!(f, "bad argument to 'format' ({d})"),
        }
    }
}

/// What a conversion consumes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// `d i u o x X`: an integer ([`format_integer`]).
    Int,
    /// `e E f g G`: a number as float ([`format_float`]).
    Float,
    /// `a A`: a number as float ([`format_float`]); Lua validates before converting.
    HexFloat,
    /// `c`: an integer ([`format_char`]).
    Char,
    /// `s`: any value converted by tostring ([`format_string`]).
    Str,
    /// `q`: a literal ([`quote_string`], [`quote_integer`], [`quote_float`]).
    Quote,
    /// `p`: an object identity ([`format_pointer`]).
    Pointer,
}

/// A parsed conversion specification `%[flags][width][.precision]conv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The conversion character (one of `cdiuoxXaAeEfgGspq`).
    pub conv: u8,
    pub left: bool,
    pub plus: bool,
    pub space: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub precision: Option<usize>,
    /// The text `%…conv` (for error messages), at most 22 bytes.
    form: [u8; 24],
    form_len: usize,
}

/// One piece of a format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Bytes to copy (`%%` yields `"%"`).
    Literal(&'a [u8]),
    /// A conversion consuming one argument; `Err` for `invalid format (too long)` or an unknown
    /// conversion. Lua checks the argument's presence (`no value`) before these errors.
    Conversion(Result<Spec, FormatError>),
}

/// Iterator over the pieces of a format string. After yielding an `Err` the iterator still
/// advances past the bad specification, but callers normally stop.
pub struct FormatParser<'a> {
    fmt: &'a [u8],
    pos: usize,
}

impl<'a> FormatParser<'a> {
    pub fn new(fmt: &'a [u8]) -> Self {
        FormatParser { fmt, pos: 0 }
    }
}

/// Flag, width and precision characters (`-+ #0123456789.`).
#[inline]
fn is_span_char(b: u8) -> bool {
    matches!(b, b'-' | b'+' | b' ' | b'#' | b'0'..=b'9' | b'.')
}
/// Lua's MAX_FORMAT - 10: a spec (flags..conversion, without `%`) of this length is too long.
const MAX_SPEC_LEN: usize = 22;

impl<'a> Iterator for FormatParser<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let fmt = self.fmt;
        let start = self.pos;
        if start >= fmt.len() {
            return None;
        }
        if fmt[start] != b'%' {
            let len = fmt[start..].iter().position(|&b| b == b'%').unwrap_or(fmt.len() - start);
            self.pos = start + len;
            return Some(Piece::Literal(&fmt[start..start + len]));
        }
        if fmt.get(start + 1) == Some(&b'%') {
            self.pos = start + 2;
            return Some(Piece::Literal(&fmt[start..start + 1]));
        }
        let body = start + 1;
        let span = fmt[body..].iter().take_while(|&&b| is_span_char(b)).count();
        self.pos = (body + span + 1).min(fmt.len());
        if span + 1 >= MAX_SPEC_LEN {
            return Some(Piece::Conversion(Err(FormatError::Message("invalid format (too long)".into()))));
        }
        let conv = fmt.get(body + span).copied().unwrap_or(0);
        Some(Piece::Conversion(Spec::parse(&fmt[body..body + span], conv)))
    }
}

fn msg(s: String) -> FormatError {
    FormatError::Message(s)
}

impl Spec {
    /// Builds a spec from the flag/width/precision span and the conversion character.
    /// Fails only for an unknown conversion (validation of flags is [`Spec::validate`]).
    fn parse(span: &[u8], conv: u8) -> Result<Spec, FormatError> {
        let mut form = [0u8; 24];
        form[0] = b'%';
        form[1..1 + span.len()].copy_from_slice(span);
        let mut form_len = 1 + span.len();
        if conv != 0 {
            form[form_len] = conv;
            form_len += 1;
        }
        let mut spec = Spec { conv, left: false, plus: false, space: false, alt: false, zero: false, width: 0, precision: None, form, form_len };
        if !b"cdiuoxXaAeEfgGspq".contains(&conv) || conv == 0 {
            // The message shows the spec up to a NUL byte (it is a C string in Lua).
            let shown = spec.form_text();
            let shown = &shown[..shown.iter().position(|&b| b == 0).unwrap_or(shown.len())];
            return Err(msg(format!("invalid conversion '{}' to 'format'", String::from_utf8_lossy(shown))));
        }
        let mut i = 0;
        while i < span.len() {
            match span[i] {
                b'-' => spec.left = true,
                b'+' => spec.plus = true,
                b' ' => spec.space = true,
                b'#' => spec.alt = true,
                b'0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = 0usize;
        while i < span.len() && span[i].is_ascii_digit() {
            width = (width * 10 + usize::from(span[i] - b'0')).min(1000);
            i += 1;
        }
        spec.width = width;
        if i < span.len() && span[i] == b'.' {
            i += 1;
            let mut p = 0usize;
            while i < span.len() && span[i].is_ascii_digit() {
                p = (p * 10 + usize::from(span[i] - b'0')).min(1000);
                i += 1;
            }
            spec.precision = Some(p);
        }
        Ok(spec)
    }

    /// The specification text `%…conv`.
    pub fn form_text(&self) -> &[u8] {
        &self.form[..self.form_len]
    }

    /// True if the spec has flags, width or precision.
    pub fn has_modifiers(&self) -> bool {
        self.form_len > 2
    }

    pub fn kind(&self) -> ArgKind {
        match self.conv {
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => ArgKind::Int,
            b'e' | b'E' | b'f' | b'g' | b'G' => ArgKind::Float,
            b'a' | b'A' => ArgKind::HexFloat,
            b'c' => ArgKind::Char,
            b's' => ArgKind::Str,
            b'q' => ArgKind::Quote,
            _ => ArgKind::Pointer,
        }
    }

    /// Lua's `checkformat` for this conversion: flags allowed for it, width and precision of at
    /// most two digits (a width may not start with `0`), precision only where allowed.
    /// `%q` with modifiers fails with `specifier '%q' cannot have modifiers`; `%s` without
    /// modifiers is always valid.
    pub fn validate(&self) -> Result<(), FormatError> {
        let (flags, precision_ok): (&[u8], bool) = match self.conv {
            b'd' | b'i' => (b"-+ 0", true),
            b'u' => (b"-0", true),
            b'o' | b'x' | b'X' => (b"-#0", true),
            b'a' | b'A' | b'e' | b'E' | b'f' | b'g' | b'G' => (b"-+ #0", true),
            b'c' | b'p' => (b"-", false),
            b's' => {
                if !self.has_modifiers() {
                    return Ok(());
                }
                (b"-", true)
            }
            _ => {
                return if self.has_modifiers() { Err(msg("specifier '%q' cannot have modifiers".into())) } else { Ok(()) };
            }
        };
        let span = &self.form[1..self.form_len - 1];
        let mut i = span.iter().take_while(|b| flags.contains(b)).count();
        if span.get(i) != Some(&b'0') {
            i += span[i..].iter().take(2).take_while(|b| b.is_ascii_digit()).count();
            if span.get(i) == Some(&b'.') && precision_ok {
                i += 1;
                i += span[i..].iter().take(2).take_while(|b| b.is_ascii_digit()).count();
            }
        }
        if i == span.len() {
            Ok(())
        } else {
            Err(msg(format!("invalid conversion specification: '{}'", String::from_utf8_lossy(self.form_text()))))
        }
    }
}

/// Appends `body` (already complete: sign, prefix, digits) padded to `spec.width`.
/// `zero_at` is where zero padding goes (after sign/prefix) when zero padding applies.
fn pad(spec: &Spec, body: &[u8], zero_at: Option<usize>, out: &mut Vec<u8>) {
    let fill = spec.width.saturating_sub(body.len());
    if fill == 0 {
        out.extend_from_slice(body);
    } else if spec.left {
        out.extend_from_slice(body);
        out.extend(std::iter::repeat_n(b' ', fill));
    } else if let Some(at) = zero_at {
        out.extend_from_slice(&body[..at]);
        out.extend(std::iter::repeat_n(b'0', fill));
        out.extend_from_slice(&body[at..]);
    } else {
        out.extend(std::iter::repeat_n(b' ', fill));
        out.extend_from_slice(body);
    }
}

/// Formats an integer for `d i u o x X` (C semantics with a 64-bit argument; `u o x X` print
/// the value as unsigned).
pub fn format_integer(spec: &Spec, n: i64, out: &mut Vec<u8>) -> Result<(), FormatError> {
    spec.validate()?;
    let (neg, mag) = match spec.conv {
        b'd' | b'i' => (n < 0, n.unsigned_abs()),
        _ => (false, n as u64),
    };
    let (base, digits_set): (u64, &[u8; 16]) = match spec.conv {
        b'o' => (8, b"0123456789abcdef"),
        b'x' => (16, b"0123456789abcdef"),
        b'X' => (16, b"0123456789ABCDEF"),
        _ => (10, b"0123456789abcdef"),
    };
    let mut digits = [0u8; 24];
    let mut pos = digits.len();
    let mut m = mag;
    while m > 0 {
        pos -= 1;
        digits[pos] = digits_set[(m % base) as usize];
        m /= base;
    }
    if mag == 0 && spec.precision != Some(0) {
        pos -= 1;
        digits[pos] = b'0';
    }
    let digits = &digits[pos..];
    // sign + prefix + up to 99 precision digits (+1 for '#o') fit easily.
    let mut body = [0u8; 128];
    let mut len = 0usize;
    let mut push = |bytes: &[u8], len: &mut usize| {
        for &b in bytes {
            if let Some(slot) = body.get_mut(*len) {
                *slot = b;
                *len += 1;
            }
        }
    };
    if neg {
        push(b"-", &mut len);
    } else if spec.plus && matches!(spec.conv, b'd' | b'i') {
        push(b"+", &mut len);
    } else if spec.space && matches!(spec.conv, b'd' | b'i') {
        push(b" ", &mut len);
    }
    if spec.alt && mag != 0 && spec.conv == b'x' {
        push(b"0x", &mut len);
    } else if spec.alt && mag != 0 && spec.conv == b'X' {
        push(b"0X", &mut len);
    }
    let prefix_len = len;
    let mut min_digits = spec.precision.unwrap_or(0);
    if spec.alt && spec.conv == b'o' && digits.first() != Some(&b'0') {
        min_digits = min_digits.max(digits.len() + 1);
    }
    for _ in digits.len()..min_digits {
        push(b"0", &mut len);
    }
    push(digits, &mut len);
    let zero_at = (spec.zero && spec.precision.is_none()).then_some(prefix_len);
    pad(spec, &body[..len], zero_at, out);
    Ok(())
}

/// Formats `%c`: the byte `n mod 256` (C casts to int, then unsigned char).
pub fn format_char(spec: &Spec, n: i64, out: &mut Vec<u8>) -> Result<(), FormatError> {
    spec.validate()?;
    pad(spec, &[n as u8], None, out);
    Ok(())
}

/// Formats `%s`. Without modifiers the string is copied whole (NUL bytes allowed); with
/// modifiers a NUL byte is `BadArg("string contains zeros")`, the precision truncates and the
/// width pads.
pub fn format_string(spec: &Spec, s: &[u8], out: &mut Vec<u8>) -> Result<(), FormatError> {
    if !spec.has_modifiers() {
        out.extend_from_slice(s);
        return Ok(());
    }
    if s.contains(&0) {
        return Err(FormatError::BadArg("string contains zeros"));
    }
    spec.validate()?;
    let s = match spec.precision {
        Some(p) if p < s.len() => &s[..p],
        _ => s,
    };
    pad(spec, s, None, out);
    Ok(())
}

/// Formats `%p`: `Some(address)` as `0x…` (glibc), `None` (values without identity) as
/// `(null)`.
pub fn format_pointer(spec: &Spec, addr: Option<usize>, out: &mut Vec<u8>) -> Result<(), FormatError> {
    spec.validate()?;
    match addr {
        Some(a) if a != 0 => {
            let mut b = StackBuf::<32>::new();
            let _ = write!(b, "{a:#x}");
            pad(spec, b.as_bytes(), None, out);
        }
        _ => pad(spec, b"(null)", None, out),
    }
    Ok(())
}

/// Formats a float for `e E f g G a A` exactly like glibc printf.
pub fn format_float(spec: &Spec, x: f64, out: &mut Vec<u8>) -> Result<(), FormatError> {
    spec.validate()?;
    let upper = spec.conv.is_ascii_uppercase();
    let mut body: Vec<u8> = Vec::with_capacity(64);
    if x.is_sign_negative() {
        body.push(b'-');
    } else if spec.plus {
        body.push(b'+');
    } else if spec.space {
        body.push(b' ');
    }
    let sign_len = body.len();
    if !x.is_finite() {
        let word: &[u8] = match (x.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        body.extend_from_slice(word);
        pad(spec, &body, None, out);
        return Ok(());
    }
    let a = x.abs();
    let mut zero_at = sign_len;
    match spec.conv {
        b'e' | b'E' => fmt_e(a, spec.precision.unwrap_or(6), spec.alt, upper, &mut body),
        b'f' => fmt_f(a, spec.precision.unwrap_or(6), spec.alt, &mut body),
        b'g' | b'G' => fmt_g(a, spec.precision.unwrap_or(6), spec.alt, upper, &mut body),
        _ => {
            zero_at += 2; // after "0x"
            fmt_a(a, spec.precision, spec.alt, upper, &mut body);
        }
    }
    pad(spec, &body, spec.zero.then_some(zero_at), out);
    Ok(())
}

/// `%e` body for a finite non-negative value.
fn fmt_e(a: f64, prec: usize, alt: bool, upper: bool, out: &mut Vec<u8>) {
    let mut digits = [0u8; 128];
    let nd = prec + 1;
    let exp = sci_digits(a, nd, &mut digits);
    out.push(digits[0]);
    if prec > 0 || alt {
        out.push(b'.');
    }
    out.extend_from_slice(&digits[1..nd]);
    push_exponent_with(exp, if upper { b'E' } else { b'e' }, out);
}

/// `%f` body for a finite non-negative value.
fn fmt_f(a: f64, prec: usize, alt: bool, out: &mut Vec<u8>) {
    let mut b = StackBuf::<512>::new();
    // Rust's fixed-precision formatting is exact with ties to even, like glibc.
    let _ = write!(b, "{:.*}", prec, a);
    out.extend_from_slice(b.as_bytes());
    if prec == 0 && alt {
        out.push(b'.');
    }
}

/// `%g` body for a finite non-negative value.
fn fmt_g(a: f64, prec: usize, alt: bool, upper: bool, out: &mut Vec<u8>) {
    let p = prec.max(1);
    let mut digits = [0u8; 128];
    let exp = if a == 0.0 {
        digits[..p].fill(b'0');
        0
    } else {
        sci_digits(a, p, &mut digits)
    };
    let digits = &digits[..p];
    if exp < -4 || exp >= p as i32 {
        let keep = if alt { p } else { trimmed_len(digits) };
        out.push(digits[0]);
        if keep > 1 || alt {
            out.push(b'.');
        }
        out.extend_from_slice(&digits[1..keep]);
        push_exponent_with(exp, if upper { b'E' } else { b'e' }, out);
        return;
    }
    // Positional with exactly p significant digits.
    let keep = if alt { p } else { trimmed_len(digits) };
    if exp >= 0 {
        let int_len = exp as usize + 1;
        out.extend_from_slice(&digits[..int_len]);
        if keep > int_len || alt {
            out.push(b'.');
            out.extend_from_slice(&digits[int_len..keep.max(int_len)]);
        }
    } else {
        out.extend_from_slice(b"0.");
        out.extend(std::iter::repeat_n(b'0', (-exp - 1) as usize));
        out.extend_from_slice(&digits[..keep]);
    }
}

/// Length of `digits` without trailing zeros (at least 1).
fn trimmed_len(digits: &[u8]) -> usize {
    let mut n = digits.len();
    while n > 1 && digits[n - 1] == b'0' {
        n -= 1;
    }
    n
}

/// `%a` body (glibc style: `0x1.8p+1`, subnormals as `0x0.…p-1022`) for a finite
/// non-negative value; `prec` = number of hex digits after the point (None: exact, trimmed).
fn fmt_a(a: f64, prec: Option<usize>, alt: bool, upper: bool, out: &mut Vec<u8>) {
    let hexd: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let bits = a.to_bits();
    let biased = (bits >> 52) as i64;
    let mut frac = bits & ((1u64 << 52) - 1);
    let (mut lead, exp) = if a == 0.0 {
        (0u64, 0i64)
    } else if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    // Number of fraction hex digits to show.
    let ndig = match prec {
        Some(p) if p < 13 => {
            // Round the 52-bit fraction to 4*p bits, ties to even.
            let drop = 52 - 4 * p as u32;
            let kept = frac >> drop;
            let rem = frac & ((1u64 << drop) - 1);
            let half = 1u64 << (drop - 1);
            let mut kept = kept;
            if rem > half || (rem == half && (kept & 1 == 1 || (p == 0 && lead & 1 == 1))) {
                kept += 1;
            }
            if p == 0 {
                // Ties to even look at the leading digit when no fraction digit is kept.
                lead += kept;
                frac = 0;
            } else if kept >> (4 * p) != 0 {
                lead += 1;
                frac = 0;
            } else {
                frac = kept << drop;
            }
            p
        }
        Some(p) => p,
        None => {
            let mut n = 13;
            while n > 0 && (frac >> (52 - 4 * n)) & 0xF == 0 {
                n -= 1;
            }
            n
        }
    };
    out.extend_from_slice(if upper { b"0X" } else { b"0x" });
    out.push(hexd[lead as usize & 0xF]);
    if ndig > 0 || alt {
        out.push(b'.');
    }
    for i in 0..ndig {
        if i < 13 {
            out.push(hexd[((frac >> (48 - 4 * i)) & 0xF) as usize]);
        } else {
            out.push(b'0');
        }
    }
    out.push(if upper { b'P' } else { b'p' });
    out.push(if exp < 0 { b'-' } else { b'+' });
    format_int(exp.abs(), out);
}

/// `%q` of a string: `"…"` with `"`, `\` and newline escaped by a backslash, other control
/// bytes (and `\r`, NUL) as `\ddd` decimal (three digits when a digit follows).
pub fn quote_string(s: &[u8], out: &mut Vec<u8>) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    for (i, &c) in s.iter().enumerate() {
        if c == b'"' || c == b'\\' || c == b'\n' {
            out.push(b'\\');
            out.push(c);
        } else if c < 32 || c == 127 {
            out.push(b'\\');
            let next_is_digit = s.get(i + 1).is_some_and(|d| d.is_ascii_digit());
            if next_is_digit {
                out.extend_from_slice(&[b'0' + c / 100, b'0' + (c / 10) % 10, b'0' + c % 10]);
            } else {
                format_int(i64::from(c), out);
            }
        } else {
            out.push(c);
        }
    }
    out.push(b'"');
}

/// `%q` of an integer: decimal, `math.mininteger` as `0x8000000000000000`.
pub fn quote_integer(n: i64, out: &mut Vec<u8>) {
    if n == i64::MIN {
        out.extend_from_slice(b"0x8000000000000000");
    } else {
        format_int(n, out);
    }
}

/// `%q` of a float: `1e9999`, `-1e9999`, `(0/0)`, otherwise the `%a` hex float.
pub fn quote_float(x: f64, out: &mut Vec<u8>) {
    if x == f64::INFINITY {
        out.extend_from_slice(b"1e9999");
    } else if x == f64::NEG_INFINITY {
        out.extend_from_slice(b"-1e9999");
    } else if x.is_nan() {
        out.extend_from_slice(b"(0/0)");
    } else {
        if x.is_sign_negative() {
            out.push(b'-');
        }
        fmt_a(x.abs(), None, false, false, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    extern "C" {
        fn snprintf(buf: *mut u8, n: usize, fmt: *const u8, ...) -> i32;
    }

    fn spec(s: &str) -> Spec {
        match FormatParser::new(s.as_bytes()).next() {
            Some(Piece::Conversion(Ok(spec))) => spec,
            other => panic!("{other:?}"),
        }
    }

    fn c_format_f(fmt: &str, x: f64) -> Vec<u8> {
        let mut buf = vec![0u8; 600];
        let cfmt = format!("{fmt}\0");
        let n = unsafe { snprintf(buf.as_mut_ptr(), buf.len(), cfmt.as_ptr(), x) };
        buf.truncate(n as usize);
        buf
    }

    fn c_format_i(fmt: &str, x: i64) -> Vec<u8> {
        let mut buf = vec![0u8; 600];
        let cfmt = format!("{}l{}\0", &fmt[..fmt.len() - 1], &fmt[fmt.len() - 1..]);
        let n = unsafe { snprintf(buf.as_mut_ptr(), buf.len(), cfmt.as_ptr(), x) };
        buf.truncate(n as usize);
        buf
    }

    fn splitmix(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }

    fn random_spec(st: &mut u64, convs: &[u8], flags: &[u8]) -> String {
        let mut s = String::from("%");
        for _ in 0..splitmix(st) % 3 {
            s.push(flags[(splitmix(st) % flags.len() as u64) as usize] as char);
        }
        if splitmix(st).is_multiple_of(2) {
            s += &(splitmix(st) % 40 + 1).to_string();
        }
        match splitmix(st) % 4 {
            0 => s += &format!(".{}", splitmix(st) % 25),
            1 => s += &format!(".{}", splitmix(st) % 100),
            2 => s += ".",
            _ => {}
        }
        s.push(convs[(splitmix(st) % convs.len() as u64) as usize] as char);
        s
    }

    #[test]
    fn floats_match_glibc_random() {
        let mut st = 99u64;
        for i in 0..150_000 {
            let x = match splitmix(&mut st) % 4 {
                0 => f64::from_bits(splitmix(&mut st)),
                1 => (splitmix(&mut st) % 100_000) as f64 / 8.0 - 5000.0, // many exact ties
                2 => (splitmix(&mut st) % 1000) as f64 * 10f64.powi((splitmix(&mut st) % 60) as i32 - 30),
                _ => (splitmix(&mut st) >> 11) as f64 * 2f64.powi(-53),
            };
            let f = random_spec(&mut st, b"eEfgGaA", b"-+ #0");
            let sp = spec(&f);
            let mut got = Vec::new();
            format_float(&sp, x, &mut got).unwrap();
            assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(&c_format_f(&f, x)), "#{i} {f} {:#x}", x.to_bits());
        }
    }

    #[test]
    fn ints_match_glibc_random() {
        let mut st = 7u64;
        for _ in 0..100_000 {
            let x = match splitmix(&mut st) % 3 {
                0 => splitmix(&mut st) as i64,
                1 => (splitmix(&mut st) % 2000) as i64 - 1000,
                _ => [0, -1, i64::MIN, i64::MAX][(splitmix(&mut st) % 4) as usize],
            };
            let conv = [b"di".as_slice(), b"u", b"oxX"][(splitmix(&mut st) % 3) as usize];
            let flags: &[u8] = match conv[0] {
                b'd' => b"-+ 0",
                b'u' => b"-0",
                _ => b"-#0",
            };
            let mut f = random_spec(&mut st, conv, flags);
            if f.contains(".") && f.split('.').nth(1).unwrap().len() > 3 {
                f = f.replace('.', "");
            }
            let sp = spec(&f);
            let mut got = Vec::new();
            if sp.validate().is_err() {
                continue;
            }
            format_integer(&sp, x, &mut got).unwrap();
            assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(&c_format_i(&f, x)), "{f} {x}");
        }
    }

    #[test]
    fn parser_pieces() {
        let pieces: Vec<_> = FormatParser::new(b"a%%b%5.2fc%").collect();
        assert_eq!(pieces[0], Piece::Literal(b"a"));
        assert_eq!(pieces[1], Piece::Literal(b"%"));
        assert_eq!(pieces[2], Piece::Literal(b"b"));
        assert!(matches!(&pieces[3], Piece::Conversion(Ok(s)) if s.conv == b'f' && s.width == 5 && s.precision == Some(2)));
        assert_eq!(pieces[4], Piece::Literal(b"c"));
        assert_eq!(pieces[5], Piece::Conversion(Err(FormatError::Message("invalid conversion '%' to 'format'".into()))));
        assert_eq!(pieces.len(), 6);
        let mut q = Vec::new();
        quote_string(b"a\n\"b\\\0c\x019", &mut q);
        assert_eq!(q, b"\"a\\\n\\\"b\\\\\\0c\\0019\"");
    }
}
