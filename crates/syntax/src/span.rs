//! Source positions and compile-time diagnostics.
//!
//! A [`Span`] is a byte range of the chunk plus the 1-based line and column of its first
//! byte (columns count bytes). A [`Diagnostic`] is a compile error: the message without
//! any position prefix, the position of the offending token, and whether the error was
//! found at end of input (the REPL uses that to ask for another line).

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte offset of the first byte.
    pub lo: u32,
    /// Byte offset one past the last byte.
    pub hi: u32,
    /// 1-based line of the first byte.
    pub line: u32,
    /// 1-based column (in bytes) of the first byte.
    pub col: u32,
}

impl Span {
    pub fn new(lo: u32, hi: u32, line: u32, col: u32) -> Span {
        Span { lo, hi, line, col }
    }

    /// The span covering `self` through `other` (line/col of `self`).
    pub fn to(self, other: Span) -> Span {
        Span { lo: self.lo, hi: other.hi.max(self.hi), line: self.line, col: self.col }
    }
}

/// A compile error (lexical, syntactic or semantic).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The message as it appears after `CHUNK:LINE: ` (e.g. `unexpected symbol near '='`).
    pub message: String,
    pub line: u32,
    pub col: u32,
    /// True when the error is at end of input (`near <eof>`, unfinished string/comment):
    /// the input might become valid if more lines were appended.
    pub incomplete: bool,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic { message: message.into(), line: span.line, col: span.col, incomplete: false }
    }

    /// The error value form used by `load` and the first line of CLI errors:
    /// `CHUNK:LINE: MESSAGE`.
    pub fn with_chunk(&self, chunk: &str) -> String {
        format!("{}:{}: {}", chunk, self.line, self.message)
    }

    /// Human-readable rendering for the command line: the first line
    /// `gscript: CHUNK:LINE: MESSAGE`, then the source line with its number and a caret
    /// under the offending column (spec 9.8).
    pub fn render(&self, chunk: &str, source: &[u8]) -> String {
        let mut out = format!("gscript: {}\n", self.with_chunk(chunk));
        if let Some(text) = source.split(|&b| b == b'\n').nth(self.line.saturating_sub(1) as usize) {
            let text = String::from_utf8_lossy(text);
            let text = text.trim_end_matches('\r');
            let number = format!("{:>4}", self.line);
            out.push_str(&format!("{} | {}\n", number, text));
            let pad: String = text
                .chars()
                .take(self.col.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            out.push_str(&format!("{} | {}^\n", " ".repeat(number.len()), pad));
        }
        out
    }
}
