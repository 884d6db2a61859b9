//! Statement parsing (spec 3.2).
//!
//! Simple statements are parsed by first reading an expression list and then deciding by
//! the following token (`:=`, `=`, `op=`, `++`, `--`, `<-`); a bare expression is returned
//! unvalidated so that `if`/`for`/`switch` headers can use it as a condition or tag, and
//! is checked to be a call/method call/receive only when it is used as a statement.
//!
//! Disambiguation handled here: `func name` vs `func (` (rule 1), labels vs method-call
//! statements (rule 2), `{` starting a block (rule 3) or a `for`/`switch` body (rule 4),
//! expression statements (rule 6), `:=` targets (rule 9), `case` lists (rule 10), receive
//! statement targets (rule 11), `select {` vs `select(` (rule 12).

use super::{PResult, Parser};
use crate::ast::{
    Block, CaseClause, CommCase, CommClause, Else, Expr, ExprKind, ForKind, ForStmt, IfStmt, Name, RecvTargets,
    SelectStmt, Stmt, StmtKind, SwitchStmt, UnOp,
};
use crate::span::Span;
use crate::token::{SemiKind, TokenKind};

/// Result of parsing a simple statement.
enum Simple {
    /// A single expression not yet checked to be usable as a statement.
    Expr(Expr),
    Stmt(Stmt),
    /// `[names :=] range exprs` (only in a `for` header).
    Range { names: Vec<Name>, exprs: Vec<Expr>, span: Span },
}

/// True for expressions allowed as statements: calls, method calls and receives,
/// optionally parenthesised (rule 6).
fn is_statement_expr(mut expr: &Expr) -> bool {
    loop {
        match &expr.kind {
            ExprKind::Call { .. } | ExprKind::MethodCall { .. } | ExprKind::Unary { op: UnOp::Recv, .. } => {
                return true
            }
            ExprKind::Paren(inner) => expr = inner,
            _ => return false,
        }
    }
}

fn is_assignable(expr: &Expr) -> bool {
    matches!(expr.kind, ExprKind::Name(_) | ExprKind::Index { .. } | ExprKind::Field { .. })
}

impl<'a> Parser<'a> {
    /// `StatementList`: statements separated by `;`, up to `}`, `case`, `default` or the
    /// end of input (the caller checks which). Empty statements are dropped.
    #[inline(never)]
    pub(super) fn statement_list(&mut self) -> PResult<Vec<Stmt>> {
        let mut stmts = Vec::new();
        loop {
            match self.tok.kind {
                TokenKind::Semi(_) => {
                    self.advance()?;
                    continue;
                }
                TokenKind::RBrace | TokenKind::Eof | TokenKind::Case | TokenKind::Default => return Ok(stmts),
                _ => {}
            }
            stmts.push(self.statement()?);
            match self.tok.kind {
                TokenKind::Semi(_) => {
                    self.advance()?;
                }
                TokenKind::RBrace | TokenKind::Eof | TokenKind::Case | TokenKind::Default => return Ok(stmts),
                _ => return Err(self.error_near("';' expected")),
            }
        }
    }

    /// `{ StatementList }`.
    #[inline(never)]
    pub(super) fn block(&mut self) -> PResult<Block> {
        let open = self.expect(TokenKind::LBrace)?.span;
        self.enter()?;
        let saved = std::mem::replace(&mut self.in_case_list, false);
        let stmts = self.statement_list()?;
        self.in_case_list = saved;
        let close = self.expect_closing(TokenKind::RBrace, TokenKind::LBrace, open.line)?.span;
        self.leave();
        Ok(Block { stmts, span: open.to(close), close })
    }

    /// One statement. This function is on the recursion path of every nested block, so
    /// it only dispatches: the bulky cases live in separate, non-inlined functions to
    /// keep the stack frame per nesting level small.
    #[inline(never)]
    fn statement(&mut self) -> PResult<Stmt> {
        let start = self.tok.span;
        let current = self.tok.kind;
        // Every arm yields a `PResult<StmtKind>` (one stack slot, not one per arm).
        let kind = match current {
            TokenKind::LBrace => self.block().map(StmtKind::Block),
            TokenKind::If => self.advance().and_then(|_| self.if_tail(false)).map(StmtKind::If),
            TokenKind::For => self.for_stmt(None).map(StmtKind::For),
            TokenKind::Switch => self.switch_stmt(None).map(StmtKind::Switch),
            TokenKind::Select if self.peek(1)? != TokenKind::LParen => self.select_stmt(None).map(StmtKind::Select),
            TokenKind::Func if matches!(self.peek(1)?, TokenKind::Ident | TokenKind::Select) => self.func_decl(),
            TokenKind::Ident if self.peek(1)? == TokenKind::Colon => return self.labeled_or_method_call(),
            TokenKind::Var
            | TokenKind::Const
            | TokenKind::Return
            | TokenKind::Break
            | TokenKind::Continue
            | TokenKind::Fallthrough
            | TokenKind::Go
            | TokenKind::Defer
            | TokenKind::Goto => self.keyword_statement(),
            _ => return self.simple_statement(),
        };
        Ok(Stmt { kind: kind?, span: start.to(self.prev) })
    }

    /// `func name(params) { body }`; the current token is `func`.
    #[inline(never)]
    fn func_decl(&mut self) -> PResult<StmtKind> {
        let start = self.advance()?.span;
        let name = self.expect_name()?;
        let func = self.func_body(start)?;
        Ok(StmtKind::FuncDecl { name, func: Box::new(func) })
    }

    /// Statements introduced by a keyword without a nested block of their own.
    #[inline(never)]
    fn keyword_statement(&mut self) -> PResult<StmtKind> {
        let start = self.tok.span;
        let current = self.tok.kind;
        if current == TokenKind::Goto {
            return Err(self.error_at(start, "goto is not supported"));
        }
        self.advance()?;
        Ok(match current {
            TokenKind::Var => {
                let names = self.name_list()?;
                let values = if self.eat(TokenKind::Assign)? { self.expr_list()? } else { Vec::new() };
                StmtKind::VarDecl { names, values }
            }
            TokenKind::Const => {
                let names = self.name_list()?;
                self.expect(TokenKind::Assign)?;
                let values = self.expr_list()?;
                StmtKind::ConstDecl { names, values }
            }
            TokenKind::Return => {
                let values = if self.at_expression_start() { self.expr_list()? } else { Vec::new() };
                StmtKind::Return(values)
            }
            TokenKind::Break | TokenKind::Continue => {
                let label = if self.at(TokenKind::Ident) {
                    let token = self.advance()?;
                    Some(self.name_of(&token))
                } else {
                    None
                };
                if current == TokenKind::Break {
                    StmtKind::Break(label)
                } else {
                    StmtKind::Continue(label)
                }
            }
            TokenKind::Go | TokenKind::Defer => {
                let call = self.expr()?;
                if !matches!(call.kind, ExprKind::Call { .. } | ExprKind::MethodCall { .. }) {
                    let which = if current == TokenKind::Go { "go" } else { "defer" };
                    return Err(self.error_at(start, format!("expression in {} must be function call", which)));
                }
                if current == TokenKind::Go {
                    StmtKind::Go(call)
                } else {
                    StmtKind::Defer(call)
                }
            }
            _ => StmtKind::Fallthrough,
        })
    }

    /// `identifier ":" ...` at the start of a statement (rule 2).
    #[inline(never)]
    fn labeled_or_method_call(&mut self) -> PResult<Stmt> {
        let start = self.tok.span;
        let after_colon = self.peek(2)?;
        let is_label = match after_colon {
            TokenKind::For | TokenKind::Switch => true,
            TokenKind::Select => self.peek(3)? != TokenKind::LParen,
            _ => false,
        };
        if !is_label {
            if after_colon == TokenKind::Ident || after_colon == TokenKind::Select {
                return self.simple_statement(); // `obj:method(...)`
            }
            return Err(self.error_at(start, "label must precede for, switch or select"));
        }
        let label_token = self.advance()?;
        let label = Some(self.name_of(&label_token));
        self.advance()?; // ':'
        let kind = match after_colon {
            TokenKind::For => StmtKind::For(self.for_stmt(label)?),
            TokenKind::Switch => StmtKind::Switch(self.switch_stmt(label)?),
            _ => StmtKind::Select(self.select_stmt(label)?),
        };
        Ok(Stmt { kind, span: start.to(self.prev) })
    }

    fn name_list(&mut self) -> PResult<Vec<Name>> {
        let mut names = vec![self.expect_name()?];
        while self.eat(TokenKind::Comma)? {
            names.push(self.expect_name()?);
        }
        Ok(names)
    }

    /// Tokens that can begin an expression (decides whether `return` has values).
    fn at_expression_start(&self) -> bool {
        use TokenKind::*;
        matches!(
            self.tok.kind,
            Ident | Int(_) | Float(_) | Str | RawStr | Rune(_) | Nil | True | False | Ellipsis | LParen | LBrace
                | Func | Minus | Bang | Hash | Caret | Arrow | Select
        )
    }

    /// A simple statement used as a statement.
    #[inline(never)]
    fn simple_statement(&mut self) -> PResult<Stmt> {
        let simple = self.simple(false)?;
        self.simple_to_stmt(simple)
    }

    /// Before the `;` after an `if`/`for`/`switch` header statement: a bare non-call
    /// expression followed by an *inserted* semicolon is a condition whose `{` was put on
    /// the next line; report that rather than "expression is not a statement".
    fn check_header_semi(&self, simple: &Simple) -> PResult<()> {
        if let Simple::Expr(expr) = simple {
            if matches!(self.tok.kind, TokenKind::Semi(SemiKind::Newline | SemiKind::Eof)) && !is_statement_expr(expr) {
                return Err(self.error_near("'{' expected"));
            }
        }
        Ok(())
    }

    fn simple_to_stmt(&self, simple: Simple) -> PResult<Stmt> {
        match simple {
            Simple::Stmt(stmt) => Ok(stmt),
            Simple::Expr(expr) => {
                if !is_statement_expr(&expr) {
                    return Err(self.error_at(expr.span, "syntax error: expression is not a statement"));
                }
                let span = expr.span;
                Ok(Stmt { kind: StmtKind::Expr(expr), span })
            }
            Simple::Range { span, .. } => Err(self.error_at(span, "unexpected range")),
        }
    }

    /// `SimpleStmt`, or (with `allow_range`, in a `for` header) a range clause.
    #[inline(never)]
    fn simple(&mut self, allow_range: bool) -> PResult<Simple> {
        let start = self.tok.span;
        if allow_range && self.at(TokenKind::Range) {
            self.advance()?;
            let exprs = self.expr_list()?;
            return Ok(Simple::Range { names: Vec::new(), exprs, span: start.to(self.prev) });
        }
        let first = self.expr()?;
        let mut lhs = vec![first];
        while self.eat(TokenKind::Comma)? {
            lhs.push(self.expr()?);
        }
        let current = self.tok.kind;
        let kind = match current {
            TokenKind::Define => {
                let names = self.declared_names(lhs)?;
                self.advance()?;
                if allow_range && self.at(TokenKind::Range) {
                    self.advance()?;
                    let exprs = self.expr_list()?;
                    return Ok(Simple::Range { names, exprs, span: start.to(self.prev) });
                }
                let values = self.expr_list()?;
                StmtKind::ShortVarDecl { names, values }
            }
            TokenKind::Assign => {
                self.check_targets(&lhs)?;
                self.advance()?;
                let values = self.expr_list()?;
                StmtKind::Assign { targets: lhs, values }
            }
            TokenKind::OpAssign(op) if lhs.len() == 1 => {
                self.check_targets(&lhs)?;
                self.advance()?;
                let value = self.expr()?;
                let target = lhs.pop().ok_or_else(|| self.error_near("syntax error"))?;
                StmtKind::CompoundAssign { target, op, value }
            }
            TokenKind::PlusPlus | TokenKind::MinusMinus if lhs.len() == 1 => {
                self.check_targets(&lhs)?;
                self.advance()?;
                let target = lhs.pop().ok_or_else(|| self.error_near("syntax error"))?;
                StmtKind::IncDec { target, inc: current == TokenKind::PlusPlus }
            }
            TokenKind::Arrow if lhs.len() == 1 => {
                self.advance()?;
                let value = self.expr()?;
                let chan = lhs.pop().ok_or_else(|| self.error_near("syntax error"))?;
                StmtKind::Send { chan, value }
            }
            _ if lhs.len() == 1 => return Ok(Simple::Expr(lhs.pop().ok_or_else(|| self.error_near("syntax error"))?)),
            _ => return Err(self.error_near("'=' expected")),
        };
        Ok(Simple::Stmt(Stmt { kind, span: start.to(self.prev) }))
    }

    /// The left side of `:=`: plain identifiers only (rule 9).
    fn declared_names(&self, lhs: Vec<Expr>) -> PResult<Vec<Name>> {
        lhs.into_iter()
            .map(|expr| match expr.kind {
                ExprKind::Name(name) => Ok(name),
                _ => Err(self.error_at(expr.span, "non-name on left side of :=")),
            })
            .collect()
    }

    /// Assignment targets must be names, fields or index expressions.
    fn check_targets(&self, targets: &[Expr]) -> PResult<()> {
        if targets.iter().all(is_assignable) {
            Ok(())
        } else {
            Err(self.error_near("syntax error"))
        }
    }

    /// `IfTail`: after `if`, `else if` or `elseif`.
    #[inline(never)]
    fn if_tail(&mut self, chained: bool) -> PResult<Box<IfStmt>> {
        // An `else if` chain nests in the AST: count each link (the first `if` is a
        // statement: only its block counts, so 200 nested `if`s are accepted).
        if chained {
            self.enter()?;
        }
        let (init, cond) = self.if_header()?;
        let then = self.block()?;
        let els = match self.tok.kind {
            TokenKind::Else => {
                let else_span = self.advance()?.span;
                if self.at(TokenKind::If) {
                    let if_span = self.advance()?.span;
                    Some(Else::If(self.if_tail(true)?, else_span.to(if_span)))
                } else {
                    Some(Else::Block(self.block()?))
                }
            }
            TokenKind::Elseif => {
                let span = self.advance()?.span;
                Some(Else::If(self.if_tail(true)?, span))
            }
            _ => None,
        };
        if chained {
            self.leave();
        }
        Ok(Box::new(IfStmt { init, cond, then, els }))
    }

    /// `switch [init ;] [tag] { clauses }` (a `{` right after `switch` or the `;` starts
    /// the body, rule 4).
    /// `[init ;] cond` of an `if`. (Headers are parsed in their own functions so that
    /// their bulky temporaries are not on the stack while the body recurses.)
    #[inline(never)]
    fn if_header(&mut self) -> PResult<(Option<Stmt>, Expr)> {
        let simple = self.simple(false)?;
        Ok(match simple {
            Simple::Expr(cond) if !self.at_semi() => (None, cond),
            other => {
                self.check_header_semi(&other)?;
                self.expect_semi()?;
                let init = self.simple_to_stmt(other)?;
                (Some(init), self.expr()?)
            }
        })
    }

    /// `[init ;] [tag]` of a `switch`; the current token follows `switch`.
    #[inline(never)]
    fn switch_header(&mut self) -> PResult<(Option<Stmt>, Option<Expr>)> {
        let mut init = None;
        let mut tag = None;
        if !self.at(TokenKind::LBrace) {
            let simple = self.simple(false)?;
            match simple {
                Simple::Expr(expr) if !self.at_semi() => tag = Some(expr),
                other => {
                    self.check_header_semi(&other)?;
                    self.expect_semi()?;
                    init = Some(self.simple_to_stmt(other)?);
                    if !self.at(TokenKind::LBrace) {
                        tag = Some(self.expr()?);
                    }
                }
            }
        }
        Ok((init, tag))
    }

    /// One `case`/`default` clause of a switch; `has_default` says one was seen before.
    #[inline(never)]
    fn case_clause(&mut self, has_default: bool) -> PResult<CaseClause> {
        let span = self.tok.span;
        if self.at(TokenKind::Default) {
            if has_default {
                return Err(self.error_at(span, "multiple defaults in switch"));
            }
            self.advance()?;
            self.expect(TokenKind::Colon)?;
            let body = self.statement_list()?;
            return Ok(CaseClause { exprs: Vec::new(), is_default: true, body, span });
        }
        self.advance()?; // case
        let exprs = self.case_list(|p| p.expr_list())?;
        self.expect(TokenKind::Colon)?;
        let body = self.statement_list()?;
        Ok(CaseClause { exprs, is_default: false, body, span })
    }

    #[inline(never)]
    fn switch_stmt(&mut self, label: Option<Name>) -> PResult<Box<SwitchStmt>> {
        self.advance()?; // switch
        let (init, tag) = self.switch_header()?;
        let open = self.expect(TokenKind::LBrace)?.span;
        self.enter()?;
        let mut clauses: Vec<CaseClause> = Vec::new();
        while matches!(self.tok.kind, TokenKind::Case | TokenKind::Default) {
            let has_default = clauses.iter().any(|c| c.is_default);
            clauses.push(self.case_clause(has_default)?);
        }
        let close = self.expect_closing(TokenKind::RBrace, TokenKind::LBrace, open.line)?.span;
        self.leave();
        Ok(Box::new(SwitchStmt { label, init, tag, clauses, close }))
    }

    /// Runs `f` with rule 10 active: a `:` at bracket depth 0 ends the list.
    fn case_list<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let saved = std::mem::replace(&mut self.in_case_list, true);
        let result = f(self);
        self.in_case_list = saved;
        result
    }

    /// `select { clauses }`; the current token is `select`.
    #[inline(never)]
    fn select_stmt(&mut self, label: Option<Name>) -> PResult<Box<SelectStmt>> {
        self.advance()?; // select
        let open = self.expect(TokenKind::LBrace)?.span;
        self.enter()?;
        let mut clauses: Vec<CommClause> = Vec::new();
        loop {
            let span = self.tok.span;
            let comm = match self.tok.kind {
                TokenKind::Case => {
                    self.advance()?;
                    self.case_list(|p| p.comm_case())?
                }
                TokenKind::Default => {
                    if clauses.iter().any(|c| matches!(c.comm, CommCase::Default)) {
                        return Err(self.error_at(span, "multiple defaults in select"));
                    }
                    self.advance()?;
                    CommCase::Default
                }
                _ => break,
            };
            self.expect(TokenKind::Colon)?;
            let body = self.statement_list()?;
            clauses.push(CommClause { comm, body, span });
        }
        let close = self.expect_closing(TokenKind::RBrace, TokenKind::LBrace, open.line)?.span;
        self.leave();
        Ok(Box::new(SelectStmt { label, clauses, close }))
    }

    /// `SendStmt | RecvStmt` after `case` in a select.
    #[inline(never)]
    fn comm_case(&mut self) -> PResult<CommCase> {
        let first = self.expr()?;
        if self.eat(TokenKind::Arrow)? {
            let value = self.expr()?;
            return Ok(CommCase::Send { chan: first, value });
        }
        let mut lhs = vec![first];
        while self.eat(TokenKind::Comma)? {
            lhs.push(self.expr()?);
        }
        let current = self.tok.kind;
        let targets = match current {
            TokenKind::Define | TokenKind::Assign => {
                if lhs.len() > 2 {
                    return Err(self.error_at(lhs[2].span, "too many targets in receive statement"));
                }
                let targets = if current == TokenKind::Define {
                    RecvTargets::Declare(self.declared_names(lhs)?)
                } else {
                    self.check_targets(&lhs)?;
                    RecvTargets::Assign(lhs)
                };
                self.advance()?;
                let operand = self.expr()?;
                let chan = self.receive_operand(operand)?;
                return Ok(CommCase::Recv { targets, chan });
            }
            _ if lhs.len() == 1 => RecvTargets::None,
            _ => return Err(self.error_near("'=' or ':=' expected")),
        };
        let expr = lhs.pop().ok_or_else(|| self.error_near("syntax error"))?;
        let chan = self.receive_operand(expr)?;
        Ok(CommCase::Recv { targets, chan })
    }

    /// The channel of an unparenthesised receive `<-ch`.
    fn receive_operand(&self, expr: Expr) -> PResult<Expr> {
        match expr.kind {
            ExprKind::Unary { op: UnOp::Recv, operand } => Ok(*operand),
            _ => Err(self.error_at(expr.span, "select case must be receive, send or assign recv")),
        }
    }

    /// `for` statement; the current token is `for`.
    #[inline(never)]
    fn for_stmt(&mut self, label: Option<Name>) -> PResult<Box<ForStmt>> {
        self.advance()?; // for
        let kind = self.for_header()?;
        let body = self.block()?;
        Ok(Box::new(ForStmt { label, kind, body }))
    }

    /// Everything between `for` and the body.
    #[inline(never)]
    fn for_header(&mut self) -> PResult<ForKind> {
        Ok(if self.at(TokenKind::LBrace) {
            ForKind::Infinite
        } else if self.at_semi() {
            self.for_clause(None)?
        } else {
            match self.simple(true)? {
                Simple::Range { names, exprs, .. } => ForKind::Range { names, exprs },
                Simple::Expr(cond) if self.at(TokenKind::LBrace) => ForKind::Cond(cond),
                other => {
                    self.check_header_semi(&other)?;
                    let init = self.simple_to_stmt(other)?;
                    self.for_clause(Some(init))?
                }
            }
        })
    }

    /// `; [cond] ; [post]` after the (optional) init statement.
    #[inline(never)]
    fn for_clause(&mut self, init: Option<Stmt>) -> PResult<ForKind> {
        self.expect_semi()?;
        let cond = if self.at_semi() || self.at(TokenKind::LBrace) { None } else { Some(self.expr()?) };
        self.expect_semi()?;
        let post = if self.at(TokenKind::LBrace) {
            None
        } else {
            let post = self.simple_statement()?;
            if matches!(post.kind, StmtKind::ShortVarDecl { .. }) {
                return Err(self.error_at(post.span, "cannot declare in post statement of for loop"));
            }
            Some(post)
        };
        Ok(ForKind::Clause { init, cond, post })
    }
}
