//! Pretty-printer: AST back to GScript source.
//!
//! Invariant: for every AST produced by the parser, `parse(chunk_to_source(ast))` is equal
//! to the AST after [`clear_spans`] on both sides. To keep that exact, the printer adds no
//! parentheses of its own where the parser's tree already respects precedence (the parser
//! records written parentheses as `Paren` nodes); for hand-built trees that violate
//! precedence it inserts parentheses so the output is still valid and means the same.
//! Strings are printed as interpreted literals with escapes for every byte outside
//! printable ASCII, so arbitrary bytes survive. Statements go one per line, indented by
//! four spaces; semicolon insertion (spec 2.4) terminates them.

use std::fmt::Write;

use crate::ast::*;
use crate::span::Span;
use crate::token::TokenKind;

/// Renders a chunk as source text.
pub fn chunk_to_source(chunk: &Chunk) -> String {
    let mut printer = Printer { out: String::new(), indent: 0 };
    printer.stmts(&chunk.body);
    printer.out
}

/// Renders one expression.
pub fn expr_to_source(expr: &Expr) -> String {
    let mut printer = Printer { out: String::new(), indent: 0 };
    printer.expr(expr, 0);
    printer.out
}

/// Escapes bytes as the body of an interpreted string literal (without the quotes).
pub fn escape_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\t' => out.push_str("\\t"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e => out.push(b as char),
            _ => {
                let _ = write!(out, "\\x{:02x}", b);
            }
        }
    }
    out
}

/// Binding level of an expression (spec 3.4): 1-6 binary levels, 7 unary, 8 `**`,
/// 9 primary expressions and operands.
fn level(expr: &Expr) -> u8 {
    match &expr.kind {
        ExprKind::Logical { op: LogicOp::Or, .. } => 1,
        ExprKind::Logical { op: LogicOp::And, .. } => 2,
        ExprKind::Binary { op, .. } => op.precedence(),
        ExprKind::Unary { .. } => 7,
        _ => 9,
    }
}

/// True if `bytes` can be written as a bare key `name:` in a constructor.
fn is_plain_name(bytes: &[u8]) -> bool {
    match bytes.split_first() {
        Some((first, rest)) => {
            (first.is_ascii_alphabetic() || *first == b'_')
                && rest.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
                && TokenKind::keyword(bytes).is_none()
        }
        None => false,
    }
}

/// True if the expression's text would begin with `name:` / `"str":` (a method call on a
/// name or string as its leftmost part), which a constructor would read as a keyed field.
fn starts_with_keyed_method(mut expr: &Expr) -> bool {
    loop {
        expr = match &expr.kind {
            ExprKind::MethodCall { obj, .. } => {
                if matches!(obj.kind, ExprKind::Name(_) | ExprKind::Str(_)) {
                    return true;
                }
                obj
            }
            ExprKind::Binary { lhs, .. } | ExprKind::Logical { lhs, .. } => lhs,
            ExprKind::Field { obj, .. } | ExprKind::Index { obj, .. } => obj,
            ExprKind::Call { func, .. } => func,
            _ => return false,
        }
    }
}

/// True if a method call appears outside any brackets (a `case` list would end at its `:`).
fn has_unbracketed_method_call(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::MethodCall { .. } => true,
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::Logical { lhs, rhs, .. } => {
            has_unbracketed_method_call(lhs) || has_unbracketed_method_call(rhs)
        }
        ExprKind::Unary { operand, .. } => has_unbracketed_method_call(operand),
        ExprKind::Field { obj, .. } | ExprKind::Index { obj, .. } => has_unbracketed_method_call(obj),
        ExprKind::Call { func, .. } => has_unbracketed_method_call(func),
        _ => false,
    }
}

struct Printer {
    out: String,
    indent: usize,
}

impl Printer {
    /// Each statement on its own line: indentation, text, newline.
    fn stmts(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            if matches!(stmt.kind, StmtKind::Empty) {
                continue;
            }
            self.pad();
            self.stmt(stmt);
            self.out.push('\n');
        }
    }

    /// `{`, the statements indented, `}`.
    fn block(&mut self, stmts: &[Stmt]) {
        self.out.push_str("{\n");
        self.indent += 1;
        self.stmts(stmts);
        self.indent -= 1;
        self.pad();
        self.out.push('}');
    }

    /// Indentation at the start of the current (fresh) line.
    fn pad(&mut self) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
    }

    fn label(&mut self, label: &Option<Name>) {
        if let Some(label) = label {
            self.out.push_str(&label.name);
            self.out.push_str(":\n");
            self.pad();
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(e, 0),
            StmtKind::Send { chan, value } => {
                self.expr(chan, 0);
                self.out.push_str(" <- ");
                self.expr(value, 0);
            }
            StmtKind::IncDec { target, inc } => {
                self.expr(target, 9);
                self.out.push_str(if *inc { "++" } else { "--" });
            }
            StmtKind::Assign { targets, values } => {
                self.expr_list(targets);
                self.out.push_str(" = ");
                self.expr_list(values);
            }
            StmtKind::CompoundAssign { target, op, value } => {
                self.expr(target, 9);
                let _ = write!(self.out, " {}= ", op.as_str());
                self.expr(value, 0);
            }
            StmtKind::ShortVarDecl { names, values } => {
                self.names(names);
                self.out.push_str(" := ");
                self.expr_list(values);
            }
            StmtKind::VarDecl { names, values } => {
                self.out.push_str("var ");
                self.names(names);
                if !values.is_empty() {
                    self.out.push_str(" = ");
                    self.expr_list(values);
                }
            }
            StmtKind::ConstDecl { names, values } => {
                self.out.push_str("const ");
                self.names(names);
                self.out.push_str(" = ");
                self.expr_list(values);
            }
            StmtKind::FuncDecl { name, func } => {
                self.out.push_str("func ");
                self.out.push_str(&name.name);
                self.func_rest(func);
            }
            StmtKind::If(if_stmt) => {
                self.out.push_str("if ");
                self.if_tail(if_stmt);
            }
            StmtKind::Switch(switch) => self.switch(switch),
            StmtKind::Select(select) => self.select(select),
            StmtKind::For(for_stmt) => self.for_stmt(for_stmt),
            StmtKind::Return(values) => {
                self.out.push_str("return");
                if !values.is_empty() {
                    self.out.push(' ');
                    self.expr_list(values);
                }
            }
            StmtKind::Break(label) | StmtKind::Continue(label) => {
                self.out.push_str(if matches!(stmt.kind, StmtKind::Break(_)) { "break" } else { "continue" });
                if let Some(label) = label {
                    self.out.push(' ');
                    self.out.push_str(&label.name);
                }
            }
            StmtKind::Fallthrough => self.out.push_str("fallthrough"),
            StmtKind::Go(call) => {
                self.out.push_str("go ");
                self.expr(call, 0);
            }
            StmtKind::Defer(call) => {
                self.out.push_str("defer ");
                self.expr(call, 0);
            }
            StmtKind::Block(block) => self.block(&block.stmts),
            StmtKind::Empty => {}
        }
    }

    /// A statement in a header (`if`/`for`/`switch` init, `for` post).
    fn header_stmt(&mut self, stmt: &Option<Stmt>) {
        if let Some(stmt) = stmt {
            self.stmt(stmt);
        }
    }

    fn if_tail(&mut self, if_stmt: &IfStmt) {
        if let Some(init) = &if_stmt.init {
            self.stmt(init);
            self.out.push_str("; ");
        }
        self.expr(&if_stmt.cond, 0);
        self.out.push(' ');
        self.block(&if_stmt.then.stmts);
        match &if_stmt.els {
            None => {}
            Some(Else::If(next, _)) => {
                self.out.push_str(" else if ");
                self.if_tail(next);
            }
            Some(Else::Block(block)) => {
                self.out.push_str(" else ");
                self.block(&block.stmts);
            }
        }
    }

    fn switch(&mut self, switch: &SwitchStmt) {
        self.label(&switch.label);
        self.out.push_str("switch ");
        if switch.init.is_some() {
            self.header_stmt(&switch.init);
            self.out.push_str("; ");
        }
        if let Some(tag) = &switch.tag {
            self.expr(tag, 0);
            self.out.push(' ');
        }
        self.out.push_str("{\n");
        for clause in &switch.clauses {
            self.pad();
            if clause.is_default {
                self.out.push_str("default:");
            } else {
                self.out.push_str("case ");
                for (i, e) in clause.exprs.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.case_expr(e);
                }
                self.out.push(':');
            }
            self.clause_body(&clause.body);
        }
        self.pad();
        self.out.push('}');
    }

    /// An expression in a `case` list: parenthesised if a method call would end the list.
    fn case_expr(&mut self, e: &Expr) {
        if has_unbracketed_method_call(e) {
            self.out.push('(');
            self.expr(e, 0);
            self.out.push(')');
        } else {
            self.expr(e, 0);
        }
    }

    fn clause_body(&mut self, body: &[Stmt]) {
        self.out.push('\n');
        self.indent += 1;
        self.stmts(body);
        self.indent -= 1;
    }

    fn select(&mut self, select: &SelectStmt) {
        self.label(&select.label);
        self.out.push_str("select {\n");
        for clause in &select.clauses {
            self.pad();
            match &clause.comm {
                CommCase::Default => self.out.push_str("default"),
                CommCase::Send { chan, value } => {
                    self.out.push_str("case ");
                    self.case_expr(chan);
                    self.out.push_str(" <- ");
                    self.case_expr(value);
                }
                CommCase::Recv { targets, chan } => {
                    self.out.push_str("case ");
                    match targets {
                        RecvTargets::None => {}
                        RecvTargets::Declare(names) => {
                            self.names(names);
                            self.out.push_str(" := ");
                        }
                        RecvTargets::Assign(targets) => {
                            for (i, t) in targets.iter().enumerate() {
                                if i > 0 {
                                    self.out.push_str(", ");
                                }
                                self.case_expr(t);
                            }
                            self.out.push_str(" = ");
                        }
                    }
                    self.out.push_str("<-");
                    if has_unbracketed_method_call(chan) {
                        self.out.push('(');
                        self.expr(chan, 0);
                        self.out.push(')');
                    } else {
                        self.expr(chan, 7);
                    }
                }
            }
            self.out.push(':');
            self.clause_body(&clause.body);
        }
        self.pad();
        self.out.push('}');
    }

    fn for_stmt(&mut self, for_stmt: &ForStmt) {
        self.label(&for_stmt.label);
        self.out.push_str("for ");
        match &for_stmt.kind {
            ForKind::Infinite => {}
            ForKind::Cond(cond) => {
                self.expr(cond, 0);
                self.out.push(' ');
            }
            ForKind::Clause { init, cond, post } => {
                self.header_stmt(init);
                self.out.push_str("; ");
                if let Some(cond) = cond {
                    self.expr(cond, 0);
                }
                self.out.push_str("; ");
                if post.is_some() {
                    self.header_stmt(post);
                    self.out.push(' ');
                }
            }
            ForKind::Range { names, exprs } => {
                if !names.is_empty() {
                    self.names(names);
                    self.out.push_str(" := ");
                }
                self.out.push_str("range ");
                self.expr_list(exprs);
                self.out.push(' ');
            }
        }
        self.block(&for_stmt.body.stmts);
    }

    fn names(&mut self, names: &[Name]) {
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.out.push_str(&name.name);
        }
    }

    fn expr_list(&mut self, exprs: &[Expr]) {
        for (i, e) in exprs.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.expr(e, 0);
        }
    }

    /// `(params) { body }` of a function.
    fn func_rest(&mut self, func: &FuncLit) {
        self.out.push('(');
        for (i, p) in func.params.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.out.push_str(&p.name);
        }
        if func.variadic {
            if !func.params.is_empty() {
                self.out.push_str(", ");
            }
            if let Some(rest) = &func.rest {
                self.out.push_str(&rest.name);
            }
            self.out.push_str("...");
        }
        self.out.push_str(") ");
        self.block(&func.body.stmts);
    }

    /// Prints `e` where an expression of at least level `min` is required; lower levels
    /// are parenthesised (never the case for trees built by the parser).
    fn expr(&mut self, e: &Expr, min: u8) {
        if level(e) < min {
            self.out.push('(');
            self.expr_inner(e);
            self.out.push(')');
        } else {
            self.expr_inner(e);
        }
    }

    fn expr_inner(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Nil => self.out.push_str("nil"),
            ExprKind::True => self.out.push_str("true"),
            ExprKind::False => self.out.push_str("false"),
            ExprKind::Int(v) => {
                if *v >= 0 {
                    let _ = write!(self.out, "{}", v);
                } else {
                    // No negative literals: hex literals wrap, so this reads back exactly.
                    let _ = write!(self.out, "0x{:X}", *v as u64);
                }
            }
            ExprKind::Float(v) => self.float(*v),
            ExprKind::Str(bytes) => {
                self.out.push('"');
                self.out.push_str(&escape_string(bytes));
                self.out.push('"');
            }
            ExprKind::Vararg => self.out.push_str("..."),
            ExprKind::Name(name) => self.out.push_str(&name.name),
            ExprKind::Index { obj, key } => {
                self.expr(obj, 9);
                self.out.push('[');
                self.expr(key, 0);
                self.out.push(']');
            }
            ExprKind::Field { obj, name } => {
                self.expr(obj, 9);
                // `1.x` would lex as a malformed number, `....x` as `...` `.x`.
                if matches!(obj.kind, ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Vararg) {
                    self.out.push(' ');
                }
                self.out.push('.');
                self.out.push_str(&name.name);
            }
            ExprKind::Call { func, args, spread, .. } => {
                self.expr(func, 9);
                self.args(args, *spread);
            }
            ExprKind::MethodCall { obj, name, args, spread, .. } => {
                self.expr(obj, 9);
                self.out.push(':');
                self.out.push_str(&name.name);
                self.args(args, *spread);
            }
            ExprKind::Func(func) => {
                self.out.push_str("func");
                self.func_rest(func);
            }
            ExprKind::Table(fields) => self.table(fields),
            ExprKind::MakeChan(cap) => {
                self.out.push_str("make(chan");
                if let Some(cap) = cap {
                    self.out.push_str(", ");
                    self.expr(cap, 0);
                }
                self.out.push(')');
            }
            ExprKind::Unary { op, operand } => {
                self.out.push_str(op.as_str());
                let mark = self.out.len();
                self.expr(operand, 7);
                // `- -x` must not become the `--` token.
                if *op == UnOp::Neg && self.out[mark..].starts_with('-') {
                    self.out.insert(mark, ' ');
                }
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let level = op.precedence();
                let (lhs_min, rhs_min) = match op {
                    BinOp::Pow => (9, 7),
                    BinOp::Concat => (level + 1, level),
                    _ => (level, level + 1),
                };
                self.expr(lhs, lhs_min);
                let _ = write!(self.out, " {} ", op.as_str());
                self.expr(rhs, rhs_min);
            }
            ExprKind::Logical { op, lhs, rhs } => {
                let level = if *op == LogicOp::Or { 1 } else { 2 };
                self.expr(lhs, level);
                let _ = write!(self.out, " {} ", op.as_str());
                self.expr(rhs, level + 1);
            }
            ExprKind::Paren(inner) => {
                self.out.push('(');
                self.expr(inner, 0);
                self.out.push(')');
            }
        }
    }

    fn float(&mut self, v: f64) {
        if v.is_nan() {
            self.out.push_str("(0.0 / 0.0)");
        } else if v.is_infinite() {
            self.out.push_str(if v > 0.0 { "1e999" } else { "-1e999" });
        } else {
            // `{:?}` is the shortest text that reads back as the same double, and always
            // has a `.` or an exponent (so it is not read back as an integer).
            let _ = write!(self.out, "{:?}", v);
        }
    }

    fn args(&mut self, args: &[Expr], spread: bool) {
        self.out.push('(');
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.expr(a, 0);
        }
        if spread {
            if matches!(args.last().map(|a| &a.kind), Some(ExprKind::Int(_) | ExprKind::Float(_))) {
                self.out.push(' ');
            }
            self.out.push_str("...");
        }
        self.out.push(')');
    }

    fn table(&mut self, fields: &[TableField]) {
        self.out.push('{');
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            match field {
                TableField::Named { key, value, .. } => {
                    if is_plain_name(key) {
                        self.out.push_str(std::str::from_utf8(key).unwrap_or(""));
                    } else {
                        self.out.push('"');
                        self.out.push_str(&escape_string(key));
                        self.out.push('"');
                    }
                    self.out.push_str(": ");
                    self.expr(value, 0);
                }
                TableField::Keyed { key, value } => {
                    self.out.push('[');
                    self.expr(key, 0);
                    self.out.push_str("]: ");
                    self.expr(value, 0);
                }
                TableField::Positional(value) => {
                    if starts_with_keyed_method(value) {
                        self.out.push('(');
                        self.expr(value, 0);
                        self.out.push(')');
                    } else {
                        self.expr(value, 0);
                    }
                }
            }
        }
        self.out.push('}');
    }
}

/// Sets every span in the chunk to `Span::default()`, so that two trees can be compared
/// ignoring positions.
pub fn clear_spans(chunk: &mut Chunk) {
    chunk.eof = Span::default();
    chunk.body.iter_mut().for_each(clear_stmt);
}

fn clear_name(name: &mut Name) {
    name.span = Span::default();
}

fn clear_block(block: &mut Block) {
    block.span = Span::default();
    block.close = Span::default();
    block.stmts.iter_mut().for_each(clear_stmt);
}

fn clear_func(func: &mut FuncLit) {
    func.span = Span::default();
    func.params.iter_mut().for_each(clear_name);
    func.rest.iter_mut().for_each(clear_name);
    clear_block(&mut func.body);
}

fn clear_if(if_stmt: &mut IfStmt) {
    if_stmt.init.iter_mut().for_each(clear_stmt);
    clear_expr(&mut if_stmt.cond);
    clear_block(&mut if_stmt.then);
    match &mut if_stmt.els {
        None => {}
        Some(Else::If(next, span)) => {
            *span = Span::default();
            clear_if(next);
        }
        Some(Else::Block(block)) => clear_block(block),
    }
}

fn clear_stmt(stmt: &mut Stmt) {
    stmt.span = Span::default();
    match &mut stmt.kind {
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => clear_expr(e),
        StmtKind::Send { chan, value } => {
            clear_expr(chan);
            clear_expr(value);
        }
        StmtKind::IncDec { target, .. } => clear_expr(target),
        StmtKind::Assign { targets, values } => {
            targets.iter_mut().for_each(clear_expr);
            values.iter_mut().for_each(clear_expr);
        }
        StmtKind::CompoundAssign { target, value, .. } => {
            clear_expr(target);
            clear_expr(value);
        }
        StmtKind::ShortVarDecl { names, values }
        | StmtKind::VarDecl { names, values }
        | StmtKind::ConstDecl { names, values } => {
            names.iter_mut().for_each(clear_name);
            values.iter_mut().for_each(clear_expr);
        }
        StmtKind::FuncDecl { name, func } => {
            clear_name(name);
            clear_func(func);
        }
        StmtKind::If(if_stmt) => clear_if(if_stmt),
        StmtKind::Switch(switch) => {
            switch.close = Span::default();
            switch.label.iter_mut().for_each(clear_name);
            switch.init.iter_mut().for_each(clear_stmt);
            switch.tag.iter_mut().for_each(clear_expr);
            for clause in &mut switch.clauses {
                clause.span = Span::default();
                clause.exprs.iter_mut().for_each(clear_expr);
                clause.body.iter_mut().for_each(clear_stmt);
            }
        }
        StmtKind::Select(select) => {
            select.close = Span::default();
            select.label.iter_mut().for_each(clear_name);
            for clause in &mut select.clauses {
                clause.span = Span::default();
                match &mut clause.comm {
                    CommCase::Default => {}
                    CommCase::Send { chan, value } => {
                        clear_expr(chan);
                        clear_expr(value);
                    }
                    CommCase::Recv { targets, chan } => {
                        match targets {
                            RecvTargets::None => {}
                            RecvTargets::Declare(names) => names.iter_mut().for_each(clear_name),
                            RecvTargets::Assign(exprs) => exprs.iter_mut().for_each(clear_expr),
                        }
                        clear_expr(chan);
                    }
                }
                clause.body.iter_mut().for_each(clear_stmt);
            }
        }
        StmtKind::For(for_stmt) => {
            for_stmt.label.iter_mut().for_each(clear_name);
            match &mut for_stmt.kind {
                ForKind::Infinite => {}
                ForKind::Cond(cond) => clear_expr(cond),
                ForKind::Clause { init, cond, post } => {
                    init.iter_mut().for_each(clear_stmt);
                    cond.iter_mut().for_each(clear_expr);
                    post.iter_mut().for_each(clear_stmt);
                }
                ForKind::Range { names, exprs } => {
                    names.iter_mut().for_each(clear_name);
                    exprs.iter_mut().for_each(clear_expr);
                }
            }
            clear_block(&mut for_stmt.body);
        }
        StmtKind::Return(values) => values.iter_mut().for_each(clear_expr),
        StmtKind::Break(label) | StmtKind::Continue(label) => label.iter_mut().for_each(clear_name),
        StmtKind::Fallthrough | StmtKind::Empty => {}
        StmtKind::Block(block) => clear_block(block),
    }
}

fn clear_expr(expr: &mut Expr) {
    expr.span = Span::default();
    match &mut expr.kind {
        ExprKind::Nil
        | ExprKind::True
        | ExprKind::False
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Vararg => {}
        ExprKind::Name(name) => clear_name(name),
        ExprKind::Index { obj, key } => {
            clear_expr(obj);
            clear_expr(key);
        }
        ExprKind::Field { obj, name } => {
            clear_expr(obj);
            clear_name(name);
        }
        ExprKind::Call { func, args, open, .. } => {
            *open = Span::default();
            clear_expr(func);
            args.iter_mut().for_each(clear_expr);
        }
        ExprKind::MethodCall { obj, name, args, open, .. } => {
            *open = Span::default();
            clear_expr(obj);
            clear_name(name);
            args.iter_mut().for_each(clear_expr);
        }
        ExprKind::Func(func) => clear_func(func),
        ExprKind::Table(fields) => {
            for field in fields {
                match field {
                    TableField::Named { key_span, value, .. } => {
                        *key_span = Span::default();
                        clear_expr(value);
                    }
                    TableField::Keyed { key, value } => {
                        clear_expr(key);
                        clear_expr(value);
                    }
                    TableField::Positional(value) => clear_expr(value),
                }
            }
        }
        ExprKind::MakeChan(cap) => {
            if let Some(cap) = cap {
                clear_expr(cap);
            }
        }
        ExprKind::Unary { operand, .. } => clear_expr(operand),
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::Logical { lhs, rhs, .. } => {
            clear_expr(lhs);
            clear_expr(rhs);
        }
        ExprKind::Paren(inner) => clear_expr(inner),
    }
}
