//! The GScript abstract syntax tree.
//!
//! The parser produces a [`Chunk`]; the compiler consumes it. Every node carries a
//! [`Span`] (byte range plus line and column of its first byte) so that later stages can
//! report positions. The tree is purely syntactic: names are not resolved, and the
//! compile-time checks that need scope information (constants, `_` as a value, `...`
//! outside a vararg function, `break`/`continue`/label validity, `fallthrough`
//! placement) are the compiler's job. Everything the grammar alone can reject is
//! rejected by the parser.
//!
//! Invariants the parser guarantees (the compiler may rely on them):
//! * `StmtKind::Expr` holds a call, a method call or a receive (possibly parenthesised).
//! * `StmtKind::Go` / `StmtKind::Defer` hold a `Call` or `MethodCall` (not parenthesised).
//! * Assignment targets are `Name`, `Index` or `Field` expressions (never parenthesised).
//! * `ShortVarDecl`, `VarDecl`, `ConstDecl` and range clauses hold plain identifiers.
//! * `ConstDecl` has at least one value; a parameter list has no duplicate names except `_`.
//! * A `Switch`/`Select` has at most one `default` clause.

use crate::span::Span;

/// An identifier with its position. `_` is represented as the name `"_"`.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub name: String,
    pub span: Span,
}

impl Name {
    pub fn is_blank(&self) -> bool {
        self.name == "_"
    }
}

/// A whole source file / `load` string: the main chunk (always variadic).
#[derive(Clone, Debug, PartialEq)]
pub struct Chunk {
    pub body: Vec<Stmt>,
    /// Position of end of input (line = 1 + number of newlines).
    pub eof: Span,
}

/// `{ ... }`: a statement list with the span of its braces.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
    /// Span of the closing `}` (for "end of function" line info).
    pub close: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// A call, method call or receive used as a statement.
    Expr(Expr),
    /// `ch <- value`
    Send { chan: Expr, value: Expr },
    /// `target++` (`inc == true`) or `target--`.
    IncDec { target: Expr, inc: bool },
    /// `t1, t2 = e1, e2`
    Assign { targets: Vec<Expr>, values: Vec<Expr> },
    /// `target op= value` (op is an arithmetic, bitwise or concat operator).
    CompoundAssign { target: Expr, op: BinOp, value: Expr },
    /// `a, b := e1, e2`
    ShortVarDecl { names: Vec<Name>, values: Vec<Expr> },
    /// `var a, b [= e1, e2]` (`values` empty when there is no `=`).
    VarDecl { names: Vec<Name>, values: Vec<Expr> },
    /// `const A, B = e1, e2`
    ConstDecl { names: Vec<Name>, values: Vec<Expr> },
    /// `func name(params) { body }`
    FuncDecl { name: Name, func: Box<FuncLit> },
    If(Box<IfStmt>),
    Switch(Box<SwitchStmt>),
    Select(Box<SelectStmt>),
    For(Box<ForStmt>),
    Return(Vec<Expr>),
    Break(Option<Name>),
    Continue(Option<Name>),
    Fallthrough,
    /// `go call` (the expression is a `Call` or `MethodCall`).
    Go(Expr),
    /// `defer call` (the expression is a `Call` or `MethodCall`).
    Defer(Expr),
    Block(Block),
    /// An explicit empty statement. The parser may drop these.
    Empty,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IfStmt {
    pub init: Option<Stmt>,
    pub cond: Expr,
    pub then: Block,
    pub els: Option<Else>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Else {
    /// `else if ...` / `elseif ...`
    If(Box<IfStmt>, Span),
    /// `else { ... }`
    Block(Block),
}

#[derive(Clone, Debug, PartialEq)]
pub struct SwitchStmt {
    pub label: Option<Name>,
    pub init: Option<Stmt>,
    pub tag: Option<Expr>,
    pub clauses: Vec<CaseClause>,
    /// Span of the closing `}`.
    pub close: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    /// Span of the `case` / `default` keyword.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SelectStmt {
    pub label: Option<Name>,
    pub clauses: Vec<CommClause>,
    pub close: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    pub comm: CommCase,
    pub body: Vec<Stmt>,
    /// Span of the `case` / `default` keyword.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CommCase {
    Default,
    /// `case ch <- value`
    Send { chan: Expr, value: Expr },
    /// `case <-ch`, `case v := <-ch`, `case v, ok := <-ch`, `case v = <-ch`, `case v, ok = <-ch`.
    /// `chan` is the operand of `<-` (the channel expression).
    Recv { targets: RecvTargets, chan: Expr },
}

#[derive(Clone, Debug, PartialEq)]
pub enum RecvTargets {
    None,
    /// `:=` with one or two identifiers.
    Declare(Vec<Name>),
    /// `=` with one or two assignable targets.
    Assign(Vec<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ForStmt {
    pub label: Option<Name>,
    pub kind: ForKind,
    pub body: Block,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ForKind {
    /// `for { }`
    Infinite,
    /// `for cond { }`
    Cond(Expr),
    /// `for init; cond; post { }` (each part optional; post is never a declaration).
    Clause {
        init: Option<Stmt>,
        cond: Option<Expr>,
        post: Option<Stmt>,
    },
    /// `for [names :=] range exprs { }` (`names` empty for `for range x`).
    Range { names: Vec<Name>, exprs: Vec<Expr> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncLit {
    pub params: Vec<Name>,
    /// `...` or `name...` at the end of the parameter list.
    pub variadic: bool,
    /// `Some(name)` for a named rest parameter `name...`.
    pub rest: Option<Name>,
    pub body: Block,
    /// Span of the `func` keyword (the function's "line defined").
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Nil,
    True,
    False,
    /// Integer literal (hex/octal/binary wrap; rune literals are integers too).
    Int(i64),
    /// Float literal (also decimal integer literals that overflow int64).
    Float(f64),
    /// Interpreted or raw string literal, already unescaped (arbitrary bytes).
    Str(Vec<u8>),
    /// `...`
    Vararg,
    Name(Name),
    /// `obj[key]`
    Index { obj: Box<Expr>, key: Box<Expr> },
    /// `obj.name` (name may be a keyword)
    Field { obj: Box<Expr>, name: Name },
    /// `func(args)`; `spread` when the last argument is followed by `...`.
    /// `open` is the span of the `(` (calls report that line).
    Call { func: Box<Expr>, args: Vec<Expr>, spread: bool, open: Span },
    /// `obj:name(args)`
    MethodCall { obj: Box<Expr>, name: Name, args: Vec<Expr>, spread: bool, open: Span },
    Func(Box<FuncLit>),
    Table(Vec<TableField>),
    /// `make(chan)` / `make(chan, cap)`
    MakeChan(Option<Box<Expr>>),
    Unary { op: UnOp, operand: Box<Expr> },
    /// `op` is never `And`/`Or` here; see `Logical`.
    Binary { op: BinOp, lhs: Box<Expr>, rhs: Box<Expr> },
    /// `&&` / `||` (short-circuit).
    Logical { op: LogicOp, lhs: Box<Expr>, rhs: Box<Expr> },
    /// `(e)`: truncates multiple values to one.
    Paren(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum TableField {
    /// `name: e` or `"str": e` (key is the string bytes).
    Named { key: Vec<u8>, key_span: Span, value: Expr },
    /// `[k]: e`
    Keyed { key: Expr, value: Expr },
    /// `e`
    Positional(Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    /// `-`
    Neg,
    /// `!`
    Not,
    /// `#`
    Len,
    /// unary `^`
    BNot,
    /// `<-`
    Recv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Concat,
    BAnd,
    BOr,
    BXor,
    /// `&^`: evaluated as `a & (^b)`.
    BAndNot,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogicOp {
    And,
    Or,
}

impl UnOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnOp::Neg => "-",
            UnOp::Not => "!",
            UnOp::Len => "#",
            UnOp::BNot => "^",
            UnOp::Recv => "<-",
        }
    }
}

impl BinOp {
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::Concat => "..",
            BinOp::BAnd => "&",
            BinOp::BOr => "|",
            BinOp::BXor => "^",
            BinOp::BAndNot => "&^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
        }
    }

    /// Precedence level from the spec's table (3.4): higher binds tighter.
    pub fn precedence(self) -> u8 {
        match self {
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 3,
            BinOp::Concat => 4,
            BinOp::Add | BinOp::Sub | BinOp::BOr | BinOp::BXor => 5,
            BinOp::Mul | BinOp::Div | BinOp::Mod | BinOp::Shl | BinOp::Shr | BinOp::BAnd | BinOp::BAndNot => 6,
            BinOp::Pow => 8,
        }
    }
}

impl LogicOp {
    pub fn as_str(self) -> &'static str {
        match self {
            LogicOp::And => "&&",
            LogicOp::Or => "||",
        }
    }
}

impl Expr {
    /// True for expressions that can produce several values (calls and `...`)
    /// when they are the last element of an expanding list (spec 6.13).
    pub fn is_multi(&self) -> bool {
        matches!(self.kind, ExprKind::Call { .. } | ExprKind::MethodCall { .. } | ExprKind::Vararg)
    }
}
