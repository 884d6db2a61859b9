//! The GScript lexer (spec section 2).
//!
//! [`Lexer`] turns the bytes of a chunk into [`Token`]s on demand, including the
//! automatically inserted semicolons of spec 2.4:
//! * Rule 1: after a line's final token of the kinds in [`TokenKind::ends_statement`];
//!   a `//` comment or a general comment spanning lines acts like a newline, and the end of
//!   the chunk counts as one.
//! * Rule 2: only while the innermost open bracket is `{` (or none is open); the lexer keeps
//!   a stack of the brackets it has handed out.
//! * Rule 3: never directly before `else` / `elseif` (one token of lookahead, `stash`).
//!
//! A keyword directly after `.` is handed out as an identifier: it is a field name
//! (`t.default`), and rule 1 must treat it like one.
//!
//! Invariants: the lexer never panics on any input (every byte access is bounds-checked),
//! never allocates per token (identifiers and strings are spans into the source; string
//! escapes are validated while lexing and decoded later by [`decode_string`]), and reports
//! errors Lua-style as `MESSAGE near 'TEXT'` / `near <eof>`, with `incomplete` set when the
//! error is at end of input. After [`TokenKind::Eof`] it keeps returning `Eof`.

use crate::ast::BinOp;
use crate::span::{Diagnostic, Span};
use crate::token::{SemiKind, Token, TokenKind};

/// Lexes a whole chunk (for tooling: highlighting, the REPL). Inserted semicolons are
/// included as `Semi(SemiKind::Newline | SemiKind::Eof)`; the last token is `Eof`.
pub fn tokenize(source: &[u8]) -> Result<Vec<Token>, Diagnostic> {
    let mut lexer = Lexer::new(source);
    let mut tokens = Vec::new();
    loop {
        let token = lexer.next_token()?;
        tokens.push(token);
        if token.kind == TokenKind::Eof {
            return Ok(tokens);
        }
    }
}

pub struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    /// Brackets handed out and not yet closed (`(`, `[`, `{`), for rule 2.
    brackets: Vec<u8>,
    /// The last token handed out triggers rule 1 at a following newline.
    last_ends_statement: bool,
    /// The last token handed out was `.` (the next word is a field name).
    last_was_dot: bool,
    /// Where the last token handed out ended: an inserted `;` is placed there.
    last_end: Span,
    /// A token lexed ahead of an inserted semicolon (rule 3 lookahead).
    stash: Option<Token>,
}

/// What an escape sequence denotes.
enum Escape {
    /// `\xHH`, `\ooo` and the single-character escapes: one byte.
    Byte(u8),
    /// `\uHHHH`, `\UHHHHHHHH`: a code point (UTF-8 encoded in strings).
    CodePoint(u32),
}

enum EscapeError {
    /// The escape is invalid; the offending text ends before this offset.
    Invalid(usize),
    /// The input ended inside the escape.
    Eof,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a [u8]) -> Lexer<'a> {
        let mut lexer = Lexer {
            src,
            pos: 0,
            line: 1,
            line_start: 0,
            brackets: Vec::new(),
            last_ends_statement: false,
            last_was_dot: false,
            last_end: Span::new(0, 0, 1, 1),
            stash: None,
        };
        // `#!` first line: skipped, the newline itself is kept (line numbers unaffected).
        if src.starts_with(b"#!") {
            lexer.pos = src.iter().position(|&b| b == b'\n').unwrap_or(src.len());
        }
        lexer
    }

    /// The source being lexed.
    pub fn source(&self) -> &'a [u8] {
        self.src
    }

    /// Span of the end of input: line is 1 + the number of newlines.
    pub fn eof_span(&self) -> Span {
        let newlines = self.src.iter().filter(|&&b| b == b'\n').count() as u32;
        let last_line_start = self.src.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let len = self.src.len() as u32;
        Span::new(len, len, newlines + 1, (self.src.len() - last_line_start) as u32 + 1)
    }

    /// Returns the next token (possibly an inserted semicolon).
    pub fn next_token(&mut self) -> Result<Token, Diagnostic> {
        if let Some(token) = self.stash.take() {
            return Ok(self.hand_out(token));
        }
        let saw_newline = self.skip_trivia()?;
        let at_eof = self.pos >= self.src.len();
        let insert = (saw_newline || at_eof)
            && self.last_ends_statement
            && matches!(self.brackets.last(), None | Some(b'{'));
        let token = if at_eof {
            let mut span = self.current_span(self.pos);
            span.lo = self.src.len() as u32;
            span.hi = span.lo;
            Token { kind: TokenKind::Eof, span }
        } else {
            self.scan_token()?
        };
        if insert && !matches!(token.kind, TokenKind::Else | TokenKind::Elseif) {
            let kind = if at_eof { SemiKind::Eof } else { SemiKind::Newline };
            let semi = Token { kind: TokenKind::Semi(kind), span: self.last_end };
            self.stash = Some(token);
            return Ok(self.hand_out(semi));
        }
        Ok(self.hand_out(token))
    }

    /// Records a token as handed out: bracket stack and rule-1 state.
    #[inline]
    fn hand_out(&mut self, mut token: Token) -> Token {
        // A word right after `.` is a field name even when it is spelled like a keyword
        // (`t.default`): it is handed out as an identifier, so that rule 1 inserts a `;`
        // after it at the end of a line, as after any other field name.
        if self.last_was_dot && token.kind.is_keyword() {
            token.kind = TokenKind::Ident;
        }
        self.last_was_dot = token.kind == TokenKind::Dot;
        match token.kind {
            TokenKind::LParen => self.brackets.push(b'('),
            TokenKind::LBracket => self.brackets.push(b'['),
            TokenKind::LBrace => self.brackets.push(b'{'),
            TokenKind::RParen | TokenKind::RBracket | TokenKind::RBrace => {
                self.brackets.pop();
            }
            _ => {}
        }
        self.last_ends_statement = token.kind.ends_statement();
        if !matches!(token.kind, TokenKind::Semi(SemiKind::Newline | SemiKind::Eof)) {
            // A token is handed out right after it was scanned (or after the semicolon
            // stashed in front of it), so the lexer's line state is that of its end; this
            // matters for raw strings spanning lines.
            let hi = token.span.hi as usize;
            self.last_end = Span::new(token.span.hi, token.span.hi, self.line, (hi.saturating_sub(self.line_start)) as u32 + 1);
        }
        token
    }

    fn current_span(&self, lo: usize) -> Span {
        Span::new(lo as u32, self.pos as u32, self.line, (lo - self.line_start) as u32 + 1)
    }

    fn peek_byte(&self, offset: usize) -> u8 {
        self.src.get(self.pos + offset).copied().unwrap_or(0)
    }

    fn newline_at(&mut self, pos: usize) {
        self.line += 1;
        self.line_start = pos + 1;
    }

    fn error_here(&self, message: &str, lo: usize) -> Diagnostic {
        let text = &self.src[lo.min(self.src.len())..self.pos.min(self.src.len())];
        Diagnostic {
            message: format!("{} near '{}'", message, String::from_utf8_lossy(text)),
            line: self.line,
            col: (lo.saturating_sub(self.line_start)) as u32 + 1,
            incomplete: false,
        }
    }

    fn error_at_eof(&self, message: &str) -> Diagnostic {
        let eof = self.eof_span();
        Diagnostic { message: format!("{} near <eof>", message), line: eof.line, col: eof.col, incomplete: true }
    }

    /// Skips whitespace and comments; reports whether a newline (or a comment acting like
    /// one) was crossed.
    fn skip_trivia(&mut self) -> Result<bool, Diagnostic> {
        let mut newline = false;
        while let Some(&c) = self.src.get(self.pos) {
            match c {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\n' => {
                    self.newline_at(self.pos);
                    self.pos += 1;
                    newline = true;
                }
                b'/' if self.peek_byte(1) == b'/' => {
                    let rest = &self.src[self.pos..];
                    self.pos += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                    newline = true;
                }
                b'/' if self.peek_byte(1) == b'*' => {
                    let mut i = self.pos + 2;
                    loop {
                        match self.src.get(i) {
                            None => {
                                self.pos = self.src.len();
                                return Err(self.error_at_eof("unfinished comment"));
                            }
                            Some(b'*') if self.src.get(i + 1) == Some(&b'/') => break,
                            Some(b'\n') => {
                                self.newline_at(i);
                                newline = true;
                            }
                            Some(_) => {}
                        }
                        i += 1;
                    }
                    self.pos = i + 2;
                }
                _ => break,
            }
        }
        Ok(newline)
    }

    fn scan_token(&mut self) -> Result<Token, Diagnostic> {
        let lo = self.pos;
        let line = self.line;
        let col = (lo - self.line_start) as u32 + 1;
        let c = self.peek_byte(0);
        let kind = match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let rest = &self.src[lo..];
                let len = rest.iter().position(|&b| !(b.is_ascii_alphanumeric() || b == b'_')).unwrap_or(rest.len());
                self.pos += len;
                TokenKind::keyword(&rest[..len]).unwrap_or(TokenKind::Ident)
            }
            b'0'..=b'9' => self.scan_number()?,
            b'.' => match (self.peek_byte(1), self.peek_byte(2)) {
                (b'0'..=b'9', _) => self.scan_number()?,
                (b'.', b'.') => self.op(3, TokenKind::Ellipsis),
                (b'.', b'=') => self.op(3, TokenKind::OpAssign(BinOp::Concat)),
                (b'.', _) => self.op(2, TokenKind::DotDot),
                _ => self.op(1, TokenKind::Dot),
            },
            b'"' => self.scan_interpreted_string()?,
            b'`' => self.scan_raw_string()?,
            b'\'' => self.scan_rune()?,
            b'+' => match self.peek_byte(1) {
                b'+' => self.op(2, TokenKind::PlusPlus),
                b'=' => self.op(2, TokenKind::OpAssign(BinOp::Add)),
                _ => self.op(1, TokenKind::Plus),
            },
            b'-' => match self.peek_byte(1) {
                b'-' => self.op(2, TokenKind::MinusMinus),
                b'=' => self.op(2, TokenKind::OpAssign(BinOp::Sub)),
                _ => self.op(1, TokenKind::Minus),
            },
            b'*' => match (self.peek_byte(1), self.peek_byte(2)) {
                (b'*', b'=') => self.op(3, TokenKind::OpAssign(BinOp::Pow)),
                (b'*', _) => self.op(2, TokenKind::StarStar),
                (b'=', _) => self.op(2, TokenKind::OpAssign(BinOp::Mul)),
                _ => self.op(1, TokenKind::Star),
            },
            b'/' => match self.peek_byte(1) {
                b'=' => self.op(2, TokenKind::OpAssign(BinOp::Div)),
                _ => self.op(1, TokenKind::Slash),
            },
            b'%' => match self.peek_byte(1) {
                b'=' => self.op(2, TokenKind::OpAssign(BinOp::Mod)),
                _ => self.op(1, TokenKind::Percent),
            },
            b'&' => match (self.peek_byte(1), self.peek_byte(2)) {
                (b'^', b'=') => self.op(3, TokenKind::OpAssign(BinOp::BAndNot)),
                (b'^', _) => self.op(2, TokenKind::AmpCaret),
                (b'&', _) => self.op(2, TokenKind::AndAnd),
                (b'=', _) => self.op(2, TokenKind::OpAssign(BinOp::BAnd)),
                _ => self.op(1, TokenKind::Amp),
            },
            b'|' => match self.peek_byte(1) {
                b'|' => self.op(2, TokenKind::OrOr),
                b'=' => self.op(2, TokenKind::OpAssign(BinOp::BOr)),
                _ => self.op(1, TokenKind::Pipe),
            },
            b'^' => match self.peek_byte(1) {
                b'=' => self.op(2, TokenKind::OpAssign(BinOp::BXor)),
                _ => self.op(1, TokenKind::Caret),
            },
            b'<' => match (self.peek_byte(1), self.peek_byte(2)) {
                (b'<', b'=') => self.op(3, TokenKind::OpAssign(BinOp::Shl)),
                (b'<', _) => self.op(2, TokenKind::Shl),
                (b'=', _) => self.op(2, TokenKind::Le),
                (b'-', _) => self.op(2, TokenKind::Arrow),
                _ => self.op(1, TokenKind::Lt),
            },
            b'>' => match (self.peek_byte(1), self.peek_byte(2)) {
                (b'>', b'=') => self.op(3, TokenKind::OpAssign(BinOp::Shr)),
                (b'>', _) => self.op(2, TokenKind::Shr),
                (b'=', _) => self.op(2, TokenKind::Ge),
                _ => self.op(1, TokenKind::Gt),
            },
            b'=' => match self.peek_byte(1) {
                b'=' => self.op(2, TokenKind::EqEq),
                _ => self.op(1, TokenKind::Assign),
            },
            b'!' => match self.peek_byte(1) {
                b'=' => self.op(2, TokenKind::NotEq),
                _ => self.op(1, TokenKind::Bang),
            },
            b':' => match self.peek_byte(1) {
                b'=' => self.op(2, TokenKind::Define),
                _ => self.op(1, TokenKind::Colon),
            },
            b'#' => self.op(1, TokenKind::Hash),
            b'(' => self.op(1, TokenKind::LParen),
            b')' => self.op(1, TokenKind::RParen),
            b'[' => self.op(1, TokenKind::LBracket),
            b']' => self.op(1, TokenKind::RBracket),
            b'{' => self.op(1, TokenKind::LBrace),
            b'}' => self.op(1, TokenKind::RBrace),
            b',' => self.op(1, TokenKind::Comma),
            b';' => self.op(1, TokenKind::Semi(SemiKind::Explicit)),
            _ => {
                let shown = if c.is_ascii_graphic() { (c as char).to_string() } else { format!("<\\{}>", c) };
                return Err(Diagnostic {
                    message: format!("unexpected character near '{}'", shown),
                    line,
                    col,
                    incomplete: false,
                });
            }
        };
        Ok(Token { kind, span: Span::new(lo as u32, self.pos as u32, line, col) })
    }

    fn op(&mut self, len: usize, kind: TokenKind) -> TokenKind {
        self.pos += len;
        kind
    }

    /// Scans a numeric literal: first the whole run of bytes that could belong to it
    /// (number boundary rule, spec 2.9), then validates and evaluates the run.
    fn scan_number(&mut self) -> Result<TokenKind, Diagnostic> {
        let lo = self.pos;
        let is_hex = self.peek_byte(0) == b'0' && matches!(self.peek_byte(1), b'x' | b'X');
        let mut i = lo;
        while let Some(&c) = self.src.get(i) {
            if c.is_ascii_alphanumeric() || c == b'_' {
                i += 1;
                let exponent = if is_hex { matches!(c, b'p' | b'P') } else { matches!(c, b'e' | b'E') };
                if exponent && matches!(self.src.get(i), Some(b'+' | b'-')) {
                    i += 1;
                }
            } else if c == b'.' && self.src.get(i + 1) != Some(&b'.') {
                i += 1;
            } else {
                break;
            }
        }
        self.pos = i;
        match number_value(&self.src[lo..i]) {
            Some(kind) => Ok(kind),
            None => Err(self.error_here("malformed number", lo)),
        }
    }

    fn scan_interpreted_string(&mut self) -> Result<TokenKind, Diagnostic> {
        let lo = self.pos;
        let mut i = lo + 1;
        loop {
            match self.src.get(i) {
                None => {
                    self.pos = self.src.len();
                    return Err(self.error_at_eof("unfinished string"));
                }
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(TokenKind::Str);
                }
                Some(b'\n') => {
                    self.pos = i;
                    return Err(self.error_here("unfinished string", lo));
                }
                Some(b'\\') => match scan_escape(self.src, i) {
                    Ok((next, _)) => i = next,
                    Err(EscapeError::Invalid(end)) => {
                        self.pos = end;
                        return Err(self.error_here("invalid escape sequence", lo));
                    }
                    Err(EscapeError::Eof) => {
                        self.pos = self.src.len();
                        return Err(self.error_at_eof("unfinished string"));
                    }
                },
                Some(_) => i += 1,
            }
        }
    }

    fn scan_raw_string(&mut self) -> Result<TokenKind, Diagnostic> {
        let mut i = self.pos + 1;
        loop {
            match self.src.get(i) {
                None => {
                    self.pos = self.src.len();
                    return Err(self.error_at_eof("unfinished string"));
                }
                Some(b'`') => {
                    self.pos = i + 1;
                    return Ok(TokenKind::RawStr);
                }
                Some(b'\n') => self.newline_at(i),
                Some(_) => {}
            }
            i += 1;
        }
    }

    fn scan_rune(&mut self) -> Result<TokenKind, Diagnostic> {
        let lo = self.pos;
        let i = lo + 1;
        let (value, next) = match self.src.get(i) {
            None => {
                self.pos = self.src.len();
                return Err(self.error_at_eof("invalid rune literal"));
            }
            Some(b'\\') => match scan_escape(self.src, i) {
                Ok((next, Escape::Byte(b))) => (b as i64, next),
                Ok((next, Escape::CodePoint(cp))) => (cp as i64, next),
                Err(EscapeError::Invalid(end)) => {
                    self.pos = end;
                    return Err(self.error_here("invalid escape sequence", lo));
                }
                Err(EscapeError::Eof) => {
                    self.pos = self.src.len();
                    return Err(self.error_at_eof("invalid rune literal"));
                }
            },
            Some(b'\'') | Some(b'\n') => {
                self.pos = i;
                return Err(self.error_here("invalid rune literal", lo));
            }
            Some(&lead) => {
                let len = match lead {
                    0x00..=0x7f => 1,
                    0xc0..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf7 => 4,
                    _ => 0,
                };
                let decoded = self
                    .src
                    .get(i..i + len)
                    .and_then(|bytes| std::str::from_utf8(bytes).ok())
                    .and_then(|s| s.chars().next());
                match decoded {
                    Some(ch) if len > 0 => (ch as i64, i + len),
                    _ => {
                        self.pos = (i + 1).min(self.src.len());
                        return Err(self.error_here("invalid rune literal", lo));
                    }
                }
            }
        };
        if self.src.get(next) == Some(&b'\'') {
            self.pos = next + 1;
            Ok(TokenKind::Rune(value))
        } else {
            // Show the literal up to its closing quote when it is on this line.
            let rest = &self.src[next.min(self.src.len())..];
            let end = rest.iter().position(|&b| b == b'\'' || b == b'\n').map_or(next, |k| {
                if rest[k] == b'\'' {
                    next + k + 1
                } else {
                    next
                }
            });
            self.pos = end.min(self.src.len());
            Err(self.error_here("invalid rune literal", lo))
        }
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Result<Token, Diagnostic>;

    /// Yields tokens up to and including `Eof`, or the first error.
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos > self.src.len() {
            return None;
        }
        let result = self.next_token();
        match &result {
            Ok(Token { kind: TokenKind::Eof, .. }) | Err(_) => self.pos = self.src.len() + 1,
            Ok(_) => {}
        }
        Some(result)
    }
}

fn hex_value(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// Scans the escape sequence starting at the backslash at `i`. Returns the offset after it.
fn scan_escape(src: &[u8], i: usize) -> Result<(usize, Escape), EscapeError> {
    let Some(&c) = src.get(i + 1) else { return Err(EscapeError::Eof) };
    let simple = match c {
        b'a' => Some(7),
        b'b' => Some(8),
        b'f' => Some(12),
        b'n' => Some(10),
        b'r' => Some(13),
        b't' => Some(9),
        b'v' => Some(11),
        b'\\' => Some(b'\\'),
        b'"' => Some(b'"'),
        b'\'' => Some(b'\''),
        _ => None,
    };
    if let Some(byte) = simple {
        return Ok((i + 2, Escape::Byte(byte)));
    }
    // Reads `count` digits of `radix` after the escape letter at offset `first`.
    let digits = |first: usize, count: usize, radix: u32| -> Result<u32, EscapeError> {
        let mut value: u32 = 0;
        for k in 0..count {
            let Some(&d) = src.get(first + k) else { return Err(EscapeError::Eof) };
            match (d as char).to_digit(radix) {
                Some(v) => value = value * radix + v,
                None => return Err(EscapeError::Invalid(first + k + usize::from(d != b'\n'))),
            }
        }
        Ok(value)
    };
    match c {
        b'x' => Ok((i + 4, Escape::Byte(digits(i + 2, 2, 16)? as u8))),
        b'0'..=b'7' => {
            let value = digits(i + 1, 3, 8)?;
            if value > 255 {
                return Err(EscapeError::Invalid(i + 4));
            }
            Ok((i + 4, Escape::Byte(value as u8)))
        }
        b'u' | b'U' => {
            let count = if c == b'u' { 4 } else { 8 };
            let value = digits(i + 2, count, 16)?;
            if value > 0x10FFFF || (0xD800..=0xDFFF).contains(&value) {
                return Err(EscapeError::Invalid(i + 2 + count));
            }
            Ok((i + 2 + count, Escape::CodePoint(value)))
        }
        b'\n' => Err(EscapeError::Invalid(i + 1)),
        _ => Err(EscapeError::Invalid(i + 2)),
    }
}

/// Decodes the text of a string token (with its quotes): escapes of interpreted strings
/// are replaced by their bytes; carriage returns are dropped from raw strings. The token
/// must have been produced by the lexer (invalid escapes are copied through, never panic).
pub fn decode_string(token_text: &[u8]) -> Vec<u8> {
    let Some((&quote, rest)) = token_text.split_first() else { return Vec::new() };
    let body = rest.strip_suffix(&[quote]).unwrap_or(rest);
    if quote == b'`' {
        return body.iter().copied().filter(|&b| b != b'\r').collect();
    }
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i] != b'\\' {
            // Copy a run of plain bytes at once.
            let run = body[i..].iter().position(|&b| b == b'\\').unwrap_or(body.len() - i);
            out.extend_from_slice(&body[i..i + run]);
            i += run;
            continue;
        }
        match scan_escape(body, i) {
            Ok((next, Escape::Byte(b))) => {
                out.push(b);
                i = next;
            }
            Ok((next, Escape::CodePoint(cp))) => {
                let ch = char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER);
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                i = next;
            }
            Err(_) => {
                out.push(b'\\');
                i += 1;
            }
        }
    }
    out
}

/// Scans digits of a radix with `_` separators: an underscore must be followed by a digit
/// and preceded by one (or, with `leading_underscore`, be the first byte). Returns the end
/// offset and the number of digits.
fn scan_digits(text: &[u8], mut i: usize, is_digit: fn(u8) -> bool, leading_underscore: bool) -> (usize, usize) {
    let start = i;
    let mut digits = 0;
    while let Some(&c) = text.get(i) {
        if is_digit(c) {
            digits += 1;
            i += 1;
        } else if c == b'_'
            && (digits > 0 || (leading_underscore && i == start))
            && text.get(i + 1).is_some_and(|&d| is_digit(d))
        {
            i += 1;
        } else {
            break;
        }
    }
    (i, digits)
}

fn is_dec(c: u8) -> bool {
    c.is_ascii_digit()
}
fn is_hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}
fn is_oct(c: u8) -> bool {
    matches!(c, b'0'..=b'7')
}
fn is_bin(c: u8) -> bool {
    matches!(c, b'0' | b'1')
}

/// Validates and evaluates a numeric literal's text (spec 2.8, 2.9). `None` = malformed.
pub(crate) fn number_value(text: &[u8]) -> Option<TokenKind> {
    let prefix = if text.len() >= 2 && text[0] == b'0' { text[1].to_ascii_lowercase() } else { 0 };
    match prefix {
        b'x' => hex_number(text),
        b'o' | b'b' => {
            let (radix, pred): (u64, fn(u8) -> bool) = if prefix == b'o' { (8, is_oct) } else { (2, is_bin) };
            let (end, digits) = scan_digits(text, 2, pred, true);
            if digits == 0 || end != text.len() {
                return None;
            }
            let value = text[2..]
                .iter()
                .filter(|&&c| c != b'_')
                .fold(0u64, |acc, &c| acc.wrapping_mul(radix).wrapping_add((c - b'0') as u64));
            Some(TokenKind::Int(value as i64))
        }
        _ => decimal_number(text),
    }
}

fn decimal_number(text: &[u8]) -> Option<TokenKind> {
    let (mut i, int_digits) = scan_digits(text, 0, is_dec, false);
    let mut is_float = false;
    let mut frac_digits = 0;
    if text.get(i) == Some(&b'.') {
        is_float = true;
        let (end, n) = scan_digits(text, i + 1, is_dec, false);
        i = end;
        frac_digits = n;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(text.get(i), Some(b'e' | b'E')) {
        is_float = true;
        i += 1;
        if matches!(text.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let (end, n) = scan_digits(text, i, is_dec, false);
        if n == 0 {
            return None;
        }
        i = end;
    }
    if i != text.len() {
        return None;
    }
    if !is_float {
        if int_digits > 1 && text[0] == b'0' {
            return None; // `010`, `00`: no legacy octal, no leading-zero decimal
        }
        let mut value: u64 = 0;
        let mut overflow = false;
        for &c in text.iter().filter(|&&c| c != b'_') {
            match value.checked_mul(10).and_then(|v| v.checked_add((c - b'0') as u64)) {
                Some(v) => value = v,
                None => {
                    overflow = true;
                    break;
                }
            }
        }
        if !overflow && value <= i64::MAX as u64 {
            return Some(TokenKind::Int(value as i64));
        }
    }
    // Rust's f64 parser rounds correctly (ties to even) and accepts `1.`, `.5`, `1.e5`.
    let parsed = if text.contains(&b'_') {
        let cleaned: String = text.iter().filter(|&&c| c != b'_').map(|&c| c as char).collect();
        cleaned.parse::<f64>().ok()
    } else {
        std::str::from_utf8(text).ok().and_then(|s| s.parse::<f64>().ok())
    };
    parsed.map(TokenKind::Float)
}

fn hex_number(text: &[u8]) -> Option<TokenKind> {
    let (mut i, int_digits) = scan_digits(text, 2, is_hex, true);
    let int_part = &text[2..i];
    let mut frac_part: &[u8] = &[];
    let mut has_point = false;
    if text.get(i) == Some(&b'.') {
        has_point = true;
        let (end, _) = scan_digits(text, i + 1, is_hex, false);
        frac_part = &text[i + 1..end];
        i = end;
    }
    let frac_digits = frac_part.iter().filter(|&&c| c != b'_').count();
    if int_digits + frac_digits == 0 {
        return None;
    }
    let mut exponent: Option<i64> = None;
    if matches!(text.get(i), Some(b'p' | b'P')) {
        i += 1;
        let negative = text.get(i) == Some(&b'-');
        if matches!(text.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let (end, n) = scan_digits(text, i, is_dec, false);
        if n == 0 {
            return None;
        }
        // Saturate: anything this large is already 0 or inf.
        let magnitude = text[i..end]
            .iter()
            .filter(|&&c| c != b'_')
            .fold(0i64, |acc, &c| (acc * 10 + (c - b'0') as i64).min(1_000_000));
        exponent = Some(if negative { -magnitude } else { magnitude });
        i = end;
    }
    if i != text.len() {
        return None;
    }
    match exponent {
        None if has_point => None, // a hex mantissa with a point needs a `p` exponent
        None => {
            let value = int_part
                .iter()
                .filter(|&&c| c != b'_')
                .fold(0u64, |acc, &c| acc.wrapping_mul(16).wrapping_add(hex_value(c).unwrap_or(0) as u64));
            Some(TokenKind::Int(value as i64))
        }
        Some(exp) => {
            let mut mantissa: u64 = 0;
            let mut exp2: i64 = exp;
            let mut sticky = false;
            for &c in int_part.iter().filter(|&&c| c != b'_') {
                let d = hex_value(c).unwrap_or(0) as u64;
                if mantissa >> 60 == 0 {
                    mantissa = mantissa * 16 + d;
                } else {
                    sticky |= d != 0;
                    exp2 += 4;
                }
            }
            for &c in frac_part.iter().filter(|&&c| c != b'_') {
                let d = hex_value(c).unwrap_or(0) as u64;
                if mantissa >> 60 == 0 {
                    mantissa = mantissa * 16 + d;
                    exp2 -= 4;
                } else {
                    sticky |= d != 0;
                }
            }
            Some(TokenKind::Float(scale_binary(mantissa, sticky, exp2)))
        }
    }
}

/// `mantissa * 2^exp2` correctly rounded to f64 (ties to even); `sticky` says that
/// nonzero bits below the mantissa were dropped.
fn scale_binary(mantissa: u64, sticky: bool, exp2: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let bits = 64 - mantissa.leading_zeros() as i64;
    let top = bits - 1 + exp2; // exponent of the leading bit
    if top > 1023 {
        return f64::INFINITY;
    }
    // Significant bits that fit: 53 for normal results, fewer for subnormals.
    let keep = if top >= -1022 { 53 } else { top + 1075 };
    if keep < 0 {
        return 0.0;
    }
    let drop = bits - keep;
    let (mut q, mut ex): (u64, i64) = if drop <= 0 {
        (mantissa << (-drop), exp2 + drop)
    } else {
        let m = mantissa as u128;
        let q = (m >> drop) as u64;
        let rem = m & ((1u128 << drop) - 1);
        let half = 1u128 << (drop - 1);
        let round_up = rem > half || (rem == half && (sticky || q & 1 == 1));
        (q + u64::from(round_up), exp2 + drop)
    };
    if q == 1 << 53 {
        q >>= 1;
        ex += 1;
    }
    if q >= 1 << 52 {
        let biased = ex + 52 + 1023;
        if biased >= 2047 {
            return f64::INFINITY;
        }
        f64::from_bits(((biased as u64) << 52) | (q & ((1 << 52) - 1)))
    } else {
        // Subnormal: by construction ex == -1074.
        f64::from_bits(q)
    }
}
