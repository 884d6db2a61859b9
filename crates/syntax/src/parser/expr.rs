//! Expression parsing (spec 3.3, precedence table 3.4).
//!
//! Binary operators use precedence climbing over levels 1-6; `..` is right-associative.
//! Unary operators (level 7) apply to a `PowExpr`, and `**` (level 8) takes a `UnaryExpr`
//! on its right, so `-2 ** 2` is `-(2 ** 2)` and `2 ** -1` works. Postfix suffixes (level
//! 9) are parsed in a loop by `primary`.
//!
//! Disambiguation handled here: keyed fields `name:` / `"str":` in constructors (rule 5),
//! `...` spread after the last argument (rule 7), `make(chan ...)` (rule 8), `select(`
//! as an identifier (rule 12), and `:` ending a `case` list at bracket depth 0 (rule 10,
//! via `in_case_list`). Every nesting construct calls `enter` (see the module above).

use super::{PResult, Parser};
use crate::ast::{BinOp, Expr, ExprKind, FuncLit, LogicOp, Name, TableField, UnOp};
use crate::lexer::decode_string;
use crate::span::Span;
use crate::token::TokenKind;

/// A binary operator token: arithmetic/bitwise/comparison or short-circuit.
#[derive(Clone, Copy)]
enum BinaryOp {
    Arith(BinOp),
    Logic(LogicOp),
}

/// Operator and precedence level (spec 3.4) of a binary operator token.
fn binary_op(kind: TokenKind) -> Option<(BinaryOp, u8)> {
    use BinaryOp::*;
    use TokenKind as T;
    Some(match kind {
        T::OrOr => (Logic(LogicOp::Or), 1),
        T::AndAnd => (Logic(LogicOp::And), 2),
        T::EqEq => (Arith(BinOp::Eq), 3),
        T::NotEq => (Arith(BinOp::Ne), 3),
        T::Lt => (Arith(BinOp::Lt), 3),
        T::Le => (Arith(BinOp::Le), 3),
        T::Gt => (Arith(BinOp::Gt), 3),
        T::Ge => (Arith(BinOp::Ge), 3),
        T::DotDot => (Arith(BinOp::Concat), 4),
        T::Plus => (Arith(BinOp::Add), 5),
        T::Minus => (Arith(BinOp::Sub), 5),
        T::Pipe => (Arith(BinOp::BOr), 5),
        T::Caret => (Arith(BinOp::BXor), 5),
        T::Star => (Arith(BinOp::Mul), 6),
        T::Slash => (Arith(BinOp::Div), 6),
        T::Percent => (Arith(BinOp::Mod), 6),
        T::Shl => (Arith(BinOp::Shl), 6),
        T::Shr => (Arith(BinOp::Shr), 6),
        T::Amp => (Arith(BinOp::BAnd), 6),
        T::AmpCaret => (Arith(BinOp::BAndNot), 6),
        _ => return None,
    })
}

const CONCAT_LEVEL: u8 = 4;

impl<'a> Parser<'a> {
    pub(super) fn expr(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    #[inline(never)]
    pub(super) fn expr_list(&mut self) -> PResult<Vec<Expr>> {
        let mut list = vec![self.expr()?];
        while self.eat(TokenKind::Comma)? {
            list.push(self.expr()?);
        }
        Ok(list)
    }

    /// Operators of level `min_level` and above.
    #[inline(never)]
    fn binary(&mut self, min_level: u8) -> PResult<Expr> {
        let saved_depth = self.depth;
        let mut lhs = self.unary()?;
        while let Some((op, level)) = binary_op(self.tok.kind) {
            if level < min_level {
                break;
            }
            // Each operator node deepens the tree (left chains too): count it.
            self.enter()?;
            self.advance()?;
            let rhs = if level == CONCAT_LEVEL { self.binary(level)? } else { self.binary(level + 1)? };
            let span = lhs.span.to(rhs.span);
            let (lhs_box, rhs_box) = (Box::new(lhs), Box::new(rhs));
            let kind = match op {
                BinaryOp::Arith(op) => ExprKind::Binary { op, lhs: lhs_box, rhs: rhs_box },
                BinaryOp::Logic(op) => ExprKind::Logical { op, lhs: lhs_box, rhs: rhs_box },
            };
            lhs = Expr { kind, span };
        }
        self.depth = saved_depth;
        Ok(lhs)
    }

    /// `UnaryExpr = unary_op UnaryExpr | PowExpr`.
    pub(super) fn unary(&mut self) -> PResult<Expr> {
        let op = match self.tok.kind {
            TokenKind::Minus => UnOp::Neg,
            TokenKind::Bang => UnOp::Not,
            TokenKind::Hash => UnOp::Len,
            TokenKind::Caret => UnOp::BNot,
            TokenKind::Arrow => UnOp::Recv,
            _ => return self.power(),
        };
        let start = self.advance()?.span;
        self.enter()?;
        let operand = self.unary()?;
        self.leave();
        let span = start.to(operand.span);
        Ok(Expr { kind: ExprKind::Unary { op, operand: Box::new(operand) }, span })
    }

    /// `PowExpr = PrimaryExpr [ "**" UnaryExpr ]`.
    fn power(&mut self) -> PResult<Expr> {
        let base = self.primary()?;
        if !self.at(TokenKind::StarStar) {
            return Ok(base);
        }
        self.advance()?;
        self.enter()?;
        let exponent = self.unary()?;
        self.leave();
        let span = base.span.to(exponent.span);
        Ok(Expr { kind: ExprKind::Binary { op: BinOp::Pow, lhs: Box::new(base), rhs: Box::new(exponent) }, span })
    }

    /// An operand followed by any number of `.name`, `[k]`, `(args)`, `:name(args)`.
    fn primary(&mut self) -> PResult<Expr> {
        let saved_depth = self.depth;
        let mut expr = self.operand()?;
        loop {
            match self.tok.kind {
                TokenKind::Dot => {
                    self.enter()?;
                    self.advance()?;
                    let name = self.field_name()?;
                    let span = expr.span.to(name.span);
                    expr = Expr { kind: ExprKind::Field { obj: Box::new(expr), name }, span };
                }
                TokenKind::LBracket => {
                    self.enter()?;
                    let open = self.advance()?.span;
                    let key = self.nested(|p| p.expr())?;
                    let close = self.expect_closing(TokenKind::RBracket, TokenKind::LBracket, open.line)?;
                    let span = expr.span.to(close.span);
                    expr = Expr { kind: ExprKind::Index { obj: Box::new(expr), key: Box::new(key) }, span };
                }
                TokenKind::LParen => {
                    self.enter()?;
                    let (args, spread, open) = self.call_args()?;
                    let span = expr.span.to(self.prev);
                    expr = Expr { kind: ExprKind::Call { func: Box::new(expr), args, spread, open }, span };
                }
                TokenKind::Colon if !self.in_case_list => {
                    self.enter()?;
                    self.advance()?;
                    let name = self.expect_name()?;
                    if !self.at(TokenKind::LParen) {
                        return Err(self.error_near("function arguments expected"));
                    }
                    let (args, spread, open) = self.call_args()?;
                    let span = expr.span.to(self.prev);
                    expr = Expr { kind: ExprKind::MethodCall { obj: Box::new(expr), name, args, spread, open }, span };
                }
                _ => break,
            }
        }
        self.depth = saved_depth;
        Ok(expr)
    }

    /// A field name after `.`: an identifier or any keyword.
    fn field_name(&mut self) -> PResult<Name> {
        if self.at(TokenKind::Ident) || self.tok.kind.is_keyword() {
            let token = self.advance()?;
            Ok(self.name_of(&token))
        } else {
            Err(self.error_near("<name> expected"))
        }
    }

    /// `( [ args [ "..." ] [ "," ] ] )`; returns the arguments, the spread flag and the
    /// span of `(`.
    #[inline(never)]
    fn call_args(&mut self) -> PResult<(Vec<Expr>, bool, Span)> {
        let open = self.expect(TokenKind::LParen)?.span;
        self.nested(|p| {
            let mut args = Vec::new();
            let mut spread = false;
            while !p.at(TokenKind::RParen) {
                args.push(p.expr()?);
                if p.eat(TokenKind::Ellipsis)? {
                    spread = true;
                    p.eat(TokenKind::Comma)?;
                    break;
                }
                if !p.eat(TokenKind::Comma)? {
                    break;
                }
            }
            p.expect_closing(TokenKind::RParen, TokenKind::LParen, open.line)?;
            Ok((args, spread, open))
        })
    }

    fn operand(&mut self) -> PResult<Expr> {
        let span = self.tok.span;
        let current = self.tok.kind;
        let kind = match current {
            TokenKind::Nil => ExprKind::Nil,
            TokenKind::True => ExprKind::True,
            TokenKind::False => ExprKind::False,
            TokenKind::Int(v) | TokenKind::Rune(v) => ExprKind::Int(v),
            TokenKind::Float(v) => ExprKind::Float(v),
            TokenKind::Str | TokenKind::RawStr => ExprKind::Str(decode_string(self.text(span))),
            TokenKind::Ellipsis => ExprKind::Vararg,
            TokenKind::Ident => {
                if self.text(span) == b"make"
                    && self.peek(1)? == TokenKind::LParen
                    && self.peek(2)? == TokenKind::Chan
                {
                    return self.make_chan();
                }
                ExprKind::Name(self.name_of(&self.tok))
            }
            TokenKind::Select if self.peek(1)? == TokenKind::LParen => ExprKind::Name(self.name_of(&self.tok)),
            TokenKind::LParen => return self.paren(),
            TokenKind::Func => return self.func_lit(),
            TokenKind::LBrace => return self.table(),
            _ => return Err(self.error_near("unexpected symbol")),
        };
        self.advance()?;
        Ok(Expr { kind, span })
    }

    /// `( Expression )`.
    #[inline(never)]
    fn paren(&mut self) -> PResult<Expr> {
        self.enter()?;
        let open = self.advance()?.span;
        // Inside brackets rule 10 is off. (No restore on error: errors end the parse.)
        let saved = std::mem::replace(&mut self.in_case_list, false);
        let inner = self.expr()?;
        self.in_case_list = saved;
        let close = self.expect_closing(TokenKind::RParen, TokenKind::LParen, open.line)?;
        self.leave();
        Ok(Expr { kind: ExprKind::Paren(Box::new(inner)), span: open.to(close.span) })
    }

    /// A function literal; the current token is `func`.
    #[inline(never)]
    fn func_lit(&mut self) -> PResult<Expr> {
        let func_span = self.advance()?.span;
        let func = self.func_body(func_span)?;
        let span = func_span.to(func.body.span);
        Ok(Expr { kind: ExprKind::Func(Box::new(func)), span })
    }

    /// `make ( chan [ , Expression ] )`; the current token is `make`.
    #[inline(never)]
    fn make_chan(&mut self) -> PResult<Expr> {
        let start = self.advance()?.span;
        let open = self.expect(TokenKind::LParen)?.span;
        self.expect(TokenKind::Chan)?;
        let capacity = if self.eat(TokenKind::Comma)? {
            self.enter()?;
            let cap = self.nested(|p| p.expr())?;
            self.leave();
            Some(Box::new(cap))
        } else {
            None
        };
        let close = self.expect_closing(TokenKind::RParen, TokenKind::LParen, open.line)?;
        Ok(Expr { kind: ExprKind::MakeChan(capacity), span: start.to(close.span) })
    }

    /// Table constructor; the current token is `{`.
    #[inline(never)]
    fn table(&mut self) -> PResult<Expr> {
        self.enter()?;
        let open = self.advance()?.span;
        let saved = std::mem::replace(&mut self.in_case_list, false);
        let mut fields = Vec::new();
        // At end of input report the missing `}` rather than a missing field.
        while !self.at(TokenKind::RBrace) && !self.at(TokenKind::Eof) {
            fields.push(self.table_field()?);
            if self.at(TokenKind::Comma) || self.at_semi() {
                self.advance()?;
            } else {
                break;
            }
        }
        self.in_case_list = saved;
        let close = self.expect_closing(TokenKind::RBrace, TokenKind::LBrace, open.line)?;
        self.leave();
        Ok(Expr { kind: ExprKind::Table(fields), span: open.to(close.span) })
    }

    #[inline(never)]
    fn table_field(&mut self) -> PResult<TableField> {
        let current = self.tok.kind;
        match current {
            TokenKind::Ident | TokenKind::Str | TokenKind::RawStr if self.peek(1)? == TokenKind::Colon => {
                let key_token = self.advance()?;
                let key = match key_token.kind {
                    TokenKind::Ident => self.text(key_token.span).to_vec(),
                    _ => decode_string(self.text(key_token.span)),
                };
                self.advance()?; // ':'
                let value = self.expr()?;
                Ok(TableField::Named { key, key_span: key_token.span, value })
            }
            TokenKind::LBracket => {
                let open = self.advance()?.span;
                let key = self.expr()?;
                self.expect_closing(TokenKind::RBracket, TokenKind::LBracket, open.line)?;
                self.expect(TokenKind::Colon)?;
                let value = self.expr()?;
                Ok(TableField::Keyed { key, value })
            }
            _ => Ok(TableField::Positional(self.expr()?)),
        }
    }

    /// Signature and body of a function; the `func` keyword (at `func_span`) and the name
    /// of a declaration have been consumed.
    #[inline(never)]
    pub(super) fn func_body(&mut self, func_span: Span) -> PResult<FuncLit> {
        self.enter()?;
        let open = self.expect(TokenKind::LParen)?.span;
        let mut params: Vec<Name> = Vec::new();
        let mut variadic = false;
        let mut rest = None;
        while !self.at(TokenKind::RParen) {
            if self.eat(TokenKind::Ellipsis)? {
                variadic = true;
                self.eat(TokenKind::Comma)?;
                break;
            }
            let name = self.expect_name()?;
            if !name.is_blank() && params.iter().any(|p| p.name == name.name) {
                return Err(self.error_at(name.span, format!("duplicate argument '{}'", name.name)));
            }
            if self.eat(TokenKind::Ellipsis)? {
                variadic = true;
                rest = Some(name);
                self.eat(TokenKind::Comma)?;
                break;
            }
            params.push(name);
            if !self.eat(TokenKind::Comma)? {
                break;
            }
        }
        self.expect_closing(TokenKind::RParen, TokenKind::LParen, open.line)?;
        let body = self.nested(|p| p.block())?;
        self.leave();
        Ok(FuncLit { params, variadic, rest, body, span: func_span })
    }
}
