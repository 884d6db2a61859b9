//! UTF-8 encoding/decoding with Lua 5.4's exact rules (spec 12.6, lutf8lib.c), plus the
//! argument logic of `utf8.len`, `utf8.codepoint`, `utf8.offset` and the `utf8.codes`
//! iterator step, on plain bytes.
//!
//! Encoding accepts code points up to 0x7FFFFFFF (up to 6-byte sequences, Lua's utf8esc).
//! Decoding rejects overlong forms and sequences longer than 6 bytes; *strict* decoding
//! also rejects code points above 0x10FFFF and surrogates (D800-DFFF).
//! Positions in the `utf8.*` helpers are Lua's 1-based (possibly negative) integers.
//! Invariants: never panics; reads past the end of the string behave like Lua's `'\0'`
//! terminator (never a continuation byte).

/// `utf8.charpattern`.
pub const CHARPATTERN: &[u8] = b"[\x00-\x7F\xC2-\xFD][\x80-\xBF]*";
/// Largest code point accepted by strict functions.
pub const MAX_UNICODE: u32 = 0x10FFFF;
/// Largest code point that can be encoded.
pub const MAX_UTF: u32 = 0x7FFF_FFFF;

/// An error of a `utf8` function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Utf8Error {
    /// `bad argument #N to 'NAME' (DETAIL)`.
    BadArg(u8, &'static str),
    /// An error raised with this message (e.g. `invalid UTF-8 code`).
    Message(&'static str),
}

#[inline]
fn is_cont(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Byte at `i`, 0 past the end (Lua's terminator).
#[inline]
fn byte(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

/// Appends the UTF-8 encoding of `cp` (Lua's `utf8esc`, up to 6 bytes). Returns false (and
/// appends nothing) if `cp > 0x7FFFFFFF` (`utf8.char`: `value out of range`).
pub fn encode(cp: u32, out: &mut Vec<u8>) -> bool {
    if cp > MAX_UTF {
        return false;
    }
    if cp < 0x80 {
        out.push(cp as u8);
        return true;
    }
    let mut buf = [0u8; 8];
    let mut n = 0;
    let mut x = cp;
    let mut mfb: u32 = 0x3f; // maximum that fits in the first byte
    loop {
        buf[7 - n] = 0x80 | (x & 0x3f) as u8;
        n += 1;
        x >>= 6;
        mfb >>= 1;
        if x <= mfb {
            break;
        }
    }
    buf[7 - n] = ((!mfb << 1) | x) as u8;
    out.extend_from_slice(&buf[7 - n..]);
    true
}

/// Decodes one character starting at byte index `pos` (Lua's `utf8_decode`). Returns the code
/// point and the index just past the character, or `None` for an invalid sequence. A `pos`
/// at or after the end decodes as Lua's terminator: `Some((0, pos + 1))`.
pub fn decode(s: &[u8], pos: usize, strict: bool) -> Option<(u32, usize)> {
    const LIMITS: [u32; 6] = [u32::MAX, 0x80, 0x800, 0x10000, 0x200000, 0x4000000];
    let mut c = u32::from(byte(s, pos));
    let mut res: u32 = 0;
    let mut count = 0usize;
    if c < 0x80 {
        res = c;
    } else {
        while c & 0x40 != 0 {
            count += 1;
            let cc = byte(s, pos + count);
            if !is_cont(cc) {
                return None;
            }
            res = (res << 6) | u32::from(cc & 0x3F);
            c <<= 1;
        }
        if count > 5 {
            return None;
        }
        res |= (c & 0x7F) << (count * 5);
        if res > MAX_UTF || res < LIMITS[count] {
            return None;
        }
    }
    if strict && (res > MAX_UNICODE || (0xD800..=0xDFFF).contains(&res)) {
        return None;
    }
    Some((res, pos + count + 1))
}

/// Lua's `u_posrelat`: negative positions count from the end; too negative gives 0.
fn posrelat(pos: i64, len: usize) -> i64 {
    if pos >= 0 {
        pos
    } else if pos.unsigned_abs() > len as u64 {
        0
    } else {
        len as i64 + pos + 1
    }
}

/// Result of [`len`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LenResult {
    /// Number of characters.
    Count(i64),
    /// Invalid sequence at this 1-based byte position (Lua returns fail, position).
    Invalid(i64),
}

/// `utf8.len(s, i, j, lax)` with i, j already defaulted (1 and -1).
pub fn len(s: &[u8], i: i64, j: i64, lax: bool) -> Result<LenResult, Utf8Error> {
    let slen = s.len() as i64;
    let posi = posrelat(i, s.len());
    let posj = posrelat(j, s.len());
    if !(1 <= posi && posi - 1 <= slen) {
        return Err(Utf8Error::BadArg(2, "initial position out of bounds"));
    }
    let mut posi = posi - 1;
    let posj = posj - 1;
    if posj >= slen {
        return Err(Utf8Error::BadArg(3, "final position out of bounds"));
    }
    let mut n = 0i64;
    while posi <= posj {
        match decode(s, posi as usize, !lax) {
            Some((_, next)) => posi = next as i64,
            None => return Ok(LenResult::Invalid(posi + 1)),
        }
        n += 1;
    }
    Ok(LenResult::Count(n))
}

/// `utf8.codepoint(s, i, j, lax)` with i defaulted (1) and j defaulted (i): appends the code
/// points to `out`.
pub fn codepoints(s: &[u8], i: i64, j: i64, lax: bool, out: &mut Vec<i64>) -> Result<(), Utf8Error> {
    let posi = posrelat(i, s.len());
    let pose = posrelat(j, s.len());
    if posi < 1 {
        return Err(Utf8Error::BadArg(2, "out of bounds"));
    }
    if pose > s.len() as i64 {
        return Err(Utf8Error::BadArg(3, "out of bounds"));
    }
    if posi > pose {
        return Ok(());
    }
    if pose - posi >= i64::from(i32::MAX) {
        return Err(Utf8Error::Message("string slice too long"));
    }
    let end = pose as usize;
    let mut p = (posi - 1) as usize;
    while p < end {
        match decode(s, p, !lax) {
            Some((code, next)) => {
                out.push(i64::from(code));
                p = next;
            }
            None => return Err(Utf8Error::Message("invalid UTF-8 code")),
        }
    }
    Ok(())
}

/// `utf8.offset(s, n, i)`; `i` is `None` when absent (default 1 for n >= 0, else #s + 1).
/// Returns the 1-based position or `None` (fail).
pub fn offset(s: &[u8], n: i64, i: Option<i64>) -> Result<Option<i64>, Utf8Error> {
    let len = s.len() as i64;
    let default = if n >= 0 { 1 } else { len + 1 };
    let posi = posrelat(i.unwrap_or(default), s.len());
    if !(1 <= posi && posi - 1 <= len) {
        return Err(Utf8Error::BadArg(3, "position out of bounds"));
    }
    let mut posi = posi - 1;
    let cont_at = |p: i64| is_cont(byte(s, p as usize));
    let mut n = n;
    if n == 0 {
        while posi > 0 && cont_at(posi) {
            posi -= 1;
        }
    } else {
        if cont_at(posi) {
            return Err(Utf8Error::Message("initial position is a continuation byte"));
        }
        if n < 0 {
            while n < 0 && posi > 0 {
                loop {
                    posi -= 1;
                    if !(posi > 0 && cont_at(posi)) {
                        break;
                    }
                }
                n += 1;
            }
        } else {
            n -= 1;
            while n > 0 && posi < len {
                loop {
                    posi += 1;
                    if !cont_at(posi) {
                        break;
                    }
                }
                n -= 1;
            }
        }
    }
    Ok(if n == 0 { Some(posi + 1) } else { None })
}

/// One step of the `utf8.codes` iterator (Lua 5.4.4 `iter_aux`): given the control value
/// (0 initially, then the previous 1-based position), returns the next (position, code
/// point), `None` at the end, or `invalid UTF-8 code`.
pub fn codes_next(s: &[u8], control: i64, strict: bool) -> Result<Option<(i64, u32)>, Utf8Error> {
    let len = s.len() as u64;
    let mut n = control as u64; // negative controls become huge: "no more"
    if n < len {
        while is_cont(byte(s, n as usize)) {
            n += 1;
        }
    }
    if n >= len {
        return Ok(None);
    }
    match decode(s, n as usize, strict) {
        Some((code, _)) => Ok(Some((n as i64 + 1, code))),
        None => Err(Utf8Error::Message("invalid UTF-8 code")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_roundtrip() {
        for cp in (0..0x11000u32).chain([0x7FFFFFFF, 0x3FFFFFF, 0x4000000, 0x1FFFFF, 0x200000, 0xFFFF, 0x10000]) {
            let mut v = Vec::new();
            assert!(encode(cp, &mut v));
            let strict_ok = cp <= MAX_UNICODE && !(0xD800..=0xDFFF).contains(&cp);
            assert_eq!(decode(&v, 0, false), Some((cp, v.len())));
            assert_eq!(decode(&v, 0, true).is_some(), strict_ok, "{cp:#x}");
            if cp < 0x800 {
                let mut want = [0u8; 4];
                assert_eq!(v, (char::from_u32(cp).unwrap()).encode_utf8(&mut want).as_bytes());
            }
        }
        let mut v = Vec::new();
        encode(0x7FFFFFFF, &mut v);
        assert_eq!(v, [253, 191, 191, 191, 191, 191]);
        assert!(!encode(0x80000000, &mut v));
    }

    #[test]
    fn decode_rejects() {
        assert_eq!(decode(b"\xC0\x80", 0, false), None); // overlong
        assert_eq!(decode(b"\xE0\x80\x80", 0, false), None);
        assert_eq!(decode(b"\xC3", 0, false), None); // truncated
        assert_eq!(decode(b"\x80", 0, false), None);
        assert_eq!(decode(b"\xFE\x80\x80\x80\x80\x80\x80", 0, false), None);
        assert_eq!(decode(b"\xFF", 0, false), None);
        assert_eq!(decode(b"\xed\xa0\x80", 0, true), None);
        assert_eq!(decode(b"\xed\xa0\x80", 0, false), Some((0xD800, 3)));
        assert_eq!(decode(b"\xF4\x90\x80\x80", 0, true), None);
    }

    #[test]
    fn library_semantics_match_lua54() {
        let he = "héllo".as_bytes();
        assert_eq!(len(he, 1, -1, false), Ok(LenResult::Count(5)));
        assert_eq!(len(b"\xff", 1, -1, false), Ok(LenResult::Invalid(1)));
        assert_eq!(len(b"abc", 5, -1, false), Err(Utf8Error::BadArg(2, "initial position out of bounds")));
        assert_eq!(len(b"abc", 1, 4, false), Err(Utf8Error::BadArg(3, "final position out of bounds")));
        assert_eq!(len(b"abc", 4, -1, false), Ok(LenResult::Count(0)));
        assert_eq!(len(b"\xFE\x80\x80\x80\x80\x80\x80", 1, -1, true), Ok(LenResult::Invalid(1)));
        let mut cps = Vec::new();
        codepoints(he, 1, -1, false, &mut cps).unwrap();
        assert_eq!(cps, [104, 233, 108, 108, 111]);
        assert_eq!(codepoints(b"abc", 0, 0, false, &mut cps), Err(Utf8Error::BadArg(2, "out of bounds")));
        assert_eq!(codepoints(b"abc", 1, 4, false, &mut cps), Err(Utf8Error::BadArg(3, "out of bounds")));
        assert_eq!(codepoints(b"a\xC3", 1, 2, false, &mut cps), Err(Utf8Error::Message("invalid UTF-8 code")));
        assert_eq!(offset(he, 3, None), Ok(Some(4)));
        assert_eq!(offset(b"abc", 1, Some(5)), Err(Utf8Error::BadArg(3, "position out of bounds")));
        assert_eq!(offset(b"abc", 1, Some(4)), Ok(Some(4)));
        assert_eq!(offset(b"a\xC3\xA9", 1, Some(3)), Err(Utf8Error::Message("initial position is a continuation byte")));
        assert_eq!(offset(b"a\xC3\xA9", 0, Some(3)), Ok(Some(2)));
        assert_eq!(offset(b"a\xC3\xA9b", -1, None), Ok(Some(4)));
        assert_eq!(offset(b"a\xC3\xA9b", -2, None), Ok(Some(2)));
        assert_eq!(offset(b"a\xC3\xA9b", -4, None), Ok(None));
        assert_eq!(offset(b"a\xC3\xA9b", 4, None), Ok(Some(5)));
        assert_eq!(offset(b"a\xC3\xA9b", 5, None), Ok(None));
        let collect = |s: &[u8], strict: bool| {
            let mut v = Vec::new();
            let mut c = 0;
            loop {
                match codes_next(s, c, strict) {
                    Ok(Some((p, cp))) => {
                        v.push(format!("{p}:{cp}"));
                        c = p;
                    }
                    Ok(None) => break,
                    Err(_) => {
                        v.push("ERR".into());
                        break;
                    }
                }
            }
            v.join(" ")
        };
        assert_eq!(collect(b"a\x80", true), "1:97");
        assert_eq!(collect(b"\x80a", true), "2:97");
        assert_eq!(collect("ab\u{e9}".as_bytes(), true), "1:97 2:98 3:233");
        assert_eq!(collect("h\u{e9}\u{20ac}".as_bytes(), true), "1:104 2:233 4:8364");
        assert_eq!(collect(b"a\xC3", true), "1:97 ERR");
        assert_eq!(collect(b"\xF4\x90\x80\x80", false), "1:1114112");
        assert_eq!(collect(b"\xF4\x90\x80\x80", true), "ERR");
    }
}
