//! Tokens produced by the lexer.
//!
//! A [`Token`] is a small `Copy` value: its kind plus its [`Span`]. Identifier and string
//! tokens carry no text; the parser slices the source with the span (and decodes string
//! escapes with [`crate::lexer::decode_string`]), so lexing allocates nothing per token.
//! Numeric and rune literals carry their value, computed once by the lexer.

use crate::ast::BinOp;
use crate::span::Span;

/// Why a `;` token exists (spec 2.4). The parser treats all three alike; they differ only
/// in how errors are reported (`near ';'`, `near <newline>`, `near <eof>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SemiKind {
    /// Written in the source.
    Explicit,
    /// Inserted at a newline (or a comment that acts like one).
    Newline,
    /// Inserted at the end of the chunk.
    Eof,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TokenKind {
    Ident,
    Int(i64),
    Float(f64),
    /// Interpreted string `"..."` (escapes are decoded on demand).
    Str,
    /// Raw string `` `...` `` (carriage returns are dropped on decoding).
    RawStr,
    /// Rune literal: its code point / byte value (an integer).
    Rune(i64),

    // Keywords.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Elseif,
    Fallthrough,
    False,
    For,
    Func,
    Go,
    Goto,
    If,
    Nil,
    Range,
    Return,
    Select,
    Switch,
    True,
    Var,

    // Operators and punctuation.
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    StarStar,
    DotDot,
    Amp,
    Pipe,
    Caret,
    AmpCaret,
    Shl,
    Shr,
    AndAnd,
    OrOr,
    Bang,
    Hash,
    /// `<-`
    Arrow,
    EqEq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `op=` for every compound-assignment operator.
    OpAssign(BinOp),
    PlusPlus,
    MinusMinus,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Semi(SemiKind),
    Dot,
    Colon,
    /// `...`
    Ellipsis,

    Eof,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

impl TokenKind {
    /// Keyword for an identifier-shaped byte string, if it is one.
    pub fn keyword(word: &[u8]) -> Option<TokenKind> {
        // Fast rejection: keywords are 2-11 lowercase letters starting with one of these.
        match (word.len(), word.first()) {
            (2..=11, Some(b'b' | b'c' | b'd' | b'e' | b'f' | b'g' | b'i' | b'n' | b'r' | b's' | b't' | b'v')) => {}
            _ => return None,
        }
        Some(match word {
            b"break" => TokenKind::Break,
            b"case" => TokenKind::Case,
            b"chan" => TokenKind::Chan,
            b"const" => TokenKind::Const,
            b"continue" => TokenKind::Continue,
            b"default" => TokenKind::Default,
            b"defer" => TokenKind::Defer,
            b"else" => TokenKind::Else,
            b"elseif" => TokenKind::Elseif,
            b"fallthrough" => TokenKind::Fallthrough,
            b"false" => TokenKind::False,
            b"for" => TokenKind::For,
            b"func" => TokenKind::Func,
            b"go" => TokenKind::Go,
            b"goto" => TokenKind::Goto,
            b"if" => TokenKind::If,
            b"nil" => TokenKind::Nil,
            b"range" => TokenKind::Range,
            b"return" => TokenKind::Return,
            b"select" => TokenKind::Select,
            b"switch" => TokenKind::Switch,
            b"true" => TokenKind::True,
            b"var" => TokenKind::Var,
            _ => return None,
        })
    }

    pub fn is_keyword(self) -> bool {
        use TokenKind::*;
        matches!(
            self,
            Break | Case | Chan | Const | Continue | Default | Defer | Else | Elseif | Fallthrough
                | False | For | Func | Go | Goto | If | Nil | Range | Return | Select | Switch
                | True | Var
        )
    }

    /// Rule 1 of spec 2.4: a newline after a token of this kind inserts a `;`.
    pub fn ends_statement(self) -> bool {
        use TokenKind::*;
        matches!(
            self,
            Ident
                | Int(_)
                | Float(_)
                | Str
                | RawStr
                | Rune(_)
                | Break
                | Continue
                | Fallthrough
                | Return
                | Nil
                | True
                | False
                | PlusPlus
                | MinusMinus
                | RParen
                | RBracket
                | RBrace
                | Ellipsis
        )
    }

    /// The fixed spelling of punctuation, operator and keyword tokens (None for
    /// identifiers, literals, inserted semicolons and end of input).
    pub fn fixed_text(self) -> Option<&'static str> {
        use TokenKind::*;
        Some(match self {
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Elseif => "elseif",
            Fallthrough => "fallthrough",
            False => "false",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Nil => "nil",
            Range => "range",
            Return => "return",
            Select => "select",
            Switch => "switch",
            True => "true",
            Var => "var",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            Percent => "%",
            StarStar => "**",
            DotDot => "..",
            Amp => "&",
            Pipe => "|",
            Caret => "^",
            AmpCaret => "&^",
            Shl => "<<",
            Shr => ">>",
            AndAnd => "&&",
            OrOr => "||",
            Bang => "!",
            Hash => "#",
            Arrow => "<-",
            EqEq => "==",
            NotEq => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Assign => "=",
            Define => ":=",
            OpAssign(op) => match op {
                BinOp::Add => "+=",
                BinOp::Sub => "-=",
                BinOp::Mul => "*=",
                BinOp::Div => "/=",
                BinOp::Mod => "%=",
                BinOp::Pow => "**=",
                BinOp::Concat => "..=",
                BinOp::BAnd => "&=",
                BinOp::BOr => "|=",
                BinOp::BXor => "^=",
                BinOp::BAndNot => "&^=",
                BinOp::Shl => "<<=",
                BinOp::Shr => ">>=",
                _ => return None,
            },
            PlusPlus => "++",
            MinusMinus => "--",
            LParen => "(",
            RParen => ")",
            LBracket => "[",
            RBracket => "]",
            LBrace => "{",
            RBrace => "}",
            Comma => ",",
            Semi(SemiKind::Explicit) => ";",
            Dot => ".",
            Colon => ":",
            Ellipsis => "...",
            _ => return None,
        })
    }
}
