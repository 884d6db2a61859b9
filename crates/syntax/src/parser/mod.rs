//! Recursive-descent parser for GScript (spec section 3).
//!
//! The parser pulls tokens from the [`Lexer`] with a small lookahead queue (at most three
//! tokens are ever needed: `L : select (`). Expressions live in [`expr`], statements in
//! [`stmt`]; this module holds the shared machinery: token access, error construction and
//! the nesting counter.
//!
//! Invariants:
//! * Never panics and never recurses more than about [`MAX_NESTING`] levels: every
//!   construct that nests in the AST (blocks, parentheses, constructors, function literals,
//!   unary operators, binary operators, postfix suffixes, `else if` chains) calls
//!   [`Parser::enter`], so the AST depth is bounded by a small multiple of `MAX_NESTING`
//!   (which also keeps the compiler's recursion and `Drop` of the tree shallow).
//! * Produces only ASTs satisfying the invariants listed in [`crate::ast`].
//! * Errors are Lua-style: `MESSAGE near 'TOKEN'`, `near <eof>` (and `near <newline>` for
//!   an inserted semicolon), on the line of the offending token; an error at end of input
//!   sets `Diagnostic::incomplete`. The normative messages of spec 9.6 carry no suffix.

mod expr;
mod stmt;

use std::collections::VecDeque;

use crate::ast;
use crate::lexer::Lexer;
use crate::span::{Diagnostic, Span};
use crate::token::{SemiKind, Token, TokenKind};
use crate::MAX_NESTING;

pub(crate) type PResult<T> = Result<T, Diagnostic>;

/// Parses a whole chunk.
pub fn parse_chunk(source: &[u8]) -> PResult<ast::Chunk> {
    if source.len() >= u32::MAX as usize {
        return Err(Diagnostic::new("chunk too large", Span::new(0, 0, 1, 1)));
    }
    let mut parser = Parser::new(source)?;
    let body = parser.statement_list()?;
    if parser.tok.kind != TokenKind::Eof {
        return Err(parser.error_near("'<eof>' expected"));
    }
    Ok(ast::Chunk { body, eof: parser.eof })
}

pub(crate) struct Parser<'a> {
    lexer: Lexer<'a>,
    src: &'a [u8],
    /// The current token.
    tok: Token,
    /// Tokens after `tok`, lexed early by `peek`.
    ahead: VecDeque<Token>,
    /// Span of the last consumed token (end of the construct being parsed).
    prev: Span,
    /// Current nesting level (see `enter`).
    depth: usize,
    /// Parsing the expression list of a `case` at bracket depth 0: a `:` ends the list
    /// instead of starting a method call (spec 3.5 rule 10).
    in_case_list: bool,
    eof: Span,
}

impl<'a> Parser<'a> {
    fn new(src: &'a [u8]) -> PResult<Parser<'a>> {
        let mut lexer = Lexer::new(src);
        let eof = lexer.eof_span();
        let tok = lexer.next_token()?;
        Ok(Parser {
            lexer,
            src,
            tok,
            ahead: VecDeque::new(),
            prev: Span::new(0, 0, 1, 1),
            depth: 0,
            in_case_list: false,
            eof,
        })
    }

    /// Consumes the current token and returns it.
    fn advance(&mut self) -> PResult<Token> {
        let next = match self.ahead.pop_front() {
            Some(token) => token,
            None => self.lexer.next_token()?,
        };
        let old = std::mem::replace(&mut self.tok, next);
        self.prev = old.span;
        Ok(old)
    }

    /// The kind of the token `n` positions after the current one (`n >= 1`).
    fn peek(&mut self, n: usize) -> PResult<TokenKind> {
        while self.ahead.len() < n {
            let token = self.lexer.next_token()?;
            self.ahead.push_back(token);
        }
        Ok(self.ahead[n - 1].kind)
    }

    fn at(&self, kind: TokenKind) -> bool {
        self.tok.kind == kind
    }

    fn at_semi(&self) -> bool {
        matches!(self.tok.kind, TokenKind::Semi(_))
    }

    /// Consumes the current token if it is `kind`.
    fn eat(&mut self, kind: TokenKind) -> PResult<bool> {
        if self.tok.kind == kind {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Consumes a token of `kind` or fails with `'X' expected near ...`.
    fn expect(&mut self, kind: TokenKind) -> PResult<Token> {
        if self.tok.kind == kind {
            self.advance()
        } else {
            let text = kind.fixed_text().unwrap_or("?");
            Err(self.error_near(&format!("'{}' expected", text)))
        }
    }

    /// Like `expect` for a closing bracket, mentioning the opener when it is on another
    /// line (Lua's `'}' expected (to close '{' at line 3)`).
    fn expect_closing(&mut self, close: TokenKind, open: TokenKind, open_line: u32) -> PResult<Token> {
        if self.tok.kind == close {
            return self.advance();
        }
        let close_text = close.fixed_text().unwrap_or("?");
        let message = if open_line == self.tok.span.line {
            format!("'{}' expected", close_text)
        } else {
            format!("'{}' expected (to close '{}' at line {})", close_text, open.fixed_text().unwrap_or("?"), open_line)
        };
        Err(self.error_near(&message))
    }

    fn expect_semi(&mut self) -> PResult<()> {
        if self.at_semi() {
            self.advance()?;
            Ok(())
        } else {
            Err(self.error_near("';' expected"))
        }
    }

    /// The current token is an identifier; `select` followed by `(` counts as one
    /// (spec 3.5 rule 12).
    fn at_name(&mut self) -> PResult<bool> {
        Ok(match self.tok.kind {
            TokenKind::Ident => true,
            TokenKind::Select => self.peek(1)? == TokenKind::LParen,
            _ => false,
        })
    }

    /// Consumes an identifier or fails with `<name> expected`.
    fn expect_name(&mut self) -> PResult<ast::Name> {
        if self.at_name()? {
            let token = self.advance()?;
            Ok(self.name_of(&token))
        } else {
            Err(self.error_near("<name> expected"))
        }
    }

    fn text(&self, span: Span) -> &'a [u8] {
        self.src.get(span.lo as usize..span.hi as usize).unwrap_or(&[])
    }

    fn name_of(&self, token: &Token) -> ast::Name {
        // Identifiers and keywords are ASCII, so this conversion cannot fail.
        let name = std::str::from_utf8(self.text(token.span)).unwrap_or("").to_owned();
        ast::Name { name, span: token.span }
    }

    /// Enters one nesting level; fails beyond `MAX_NESTING`.
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let at_eof = self.is_eof_like(&self.tok);
            let (line, col) = if at_eof { (self.eof.line, self.eof.col) } else { (self.tok.span.line, self.tok.span.col) };
            return Err(Diagnostic { message: "chunk has too many syntax levels".into(), line, col, incomplete: false });
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Runs `f` outside any `case` list (inside brackets, rule 10 no longer applies).
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let saved = std::mem::replace(&mut self.in_case_list, false);
        let result = f(self);
        self.in_case_list = saved;
        result
    }

    fn is_eof_like(&self, token: &Token) -> bool {
        matches!(token.kind, TokenKind::Eof | TokenKind::Semi(SemiKind::Eof))
    }

    /// `MESSAGE near 'TOKEN'` at the current token.
    fn error_near(&self, message: &str) -> Diagnostic {
        self.error_near_token(&self.tok, message)
    }

    fn error_near_token(&self, token: &Token, message: &str) -> Diagnostic {
        if self.is_eof_like(token) {
            return Diagnostic {
                message: format!("{} near <eof>", message),
                line: self.eof.line,
                col: self.eof.col,
                incomplete: true,
            };
        }
        let near = match token.kind {
            TokenKind::Semi(SemiKind::Newline) => "<newline>".to_string(),
            _ => format!("'{}'", String::from_utf8_lossy(self.text(token.span))),
        };
        Diagnostic::new(format!("{} near {}", message, near), token.span)
    }

    /// A normative message (no `near` suffix) at the start of a construct.
    fn error_at(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(message, span)
    }
}
