//! JSON text engine for the `json` module (spec 12.12): an RFC 8259 parser producing a
//! [`Json`] tree, and the serialisation helpers the encoder needs ([`write_json_string`],
//! [`write_json_float`]).
//!
//! Parser rules: surrounding whitespace (space, tab, CR, LF) allowed; anything after the value
//! is an error; nesting deeper than [`MAX_DEPTH`] is an error; numbers without fraction or
//! exponent that fit in i64 become [`Json::Int`], other numbers [`Json::Float`] (correctly
//! rounded); `\uXXXX` escapes (with surrogate pairs) become UTF-8 and an unpaired surrogate
//! becomes U+FFFD; other string bytes are copied as they are (control characters are
//! rejected). Errors read `json.decode: DESCRIPTION at position N` (N = 1-based byte offset;
//! `#text + 1` for the end of input).
//!
//! Invariants: never panics; the parser is iterative (an explicit container stack), so deep
//! nesting cannot overflow the Rust stack.

/// Maximum nesting of arrays/objects accepted by [`parse`].
pub const MAX_DEPTH: usize = 1000;

/// A parsed JSON value. Object members keep their textual order (duplicates included; the
/// binding lets the last one win).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Vec<u8>),
    Array(Vec<Json>),
    Object(Vec<(Vec<u8>, Json)>),
}

enum Frame {
    Array(Vec<Json>),
    Object(Vec<(Vec<u8>, Json)>, Vec<u8>),
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
}

fn err_at(pos: usize, what: &str) -> String {
    format!("json.decode: {what} at position {}", pos + 1)
}

impl<'a> Parser<'a> {
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn unexpected(&self) -> String {
        match self.peek() {
            None => err_at(self.pos, "unexpected end of input"),
            Some(c) if c.is_ascii_graphic() => err_at(self.pos, &format!("unexpected character '{}'", c as char)),
            Some(c) => err_at(self.pos, &format!("unexpected byte 0x{c:02x}")),
        }
    }

    fn literal(&mut self, word: &[u8], v: Json) -> Result<Json, String> {
        if self.s[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(err_at(self.pos, "invalid literal"))
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.pos;
        let s = self.s;
        let mut i = self.pos;
        if s.get(i) == Some(&b'-') {
            i += 1;
        }
        match s.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while s.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            _ => return Err(err_at(i, "invalid number")),
        }
        let mut is_float = false;
        if s.get(i) == Some(&b'.') {
            is_float = true;
            i += 1;
            if !s.get(i).is_some_and(u8::is_ascii_digit) {
                return Err(err_at(i, "invalid number"));
            }
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        if let Some(b'e' | b'E') = s.get(i) {
            is_float = true;
            i += 1;
            if let Some(b'+' | b'-') = s.get(i) {
                i += 1;
            }
            if !s.get(i).is_some_and(u8::is_ascii_digit) {
                return Err(err_at(i, "invalid number"));
            }
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        self.pos = i;
        // Validated ASCII above.
        let text = std::str::from_utf8(&s[start..i]).map_err(|_| err_at(start, "invalid number"))?;
        if !is_float {
            if let Ok(v) = text.parse::<i64>() {
                return Ok(Json::Int(v));
            }
        }
        text.parse::<f64>().map(Json::Float).map_err(|_| err_at(start, "invalid number"))
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let h = self.s.get(at..at + 4)?;
        let mut v = 0u32;
        for &c in h {
            v = v * 16 + (c as char).to_digit(16)?;
        }
        Some(v)
    }

    fn string(&mut self) -> Result<Vec<u8>, String> {
        // self.pos is at the opening quote.
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            // Copy the run of ordinary bytes in one go.
            let run = self.s[self.pos..].iter().take_while(|&&c| c != b'"' && c != b'\\' && c >= 0x20).count();
            out.extend_from_slice(&self.s[self.pos..self.pos + run]);
            self.pos += run;
            match self.peek() {
                None => return Err(err_at(self.pos, "unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let esc = self.s.get(self.pos + 1).copied();
                    let simple = match esc {
                        Some(b'"') => Some(b'"'),
                        Some(b'\\') => Some(b'\\'),
                        Some(b'/') => Some(b'/'),
                        Some(b'b') => Some(8),
                        Some(b'f') => Some(12),
                        Some(b'n') => Some(b'\n'),
                        Some(b'r') => Some(b'\r'),
                        Some(b't') => Some(b'\t'),
                        Some(b'u') => None,
                        _ => return Err(err_at(self.pos, "invalid escape")),
                    };
                    if let Some(c) = simple {
                        out.push(c);
                        self.pos += 2;
                        continue;
                    }
                    let cp = self.hex4(self.pos + 2).ok_or_else(|| err_at(self.pos, "invalid \\u escape"))?;
                    self.pos += 6;
                    let mut code = cp;
                    if (0xD800..0xDC00).contains(&cp) {
                        // A high surrogate: combine with a following low surrogate if present.
                        let low = if self.s.get(self.pos) == Some(&b'\\') && self.s.get(self.pos + 1) == Some(&b'u') { self.hex4(self.pos + 2) } else { None };
                        match low {
                            Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                                code = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                                self.pos += 6;
                            }
                            _ => code = 0xFFFD,
                        }
                    } else if (0xDC00..0xE000).contains(&cp) {
                        code = 0xFFFD;
                    }
                    let ch = char::from_u32(code).unwrap_or('\u{FFFD}');
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                Some(_) => return Err(err_at(self.pos, "control character in string")),
            }
        }
    }

    /// Parses an object key and the following `:`.
    fn key(&mut self) -> Result<Vec<u8>, String> {
        self.skip_ws();
        if self.peek() != Some(b'"') {
            return Err(if self.peek().is_none() { self.unexpected() } else { err_at(self.pos, "expected string key") });
        }
        let k = self.string()?;
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(if self.peek().is_none() { self.unexpected() } else { err_at(self.pos, "expected ':'") });
        }
        self.pos += 1;
        Ok(k)
    }
}

/// Parses a complete JSON text.
pub fn parse(text: &[u8]) -> Result<Json, String> {
    let mut p = Parser { s: text, pos: 0 };
    let mut stack: Vec<Frame> = Vec::new();
    'value: loop {
        // Parse one value (or open a container).
        p.skip_ws();
        let mut value = match p.peek() {
            Some(b'{') | Some(b'[') => {
                if stack.len() >= MAX_DEPTH {
                    return Err(err_at(p.pos, "nesting too deep"));
                }
                let is_obj = p.peek() == Some(b'{');
                p.pos += 1;
                p.skip_ws();
                if is_obj {
                    if p.peek() == Some(b'}') {
                        p.pos += 1;
                        Json::Object(Vec::new())
                    } else {
                        let k = p.key()?;
                        stack.push(Frame::Object(Vec::new(), k));
                        continue 'value;
                    }
                } else if p.peek() == Some(b']') {
                    p.pos += 1;
                    Json::Array(Vec::new())
                } else {
                    stack.push(Frame::Array(Vec::new()));
                    continue 'value;
                }
            }
            Some(b'"') => Json::Str(p.string()?),
            Some(b't') => p.literal(b"true", Json::Bool(true))?,
            Some(b'f') => p.literal(b"false", Json::Bool(false))?,
            Some(b'n') => p.literal(b"null", Json::Null)?,
            Some(b'-' | b'0'..=b'9') => p.number()?,
            _ => return Err(p.unexpected()),
        };
        // Attach the completed value to its container, closing containers as they end.
        loop {
            let Some(top) = stack.last_mut() else {
                p.skip_ws();
                if p.pos != text.len() {
                    return Err(err_at(p.pos, "trailing characters"));
                }
                return Ok(value);
            };
            p.skip_ws();
            match top {
                Frame::Array(items) => {
                    items.push(value);
                    match p.peek() {
                        Some(b',') => {
                            p.pos += 1;
                            continue 'value;
                        }
                        Some(b']') => {
                            p.pos += 1;
                            let Some(Frame::Array(items)) = stack.pop() else { return Err(internal_error()) };
                            value = Json::Array(items);
                        }
                        None => return Err(p.unexpected()),
                        Some(_) => return Err(err_at(p.pos, "expected ',' or ']'")),
                    }
                }
                Frame::Object(members, key) => {
                    members.push((std::mem::take(key), value));
                    match p.peek() {
                        Some(b',') => {
                            p.pos += 1;
                            let k = p.key()?;
                            if let Some(Frame::Object(_, key)) = stack.last_mut() {
                                *key = k;
                            }
                            continue 'value;
                        }
                        Some(b'}') => {
                            p.pos += 1;
                            let Some(Frame::Object(members, _)) = stack.pop() else { return Err(internal_error()) };
                            value = Json::Object(members);
                        }
                        None => return Err(p.unexpected()),
                        Some(_) => return Err(err_at(p.pos, "expected ',' or '}'")),
                    }
                }
            }
        }
    }
}

/// The frame kind was just matched, so this cannot happen; reported as an error, not a panic.
fn internal_error() -> String {
    "json.decode: internal error".to_string()
}

/// Appends `s` as a JSON string literal: `"` `\` and `\b \f \n \r \t` escaped, other bytes
/// below 0x20 as `\u00xx` (lower-case hex), everything else unchanged.
pub fn write_json_string(s: &[u8], out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push(b'"');
    let mut start = 0;
    for (i, &c) in s.iter().enumerate() {
        let esc: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            8 => b"\\b",
            12 => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&s[start..i]);
        start = i + 1;
        if esc.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(c >> 4)]);
            out.push(HEX[usize::from(c & 15)]);
        } else {
            out.extend_from_slice(esc);
        }
    }
    out.extend_from_slice(&s[start..]);
    out.push(b'"');
}

/// Appends a float as JavaScript's `Number.prototype.toString` would (shortest round-trip
/// digits), except that `-0.0` gives `-0`; NaN and infinities give `null`.
pub fn write_json_float(x: f64, out: &mut Vec<u8>) {
    use std::fmt::Write as _;
    if !x.is_finite() {
        out.extend_from_slice(b"null");
        return;
    }
    if x == 0.0 {
        out.extend_from_slice(if x.is_sign_negative() { b"-0" } else { b"0" });
        return;
    }
    if x < 0.0 {
        out.push(b'-');
    }
    // Shortest round-trip digits from Rust's `{:e}`: "d[.ddd]eX".
    let mut sb = crate::number::StackBuf::<40>::new();
    let _ = write!(sb, "{:e}", x.abs());
    let text = sb.as_bytes();
    let epos = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
    let mut digits = [0u8; 24];
    let mut k = 0;
    for &b in &text[..epos] {
        if b.is_ascii_digit() && k < digits.len() {
            digits[k] = b;
            k += 1;
        }
    }
    let exp_text = std::str::from_utf8(text.get(epos + 1..).unwrap_or(b"0")).unwrap_or("0");
    let x_exp: i64 = exp_text.parse().unwrap_or(0);
    let digits = &digits[..k];
    let k = k as i64;
    let n = x_exp + 1; // value = 0.d1d2...dk * 10^n
    if k <= n && n <= 21 {
        out.extend_from_slice(digits);
        out.extend(std::iter::repeat_n(b'0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        out.extend_from_slice(&digits[..n as usize]);
        out.push(b'.');
        out.extend_from_slice(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.extend_from_slice(b"0.");
        out.extend(std::iter::repeat_n(b'0', (-n) as usize));
        out.extend_from_slice(digits);
    } else {
        out.push(digits[0]);
        if k > 1 {
            out.push(b'.');
            out.extend_from_slice(&digits[1..]);
        }
        out.push(b'e');
        out.push(if n - 1 < 0 { b'-' } else { b'+' });
        crate::number::format_int((n - 1).abs(), out);
    }
}

/// Compact serialisation of a [`Json`] tree (members in their stored order; floats via
/// [`write_json_float`]). Mostly useful for tests and tools: the `json.encode` binding walks
/// VM tables itself.
pub fn write_compact(v: &Json, out: &mut Vec<u8>) {
    // Iterative to stay stack-safe on deep trees.
    enum Item<'a> {
        Value(&'a Json),
        Raw(&'static [u8]),
        Key(&'a [u8]),
    }
    let mut work = vec![Item::Value(v)];
    while let Some(item) = work.pop() {
        match item {
            Item::Raw(r) => out.extend_from_slice(r),
            Item::Key(k) => {
                write_json_string(k, out);
                out.push(b':');
            }
            Item::Value(v) => match v {
                Json::Null => out.extend_from_slice(b"null"),
                Json::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
                Json::Int(i) => crate::number::format_int(*i, out),
                Json::Float(f) => write_json_float(*f, out),
                Json::Str(s) => write_json_string(s, out),
                Json::Array(items) => {
                    out.push(b'[');
                    work.push(Item::Raw(b"]"));
                    for (i, it) in items.iter().enumerate().rev() {
                        work.push(Item::Value(it));
                        if i > 0 {
                            work.push(Item::Raw(b","));
                        }
                    }
                }
                Json::Object(members) => {
                    out.push(b'{');
                    work.push(Item::Raw(b"}"));
                    for (i, (k, it)) in members.iter().enumerate().rev() {
                        work.push(Item::Value(it));
                        work.push(Item::Key(k));
                        if i > 0 {
                            work.push(Item::Raw(b","));
                        }
                    }
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(v: &Json) -> String {
        let mut o = Vec::new();
        write_compact(v, &mut o);
        String::from_utf8(o).unwrap()
    }

    fn float(x: f64) -> String {
        let mut o = Vec::new();
        write_json_float(x, &mut o);
        String::from_utf8(o).unwrap()
    }

    #[test]
    fn floats_like_javascript() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (1e21, "1e+21"),
            (1.0 / 3.0, "0.3333333333333333"),
            (100.0, "100"),
            (1e-7, "1e-7"),
            (1.5e-10, "1.5e-10"),
            (2.0, "2"),
            (-0.0, "-0"),
            (0.0, "0"),
            (f64::NAN, "null"),
            (f64::INFINITY, "null"),
            (123.456, "123.456"),
            (1e-6, "0.000001"),
            (1.2345e-6, "0.0000012345"),
            (1e20, "100000000000000000000"),
            (123456789012345680000.0, "123456789012345680000"),
            (-1.5, "-1.5"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (2.5e21, "2.5e+21"),
            (9007199254740993.0, "9007199254740992"),
        ];
        for &(x, want) in cases {
            assert_eq!(float(x), want, "{x:e}");
        }
    }

    #[test]
    fn parse_values() {
        let v = parse(br#" {"n": 3, "f": 1.5, "s": "h\u00e9", "a": [1, null, 3], "o": {}, "e": [], "neg": -0, "big": 9223372036854775808, "x": 1e2} "#).unwrap();
        assert_eq!(enc(&v), r#"{"n":3,"f":1.5,"s":"hé","a":[1,null,3],"o":{},"e":[],"neg":0,"big":9223372036854776000,"x":100}"#);
        assert_eq!(parse(b"-9223372036854775808").unwrap(), Json::Int(i64::MIN));
        assert_eq!(parse(b"\"\\ud83d\\ude00\\ud800x\\udc00\\ud800\\u0041\"").unwrap(), Json::Str("😀\u{FFFD}x\u{FFFD}\u{FFFD}A".as_bytes().to_vec()));
        assert_eq!(parse(br#""\"\\\/\b\f\n\r\t""#).unwrap(), Json::Str(b"\"\\/\x08\x0c\n\r\t".to_vec()));
        assert_eq!(parse(b"[[[]]]").unwrap(), Json::Array(vec![Json::Array(vec![Json::Array(vec![])])]));
        assert_eq!(parse(b"true").unwrap(), Json::Bool(true));
    }

    #[test]
    fn parse_errors() {
        let bad: &[(&[u8], &str)] = &[
            (b"[1,", "unexpected end of input at position 4"),
            (b"", "unexpected end of input at position 1"),
            (b"[1 2]", "expected ',' or ']' at position 4"),
            (b"{\"a\" 1}", "expected ':' at position 6"),
            (b"{1:2}", "expected string key at position 2"),
            (b"01", "trailing characters at position 2"),
            (b"1.", "invalid number at position 3"),
            (b"-", "invalid number at position 2"),
            (b"1e+", "invalid number at position 4"),
            (b"tru", "invalid literal at position 1"),
            (b"\"a\nb\"", "control character in string at position 3"),
            (b"\"\\x\"", "invalid escape at position 2"),
            (b"\"\\u12g4\"", "invalid \\u escape at position 2"),
            (b"\"abc", "unterminated string at position 5"),
            (b"[1,]", "unexpected character ']' at position 4"),
            (b"{\"a\":1,}", "expected string key at position 8"),
            (b"nan", "invalid literal at position 1"),
            (b"[1] x", "trailing characters at position 5"),
            (b"+1", "unexpected character '+' at position 1"),
        ];
        for (text, want) in bad {
            assert_eq!(parse(text), Err(format!("json.decode: {want}")), "{:?}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn nesting_limit() {
        let ok = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
        assert!(parse(ok.as_bytes()).is_ok());
        let deep = format!("{}{}", "[".repeat(1001), "]".repeat(1001));
        assert_eq!(parse(deep.as_bytes()), Err("json.decode: nesting too deep at position 1001".into()));
        let objs = format!("{}1{}", "{\"a\":".repeat(1000), "}".repeat(1000));
        let v = parse(objs.as_bytes()).unwrap();
        let mut o = Vec::new();
        write_compact(&v, &mut o);
        assert_eq!(o, objs.as_bytes());
        // Huge input never recurses.
        assert!(parse("[".repeat(1_000_000).as_bytes()).is_err());
    }

    #[test]
    fn strings_escape() {
        let mut o = Vec::new();
        write_json_string(b"q\"\n\\\x01\x1f\x7f\xc3\xa9/\x08\x0c\r\t", &mut o);
        assert_eq!(o, b"\"q\\\"\\n\\\\\\u0001\\u001f\x7f\xc3\xa9/\\b\\f\\r\\t\"");
    }

    #[test]
    fn floats_round_trip_random() {
        let mut st = 1u64;
        for _ in 0..100_000 {
            st = st.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let x = f64::from_bits(st ^ (st >> 29));
            if !x.is_finite() {
                continue;
            }
            let mut o = Vec::new();
            write_json_float(x, &mut o);
            match parse(&o).unwrap() {
                Json::Float(y) => assert_eq!(y.to_bits(), x.to_bits(), "{}", String::from_utf8_lossy(&o)),
                Json::Int(i) => assert_eq!(i as f64, x),
                other => panic!("{other:?}"),
            }
        }
    }
}
