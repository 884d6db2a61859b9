//! Lua 5.4 pattern matching on byte strings (spec 12.2.1; `string.find/match/gmatch/gsub`).
//!
//! This is a faithful re-implementation of PUC Lua 5.4's backtracking matcher (lstrlib.c):
//! the same classes (C locale, bytes >= 128 in no class), sets, anchors, quantifiers,
//! captures, back-references, `%b`, `%f`, the same choice among possible matches and the
//! same error messages, raised at the same moments (errors surface lazily, only when the
//! matcher reaches the malformed part, exactly like Lua).
//!
//! Invariants:
//! * Never panics, whatever the subject and pattern; every byte access is bounds-checked and
//!   a byte read past the end of the pattern/subject reads as `0` (Lua's `'\0'` terminator).
//! * Recursion is bounded: at most [`MAX_RECURSION`] nested matcher calls, after which the
//!   error `pattern too complex` is returned (same limit as Lua's MAXCCALLS), so the Rust
//!   stack can never overflow. Total work is not bounded (Lua is exponential on some
//!   patterns too).
//! * All positions in this API are 0-based byte offsets; spans are half-open `[start, end)`.
//!   Lua's 1-based values are `start + 1`, `end`, and `Position(p)` -> `p + 1`.

use std::fmt;

/// Maximum number of captures in a pattern (LUA_MAXCAPTURES).
pub const MAX_CAPTURES: usize = 32;
/// Maximum nesting of matcher calls (Lua's MAXCCALLS).
pub const MAX_RECURSION: u32 = 200;

const ESC: u8 = b'%';
const SPECIALS: &[u8] = b"^$*+?.([%-";

/// A pattern error; the message is exactly Lua's (e.g. `malformed pattern (missing ']')`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError(pub String);

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PatternError {}

fn perr(msg: &str) -> PatternError {
    PatternError(msg.to_string())
}

/// One capture of a successful match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capture {
    /// A substring capture: subject bytes `[start, end)`.
    Span(usize, usize),
    /// A position capture `()`: the 0-based offset (Lua value: `offset + 1`).
    Position(usize),
    /// A capture whose `)` was never matched (pattern like `"(a"`). Only ever present in
    /// matches handed to [`gsub`] callbacks; [`Match::get`] turns it into
    /// `unfinished capture`. [`find_match`] and [`GmatchState`] never return it.
    Unfinished(usize),
}

/// A successful match: the whole match `[start, end)` and the pattern's captures
/// (empty if the pattern has none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub captures: Vec<Capture>,
}

impl Match {
    /// Number of values Lua pushes for this match in `match`/`gmatch`/a `gsub` function
    /// call: the captures, or 1 (the whole match) if there are none.
    pub fn result_count(&self) -> usize {
        self.captures.len().max(1)
    }

    /// Lua's `get_onecapture(i)` (0-based `i`): capture `i`, or the whole match as a span if
    /// the pattern has no captures and `i == 0`. Errors: `invalid capture index %N`,
    /// `unfinished capture`. Never returns [`Capture::Unfinished`].
    pub fn get(&self, i: usize) -> Result<Capture, PatternError> {
        match self.captures.get(i) {
            None if i == 0 => Ok(Capture::Span(self.start, self.end)),
            None => Err(PatternError(format!("invalid capture index %{}", i + 1))),
            Some(Capture::Unfinished(_)) => Err(perr("unfinished capture")),
            Some(&c) => Ok(c),
        }
    }

    /// Checks that every value Lua would push ([`Match::result_count`]) is available.
    pub fn check_all(&self) -> Result<(), PatternError> {
        for i in 0..self.result_count() {
            self.get(i)?;
        }
        Ok(())
    }
}

/// True if `p` contains none of Lua's special characters `^$*+?.([%-` (then `find` may search
/// for it as plain text).
pub fn no_specials(p: &[u8]) -> bool {
    !p.iter().any(|b| SPECIALS.contains(b))
}

/// First index of byte `c` in `hay`, eight bytes per step (the classic "has a zero byte"
/// word trick: `(w - 0x01..) & !w & 0x80..` is non-zero iff `w` has a zero byte, and its
/// lowest set bit marks the first one, since borrows only run upwards).
#[inline]
fn memchr(c: u8, hay: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pattern = LO * u64::from(c);
    let mut chunks = hay.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word) ^ pattern;
        let zero = w.wrapping_sub(LO) & !w & HI;
        if zero != 0 {
            return Some(base + (zero.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks.remainder().iter().position(|&b| b == c).map(|i| base + i)
}

/// Plain substring search (Lua's `lmemfind`): first occurrence of `needle` in `hay` at or
/// after `from`; returns its 0-based start. An empty needle matches at `from` (if
/// `from <= hay.len()`).
pub fn find_plain(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    let Some((&first, rest)) = needle.split_first() else {
        return Some(from);
    };
    if needle.len() > hay.len() - from {
        return None;
    }
    let last_start = hay.len() - needle.len();
    let mut i = from;
    while i <= last_start {
        let off = memchr(first, &hay[i..=last_start])?;
        i += off;
        if hay[i + 1..i + needle.len()] == *rest {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Lua's `str_find_aux` core for `string.find` (non-plain) and `string.match`.
///
/// Searches `subject` from 0-based `init` (callers convert Lua's `init` and return fail if it
/// is past `#s + 1`, i.e. `init > subject.len()`); returns `Ok(None)` when there is no match.
/// If `anchor_allowed`, a leading `^` anchors the match at `init` (true for find/match).
/// Errors are Lua's pattern errors, including `unfinished capture` for a match that leaves a
/// capture open (Lua raises it when pushing the captures).
///
/// This does not apply find's plain-text shortcut; use [`find`] for `string.find` semantics.
pub fn find_match(subject: &[u8], pattern: &[u8], init: usize, anchor_allowed: bool) -> Result<Option<Match>, PatternError> {
    if init > subject.len() {
        return Ok(None);
    }
    let (anchor, pat) = split_anchor(pattern, anchor_allowed);
    let mut ms = MatchState::new(subject, pat);
    let filter = if anchor { None } else { first_byte_filter(pat) };
    let mut s1 = init;
    loop {
        if let Some(f) = filter {
            match f.next_candidate(subject, s1) {
                Some(next) => s1 = next,
                None => return Ok(None),
            }
        }
        ms.reset();
        if let Some(e) = ms.do_match(s1, 0)? {
            let m = ms.to_match(s1, e);
            m.check_all()?;
            return Ok(Some(m));
        }
        s1 += 1;
        if s1 > subject.len() || anchor {
            return Ok(None);
        }
    }
}

/// Result of [`find`]: start/end of the match plus the captures (for `string.find`, Lua returns
/// `start + 1`, `end`, then only the explicit captures).
pub fn find(subject: &[u8], pattern: &[u8], init: usize, plain: bool) -> Result<Option<Match>, PatternError> {
    if init > subject.len() {
        return Ok(None);
    }
    if plain || no_specials(pattern) {
        return Ok(find_plain(subject, pattern, init).map(|p| Match { start: p, end: p + pattern.len(), captures: Vec::new() }));
    }
    find_match(subject, pattern, init, true)
}

fn split_anchor(pattern: &[u8], anchor_allowed: bool) -> (bool, &[u8]) {
    if anchor_allowed && pattern.first() == Some(&b'^') {
        (true, &pattern[1..])
    } else {
        (false, pattern)
    }
}

/// State of a `string.gmatch` iterator (Lua 5.4 semantics, including `lastmatch`: an empty
/// match right at the end of the previous match is skipped). It does not borrow the subject
/// or pattern, so it can live inside a VM closure; pass the same subject/pattern each call.
/// `^` is not an anchor in gmatch.
#[derive(Clone, Debug)]
pub struct GmatchState {
    src: usize,
    last_match: Option<usize>,
}

impl GmatchState {
    /// `init` is the 0-based start (Lua `init - 1` after `posrelat`); values past the end are
    /// clamped to `subject_len + 1` (no more matches), as Lua does.
    pub fn new(subject_len: usize, init: usize) -> Self {
        GmatchState { src: init.min(subject_len.saturating_add(1)), last_match: None }
    }

    /// The state as plain numbers (next start, last match end or `usize::MAX`), so a binding
    /// can keep it in VM values between calls.
    pub fn to_parts(&self) -> (usize, usize) {
        (self.src, self.last_match.unwrap_or(usize::MAX))
    }

    /// Rebuilds a state saved with [`GmatchState::to_parts`].
    pub fn from_parts(src: usize, last_match: usize) -> Self {
        GmatchState { src, last_match: if last_match == usize::MAX { None } else { Some(last_match) } }
    }

    /// The next match, or `Ok(None)` when exhausted.
    pub fn next_match(&mut self, subject: &[u8], pattern: &[u8]) -> Result<Option<Match>, PatternError> {
        let mut ms = MatchState::new(subject, pattern);
        let filter = first_byte_filter(pattern);
        let mut src = self.src;
        while src <= subject.len() {
            if let Some(f) = filter {
                match f.next_candidate(subject, src) {
                    Some(next) => src = next,
                    None => {
                        src = subject.len() + 1;
                        break;
                    }
                }
            }
            ms.reset();
            if let Some(e) = ms.do_match(src, 0)? {
                if Some(e) != self.last_match {
                    self.src = e;
                    self.last_match = Some(e);
                    let m = ms.to_match(src, e);
                    m.check_all()?;
                    return Ok(Some(m));
                }
            }
            src += 1;
        }
        self.src = src;
        Ok(None)
    }
}

/// Error of a [`gsub`] run: a pattern error or an error raised by the replacement callback.
#[derive(Clone, Debug, PartialEq)]
pub enum GsubError<E> {
    Pattern(PatternError),
    Callback(E),
}

impl<E> From<PatternError> for GsubError<E> {
    fn from(e: PatternError) -> Self {
        GsubError::Pattern(e)
    }
}

/// Lua's `str_gsub` driver. For each match (at most `max_n` of them; `None` = unlimited;
/// `max_n <= 0` replaces nothing), calls `repl(subject, &match, out)`, which must append the
/// replacement text to `out` (to keep a match unchanged, append `subject[m.start..m.end]`).
/// Unmatched text is copied to `out`. Returns the number of matches.
///
/// The callback sees the raw captures (possibly [`Capture::Unfinished`]); use
/// [`Match::get`] / [`Match::check_all`] to get Lua's errors for table/function
/// replacements, or [`expand_replacement`] for string replacements.
pub fn gsub<E>(
    subject: &[u8],
    pattern: &[u8],
    max_n: Option<i64>,
    out: &mut Vec<u8>,
    mut repl: impl FnMut(&[u8], &Match, &mut Vec<u8>) -> Result<(), E>,
) -> Result<usize, GsubError<E>> {
    let (anchor, pat) = split_anchor(pattern, true);
    let max_n = max_n.unwrap_or(i64::MAX);
    let mut ms = MatchState::new(subject, pat);
    let mut src = 0usize;
    let mut last_match: Option<usize> = None;
    let mut count: i64 = 0;
    let mut m = Match::default();
    out.reserve(subject.len());
    let filter = if anchor { None } else { first_byte_filter(pat) };
    while count < max_n {
        if let Some(f) = filter {
            // Copy the bytes that cannot start a match in one go.
            let next = f.next_candidate(subject, src).unwrap_or(subject.len());
            out.extend_from_slice(&subject[src..next]);
            src = next;
            if src == subject.len() {
                break;
            }
        }
        ms.reset();
        let e = ms.do_match(src, 0)?;
        match e {
            Some(e) if Some(e) != last_match => {
                count += 1;
                ms.fill_match(src, e, &mut m);
                repl(subject, &m, out).map_err(GsubError::Callback)?;
                src = e;
                last_match = Some(e);
            }
            _ => {
                if src < subject.len() {
                    out.push(subject[src]);
                    src += 1;
                } else {
                    break;
                }
            }
        }
        if anchor {
            break;
        }
    }
    if let Some(rest) = subject.get(src..) {
        out.extend_from_slice(rest);
    }
    Ok(count as usize)
}

/// Appends the expansion of a `gsub` replacement string for match `m` (Lua's `add_s`):
/// `%0` whole match, `%1`-`%9` captures (`%1` is the whole match without captures; position
/// captures are written as integers), `%%` a percent sign. Errors: `invalid use of '%' in
/// replacement string`, `invalid capture index %N`, `unfinished capture`.
pub fn expand_replacement(subject: &[u8], m: &Match, repl: &[u8], out: &mut Vec<u8>) -> Result<(), PatternError> {
    let mut rest = repl;
    while let Some(pos) = rest.iter().position(|&b| b == ESC) {
        out.extend_from_slice(&rest[..pos]);
        let c = rest.get(pos + 1).copied().unwrap_or(0);
        if c == ESC {
            out.push(ESC);
        } else if c == b'0' {
            out.extend_from_slice(subject.get(m.start..m.end).unwrap_or(&[]));
        } else if c.is_ascii_digit() {
            match m.get(usize::from(c - b'1'))? {
                Capture::Span(s, e) => out.extend_from_slice(subject.get(s..e).unwrap_or(&[])),
                Capture::Position(p) => crate::number::format_int(p as i64 + 1, out),
                Capture::Unfinished(_) => return Err(perr("unfinished capture")),
            }
        } else {
            return Err(perr("invalid use of '%' in replacement string"));
        }
        rest = rest.get(pos + 2..).unwrap_or(&[]);
    }
    out.extend_from_slice(rest);
    Ok(())
}

/// Convenience: `string.gsub` with a string replacement. Returns the match count.
pub fn gsub_str(subject: &[u8], pattern: &[u8], repl: &[u8], max_n: Option<i64>, out: &mut Vec<u8>) -> Result<usize, PatternError> {
    gsub(subject, pattern, max_n, out, |s, m, o| expand_replacement(s, m, repl, o)).map_err(|e| match e {
        GsubError::Pattern(p) | GsubError::Callback(p) => p,
    })
}

// ---------------------------------------------------------------------------------------
// The matcher (lstrlib.c `match` and helpers).

/// Capture length markers, as in Lua.
const CAP_UNFINISHED: isize = -1;
const CAP_POSITION: isize = -2;

struct MatchState<'a> {
    src: &'a [u8],
    pat: &'a [u8],
    /// Remaining allowed nesting of `do_match` calls.
    depth_left: u32,
    level: usize,
    capture: [(usize, isize); MAX_CAPTURES],
}

/// Class bits of each byte in the C locale (bytes >= 128 are in no class), so a class test
/// is one load and a mask instead of a chain of range checks.
const CLASS_A: u16 = 1;
const CLASS_C: u16 = 2;
const CLASS_D: u16 = 4;
const CLASS_G: u16 = 8;
const CLASS_L: u16 = 16;
const CLASS_P: u16 = 32;
const CLASS_S: u16 = 64;
const CLASS_U: u16 = 128;
const CLASS_W: u16 = 256;
const CLASS_X: u16 = 512;
const CLASS_Z: u16 = 1024;

const fn class_bits(c: u8) -> u16 {
    let mut b = 0;
    if c.is_ascii_alphabetic() {
        b |= CLASS_A;
    }
    if c < 32 || c == 127 {
        b |= CLASS_C;
    }
    if c.is_ascii_digit() {
        b |= CLASS_D;
    }
    if c.is_ascii_graphic() {
        b |= CLASS_G;
    }
    if c.is_ascii_lowercase() {
        b |= CLASS_L;
    }
    if c.is_ascii_punctuation() {
        b |= CLASS_P;
    }
    if c == b' ' || (c >= b'\t' && c <= b'\r') {
        b |= CLASS_S;
    }
    if c.is_ascii_uppercase() {
        b |= CLASS_U;
    }
    if c.is_ascii_alphanumeric() {
        b |= CLASS_W;
    }
    if c.is_ascii_hexdigit() {
        b |= CLASS_X;
    }
    if c == 0 {
        b |= CLASS_Z;
    }
    b
}

static CLASS_TABLE: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = class_bits(i as u8);
        i += 1;
    }
    t
};

/// The class letter after `%` as (mask, negated), or `None` if `%cl` is the literal byte `cl`.
#[inline]
fn class_mask(cl: u8) -> Option<(u16, bool)> {
    let mask = match cl.to_ascii_lowercase() {
        b'a' => CLASS_A,
        b'c' => CLASS_C,
        b'd' => CLASS_D,
        b'g' => CLASS_G,
        b'l' => CLASS_L,
        b'p' => CLASS_P,
        b's' => CLASS_S,
        b'u' => CLASS_U,
        b'w' => CLASS_W,
        b'x' => CLASS_X,
        b'z' => CLASS_Z, // deprecated in Lua but still accepted by 5.4
        _ => return None,
    };
    Some((mask, cl.is_ascii_uppercase()))
}

#[inline]
fn in_class(c: u8, mask: u16, negated: bool) -> bool {
    (CLASS_TABLE[usize::from(c)] & mask != 0) != negated
}

/// Character class membership `%cl` in the C locale (bytes >= 128 are in no class).
#[inline]
fn match_class(c: u8, cl: u8) -> bool {
    match class_mask(cl) {
        Some((mask, negated)) => in_class(c, mask, negated),
        None => cl == c,
    }
}

/// What the first byte of any match must be, when the pattern fixes it (see
/// [`first_byte_filter`]). Used to skip start positions that cannot match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FirstByte {
    Literal(u8),
    Class(u16, bool),
}

impl FirstByte {
    /// First position `>= from` whose byte may start a match (`None`: no position can, not
    /// even the empty tail, because a match needs at least this byte).
    #[inline]
    fn next_candidate(self, subject: &[u8], from: usize) -> Option<usize> {
        let rest = subject.get(from..)?;
        let off = match self {
            FirstByte::Literal(c) => memchr(c, rest)?,
            FirstByte::Class(mask, negated) => rest.iter().position(|&b| in_class(b, mask, negated))?,
        };
        Some(from + off)
    }
}

/// If every match of `pat` (already stripped of an anchor) must start with a byte of a fixed
/// literal or `%`-class, that filter. Mirrors `match_body` exactly: leading `(`/`()` captures
/// are skipped (they consume nothing and cannot fail while fewer than `MAX_CAPTURES`), then
/// the first item must be a single literal/`%x` class without a `*`/`?`/`-` suffix, or `%bxy`
/// (which needs `x`). At a position whose byte fails the filter the matcher would return
/// "no match" without raising any error, so skipping such positions changes nothing
/// observable. Anything else (sets, `.`, `%f`, back-references, `$`, malformed items) gives
/// `None` and the caller tries every position as before.
fn first_byte_filter(pat: &[u8]) -> Option<FirstByte> {
    let at = |i: usize| pat.get(i).copied().unwrap_or(0);
    let mut p = 0;
    let mut captures = 0;
    while at(p) == b'(' && p < pat.len() {
        p += if at(p + 1) == b')' { 2 } else { 1 };
        captures += 1;
        if captures > MAX_CAPTURES {
            return None;
        }
    }
    if p >= pat.len() {
        return None;
    }
    let (filter, ep) = match pat[p] {
        b'(' | b')' | b'.' | b'[' => return None,
        b'$' if p + 1 == pat.len() => return None,
        ESC => {
            let cl = at(p + 1);
            if p + 1 >= pat.len() || cl == b'f' || cl.is_ascii_digit() {
                return None;
            }
            if cl == b'b' {
                // `%bxy` needs both arguments, else it is an error at every position.
                return if p + 3 < pat.len() { Some(FirstByte::Literal(pat[p + 2])) } else { None };
            }
            let f = match class_mask(cl) {
                Some((mask, negated)) => FirstByte::Class(mask, negated),
                None => FirstByte::Literal(cl),
            };
            (f, p + 2)
        }
        c => (FirstByte::Literal(c), p + 1),
    };
    match at(ep) {
        b'*' | b'?' | b'-' => None,
        _ => Some(filter),
    }
}

impl<'a> MatchState<'a> {
    fn new(src: &'a [u8], pat: &'a [u8]) -> Self {
        MatchState { src, pat, depth_left: MAX_RECURSION, level: 0, capture: [(0, 0); MAX_CAPTURES] }
    }

    fn reset(&mut self) {
        self.level = 0;
        self.depth_left = MAX_RECURSION;
    }

    /// Pattern byte at `i`, or 0 past the end (Lua's terminator).
    #[inline]
    fn p(&self, i: usize) -> u8 {
        self.pat.get(i).copied().unwrap_or(0)
    }

    /// Subject byte at `i`, or 0 past the end.
    #[inline]
    fn s(&self, i: usize) -> u8 {
        self.src.get(i).copied().unwrap_or(0)
    }

    fn to_match(&self, start: usize, end: usize) -> Match {
        let mut m = Match::default();
        self.fill_match(start, end, &mut m);
        m
    }

    fn fill_match(&self, start: usize, end: usize, m: &mut Match) {
        m.start = start;
        m.end = end;
        m.captures.clear();
        for &(init, len) in &self.capture[..self.level] {
            m.captures.push(match len {
                CAP_POSITION => Capture::Position(init),
                CAP_UNFINISHED => Capture::Unfinished(init),
                l => Capture::Span(init, init + l as usize),
            });
        }
    }

    /// End of the single-character class starting at `p` (index just past it).
    fn class_end(&self, p: usize) -> Result<usize, PatternError> {
        let c = self.p(p);
        let mut p = p + 1;
        if c == ESC {
            if p >= self.pat.len() {
                return Err(perr("malformed pattern (ends with '%')"));
            }
            return Ok(p + 1);
        }
        if c == b'[' {
            if self.p(p) == b'^' {
                p += 1;
            }
            // Look for the closing ']' (the first member may be ']').
            loop {
                if p >= self.pat.len() {
                    return Err(perr("malformed pattern (missing ']')"));
                }
                let cc = self.pat[p];
                p += 1;
                if cc == ESC && p < self.pat.len() {
                    p += 1;
                }
                if self.p(p) == b']' {
                    break;
                }
            }
            return Ok(p + 1);
        }
        Ok(p)
    }

    /// `[set]` membership; `p` is the index of `[`, `ec` the index of the closing `]`.
    fn match_bracket_class(&self, c: u8, p: usize, ec: usize) -> bool {
        let mut p = p;
        let mut sig = true;
        if self.p(p + 1) == b'^' {
            sig = false;
            p += 1;
        }
        loop {
            p += 1;
            if p >= ec {
                break;
            }
            let pc = self.p(p);
            if pc == ESC {
                p += 1;
                if match_class(c, self.p(p)) {
                    return sig;
                }
            } else if self.p(p + 1) == b'-' && p + 2 < ec {
                p += 2;
                if pc <= c && c <= self.p(p) {
                    return sig;
                }
            } else if pc == c {
                return sig;
            }
        }
        !sig
    }

    /// Does subject byte at `s` match the class at `p` (ending at `ep`)?
    #[inline]
    fn single_match(&self, s: usize, p: usize, ep: usize) -> bool {
        let Some(&c) = self.src.get(s) else { return false };
        match self.p(p) {
            b'.' => true,
            ESC => match_class(c, self.p(p + 1)),
            b'[' => self.match_bracket_class(c, p, ep - 1),
            pc => pc == c,
        }
    }

    fn match_balance(&self, s: usize, p: usize) -> Result<Option<usize>, PatternError> {
        if p + 1 >= self.pat.len() {
            return Err(perr("malformed pattern (missing arguments to '%b')"));
        }
        if s >= self.src.len() || self.src[s] != self.pat[p] {
            return Ok(None);
        }
        let (open, close) = (self.pat[p], self.pat[p + 1]);
        let mut depth = 1u32;
        let mut i = s + 1;
        while i < self.src.len() {
            let c = self.src[i];
            if c == close {
                depth -= 1;
                if depth == 0 {
                    return Ok(Some(i + 1));
                }
            } else if c == open {
                depth += 1;
            }
            i += 1;
        }
        Ok(None)
    }

    fn capture_to_close(&self) -> Result<usize, PatternError> {
        (0..self.level).rev().find(|&l| self.capture[l].1 == CAP_UNFINISHED).ok_or_else(|| perr("invalid pattern capture"))
    }

    fn match_capture(&self, s: usize, digit: u8) -> Result<Option<usize>, PatternError> {
        let l = usize::from(digit).wrapping_sub(usize::from(b'1'));
        if l >= self.level || self.capture[l].1 == CAP_UNFINISHED {
            return Err(PatternError(format!("invalid capture index %{}", l.wrapping_add(1) as isize)));
        }
        let (init, len) = self.capture[l];
        if len < 0 {
            return Ok(None); // position capture: Lua compares as a huge length and fails
        }
        let len = len as usize;
        if self.src.len() - s >= len && self.src[init..init + len] == self.src[s..s + len] {
            Ok(Some(s + len))
        } else {
            Ok(None)
        }
    }

    fn start_capture(&mut self, s: usize, p: usize, what: isize) -> Result<Option<usize>, PatternError> {
        if self.level >= MAX_CAPTURES {
            return Err(perr("too many captures"));
        }
        self.capture[self.level] = (s, what);
        self.level += 1;
        let res = self.do_match(s, p)?;
        if res.is_none() {
            self.level -= 1;
        }
        Ok(res)
    }

    fn end_capture(&mut self, s: usize, p: usize) -> Result<Option<usize>, PatternError> {
        let l = self.capture_to_close()?;
        self.capture[l].1 = (s - self.capture[l].0) as isize;
        let res = self.do_match(s, p)?;
        if res.is_none() {
            self.capture[l].1 = CAP_UNFINISHED;
        }
        Ok(res)
    }

    /// Number of consecutive subject bytes from `s` matching the class at `p..ep`; the class
    /// dispatch is hoisted out of the byte loop.
    fn count_run(&self, s: usize, p: usize, ep: usize) -> usize {
        let rest = self.src.get(s..).unwrap_or(&[]);
        match self.p(p) {
            b'.' => rest.len(),
            ESC => {
                let cl = self.p(p + 1);
                match class_mask(cl) {
                    Some((mask, negated)) => rest.iter().take_while(|&&c| in_class(c, mask, negated)).count(),
                    None => rest.iter().take_while(|&&c| c == cl).count(),
                }
            }
            b'[' => rest.iter().take_while(|&&c| self.match_bracket_class(c, p, ep - 1)).count(),
            pc => rest.iter().take_while(|&&c| c == pc).count(),
        }
    }

    /// If the rest of the pattern from `p` is `)`* followed by a literal byte that must match
    /// once, and trying it cannot raise an error (enough open captures to close, enough
    /// depth), that byte: `do_match(s, p)` then fails without side effects wherever the
    /// subject byte at the literal's position differs, so callers may skip those `s`.
    fn next_literal(&self, p: usize) -> Option<u8> {
        let mut q = p;
        while self.p(q) == b')' && q < self.pat.len() {
            q += 1;
        }
        let closes = q - p;
        if closes > 0 {
            let open = self.capture[..self.level].iter().filter(|c| c.1 == CAP_UNFINISHED).count();
            if open < closes {
                return None;
            }
        }
        if (self.depth_left as usize) <= closes || q >= self.pat.len() {
            return None;
        }
        let (c, item_len) = match self.pat[q] {
            b'(' | b')' | b'.' | b'[' => return None,
            b'$' if q + 1 == self.pat.len() => return None,
            // `%x` with a non-class, non-special `x` (like `%]`, `%.`) is the literal `x`.
            ESC => {
                let x = self.p(q + 1);
                if q + 1 >= self.pat.len() || matches!(x, b'b' | b'f') || x.is_ascii_digit() || class_mask(x).is_some() {
                    return None;
                }
                (x, 2)
            }
            c => (c, 1),
        };
        match self.p(q + item_len) {
            b'*' | b'?' | b'-' => None,
            _ => Some(c),
        }
    }

    fn max_expand(&mut self, s: usize, p: usize, ep: usize) -> Result<Option<usize>, PatternError> {
        let mut i = self.count_run(s, p, ep);
        let next = self.next_literal(ep + 1);
        loop {
            // With a following literal, only positions holding it can continue the match.
            if next.map_or(true, |c| self.s(s + i) == c && s + i < self.src.len()) {
                if let Some(r) = self.do_match(s + i, ep + 1)? {
                    return Ok(Some(r));
                }
            }
            if i == 0 {
                return Ok(None);
            }
            i -= 1;
        }
    }

    fn min_expand(&mut self, mut s: usize, p: usize, ep: usize) -> Result<Option<usize>, PatternError> {
        let next = self.next_literal(ep + 1);
        loop {
            // With a following literal, only positions holding it can continue the match.
            if next.map_or(true, |c| self.s(s) == c && s < self.src.len()) {
                if let Some(r) = self.do_match(s, ep + 1)? {
                    return Ok(Some(r));
                }
            }
            if self.single_match(s, p, ep) {
                s += 1;
            } else {
                return Ok(None);
            }
        }
    }

    /// Lua's `match`: tries to match pattern from `p` at subject position `s`; returns the end
    /// of the match. Depth-limited; tail calls are loops.
    fn do_match(&mut self, s: usize, p: usize) -> Result<Option<usize>, PatternError> {
        if self.depth_left == 0 {
            return Err(perr("pattern too complex"));
        }
        self.depth_left -= 1;
        let r = self.match_body(s, p);
        self.depth_left += 1;
        r
    }

    fn match_body(&mut self, mut s: usize, mut p: usize) -> Result<Option<usize>, PatternError> {
        loop {
            if p >= self.pat.len() {
                return Ok(Some(s));
            }
            match self.pat[p] {
                b'(' => {
                    return if self.p(p + 1) == b')' {
                        self.start_capture(s, p + 2, CAP_POSITION)
                    } else {
                        self.start_capture(s, p + 1, CAP_UNFINISHED)
                    };
                }
                b')' => return self.end_capture(s, p + 1),
                b'$' if p + 1 == self.pat.len() => {
                    return Ok(if s == self.src.len() { Some(s) } else { None });
                }
                ESC if self.p(p + 1) == b'b' => match self.match_balance(s, p + 2)? {
                    Some(e) => {
                        s = e;
                        p += 4;
                        continue;
                    }
                    None => return Ok(None),
                },
                ESC if self.p(p + 1) == b'f' => {
                    p += 2;
                    if self.p(p) != b'[' {
                        return Err(perr("missing '[' after '%f' in pattern"));
                    }
                    let ep = self.class_end(p)?;
                    let previous = if s == 0 { 0 } else { self.s(s - 1) };
                    let current = self.s(s);
                    if !self.match_bracket_class(previous, p, ep - 1) && self.match_bracket_class(current, p, ep - 1) {
                        p = ep;
                        continue;
                    }
                    return Ok(None);
                }
                ESC if self.p(p + 1).is_ascii_digit() => match self.match_capture(s, self.p(p + 1))? {
                    Some(e) => {
                        s = e;
                        p += 2;
                        continue;
                    }
                    None => return Ok(None),
                },
                _ => {
                    let ep = self.class_end(p)?;
                    let suffix = self.p(ep);
                    if !self.single_match(s, p, ep) {
                        if suffix == b'*' || suffix == b'?' || suffix == b'-' {
                            p = ep + 1;
                            continue;
                        }
                        return Ok(None);
                    }
                    match suffix {
                        b'?' => {
                            if let Some(r) = self.do_match(s + 1, ep + 1)? {
                                return Ok(Some(r));
                            }
                            p = ep + 1;
                        }
                        b'+' => return self.max_expand(s + 1, p, ep),
                        b'*' => return self.max_expand(s, p, ep),
                        b'-' => return self.min_expand(s, p, ep),
                        _ => {
                            s += 1;
                            p = ep;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str, p: &str) -> String {
        find_match(s.as_bytes(), p.as_bytes(), 0, true).unwrap_err().0
    }

    #[test]
    fn deep_patterns_never_overflow_the_stack() {
        // Run in a small-stack thread: the recursion bound must keep us well inside it.
        let h = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let s = "a".repeat(1000);
                assert_eq!(err(&s, &"a?".repeat(100_000)), "pattern too complex");
                assert!(find_match(s.as_bytes(), "a*".repeat(500).as_bytes(), 0, true).unwrap().is_some());
                assert_eq!(err(&s, &"(".repeat(1000)), "too many captures");
                assert_eq!(err(&s, &format!("{}{}", "()".repeat(31), "(a?)".repeat(200))), "too many captures");
                let nested = format!("{}{}", "(a".repeat(30), ")".repeat(30));
                assert!(find_match(s.as_bytes(), nested.as_bytes(), 0, true).unwrap().is_some());
                assert_eq!(err(&s, &"a-".repeat(300)), "pattern too complex");
            })
            .unwrap();
        h.join().unwrap();
    }

    #[test]
    fn api_basics() {
        let m = find(b"hello world", b"o w", 0, false).unwrap().unwrap();
        assert_eq!((m.start, m.end), (4, 7));
        let m = find_match(b"key=val", b"(%w+)=()", 0, true).unwrap().unwrap();
        assert_eq!(m.captures, vec![Capture::Span(0, 3), Capture::Position(4)]);
        assert_eq!(m.get(2).unwrap_err().0, "invalid capture index %3");
        let mut out = Vec::new();
        assert_eq!(gsub_str(b"abc", b"", b"-", None, &mut out).unwrap(), 4);
        assert_eq!(out, b"-a-b-c-");
        let mut g = GmatchState::new(3, 0);
        let mut n = 0;
        while g.next_match(b"abc", b"a*").unwrap().is_some() {
            n += 1;
        }
        assert_eq!(n, 3); // "a", "" at 2, "" at 3 (the empty match at 1 is skipped)
        assert_eq!(find_plain(b"abcabc", b"ca", 0), Some(2));
        assert_eq!(find_plain(b"abc", b"", 3), Some(3));
        assert_eq!(find_plain(b"abc", b"", 4), None);
        assert!(no_specials(b"abc)]") && !no_specials(b"a.b"));
    }

    #[test]
    fn memchr_matches_naive_search() {
        let hay: Vec<u8> = (0..200u32).map(|i| (i * 37 % 251) as u8).collect();
        for len in 0..hay.len() {
            for c in [0u8, 1, 37, 74, 128, 200, 250, 255] {
                let h = &hay[..len];
                assert_eq!(memchr(c, h), h.iter().position(|&b| b == c), "c={c} len={len}");
            }
        }
        assert_eq!(memchr(0x80, &[0x00, 0x80, 0x80, 0, 0, 0, 0, 0, 0x80]), Some(1));
        assert_eq!(memchr(1, &[0, 0, 0, 0, 0, 0, 0, 1]), Some(7));
    }

    #[test]
    fn first_byte_filter_cases() {
        assert_eq!(first_byte_filter(b"=(%d+);"), Some(FirstByte::Literal(b'=')));
        assert_eq!(first_byte_filter(b"(()%a+)"), Some(FirstByte::Class(CLASS_A, false)));
        assert_eq!(first_byte_filter(b"%S"), Some(FirstByte::Class(CLASS_S, true)));
        assert_eq!(first_byte_filter(b"%b()"), Some(FirstByte::Literal(b'(')));
        assert_eq!(first_byte_filter(b"%.x"), Some(FirstByte::Literal(b'.')));
        assert_eq!(first_byte_filter(b"^a"), Some(FirstByte::Literal(b'^')));
        assert_eq!(first_byte_filter(b"a+"), Some(FirstByte::Literal(b'a')));
        for p in [&b"a*"[..], b"a?", b"a-", b".", b"[a]", b"%f[a]", b"%1", b"$", b"", b"()", b"%", b"%b(", b")a", b"%bx"] {
            assert_eq!(first_byte_filter(p), None, "{}", String::from_utf8_lossy(p));
        }
        assert_eq!(first_byte_filter(&[b"(".repeat(33), b"a".to_vec()].concat()), None);
        assert_eq!(first_byte_filter(&[b"(".repeat(32), b"a".to_vec()].concat()), Some(FirstByte::Literal(b'a')));
    }

    #[test]
    fn gsub_callback_errors_propagate() {
        let mut out = Vec::new();
        let r = gsub(b"abc", b"%w", None, &mut out, |_, m, _| if m.start == 1 { Err("boom") } else { Ok(()) });
        assert_eq!(r, Err(GsubError::Callback("boom")));
    }
}
