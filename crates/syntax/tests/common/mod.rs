//! Helpers shared by the integration tests.
#![allow(dead_code)]

use syntax::ast::Chunk;
use syntax::pretty::{chunk_to_source, clear_spans};
use syntax::Diagnostic;

/// Parses or panics with the diagnostic.
pub fn parse_ok(source: &str) -> Chunk {
    match syntax::parse(source.as_bytes()) {
        Ok(chunk) => chunk,
        Err(d) => panic!("unexpected error {:?} for:\n{}", d, source),
    }
}

/// Parses expecting an error.
pub fn parse_err(source: &str) -> Diagnostic {
    match syntax::parse(source.as_bytes()) {
        Ok(chunk) => panic!("expected an error for:\n{}\ngot {:#?}", source, chunk),
        Err(d) => d,
    }
}

/// Asserts the error message and line.
pub fn assert_error(source: &str, message: &str, line: u32) {
    let d = parse_err(source);
    assert_eq!((d.message.as_str(), d.line), (message, line), "source:\n{}", source);
}

/// The AST with all spans cleared.
pub fn normalized(source: &[u8]) -> Chunk {
    let mut chunk = syntax::parse(source).unwrap_or_else(|d| panic!("{:?}", d));
    clear_spans(&mut chunk);
    chunk
}

/// parse -> print -> parse yields the same AST (ignoring spans), and printing is stable.
pub fn assert_round_trip(source: &str) {
    assert_round_trip_bytes(source.as_bytes());
}

pub fn assert_round_trip_bytes(source: &[u8]) {
    let first = normalized(source);
    let printed = chunk_to_source(&first);
    let second = match syntax::parse(printed.as_bytes()) {
        Ok(mut chunk) => {
            clear_spans(&mut chunk);
            chunk
        }
        Err(d) => panic!(
            "printed source does not parse: {:?}\n--- original\n{}\n--- printed\n{}",
            d,
            String::from_utf8_lossy(source),
            printed
        ),
    };
    assert!(
        first == second,
        "round trip changed the AST\n--- original\n{}\n--- printed\n{}",
        String::from_utf8_lossy(source),
        printed
    );
    assert_eq!(chunk_to_source(&second), printed, "printing is not stable");
}

use syntax::ast::{Expr, ExprKind, StmtKind, TableField};

/// A fully parenthesised rendering of an expression's tree, for precedence tests:
/// `-2 ** 2` is `(neg (** 2 2))`.
pub fn sexp(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Nil => "nil".into(),
        ExprKind::True => "true".into(),
        ExprKind::False => "false".into(),
        ExprKind::Int(v) => v.to_string(),
        ExprKind::Float(v) => format!("{:?}", v),
        ExprKind::Str(s) => format!("{:?}", String::from_utf8_lossy(s)),
        ExprKind::Vararg => "...".into(),
        ExprKind::Name(n) => n.name.clone(),
        ExprKind::Index { obj, key } => format!("(index {} {})", sexp(obj), sexp(key)),
        ExprKind::Field { obj, name } => format!("(. {} {})", sexp(obj), name.name),
        ExprKind::Call { func, args, spread, .. } => {
            let args: Vec<String> = args.iter().map(sexp).collect();
            format!("(call {}{}{})", sexp(func), args.iter().map(|a| format!(" {}", a)).collect::<String>(), if *spread { " ..." } else { "" })
        }
        ExprKind::MethodCall { obj, name, args, spread, .. } => {
            let args: Vec<String> = args.iter().map(sexp).collect();
            format!("(method {} {}{}{})", sexp(obj), name.name, args.iter().map(|a| format!(" {}", a)).collect::<String>(), if *spread { " ..." } else { "" })
        }
        ExprKind::Func(f) => format!("(func {} {})", f.params.len(), f.body.stmts.len()),
        ExprKind::Table(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|f| match f {
                    TableField::Named { key, value, .. } => format!("{}: {}", String::from_utf8_lossy(key), sexp(value)),
                    TableField::Keyed { key, value } => format!("[{}]: {}", sexp(key), sexp(value)),
                    TableField::Positional(value) => sexp(value),
                })
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
        ExprKind::MakeChan(None) => "(makechan)".into(),
        ExprKind::MakeChan(Some(c)) => format!("(makechan {})", sexp(c)),
        ExprKind::Unary { op, operand } => {
            let name = match op {
                syntax::ast::UnOp::Neg => "neg",
                syntax::ast::UnOp::Not => "not",
                syntax::ast::UnOp::Len => "len",
                syntax::ast::UnOp::BNot => "bnot",
                syntax::ast::UnOp::Recv => "recv",
            };
            format!("({} {})", name, sexp(operand))
        }
        ExprKind::Binary { op, lhs, rhs } => format!("({} {} {})", op.as_str(), sexp(lhs), sexp(rhs)),
        ExprKind::Logical { op, lhs, rhs } => format!("({} {} {})", op.as_str(), sexp(lhs), sexp(rhs)),
        ExprKind::Paren(inner) => format!("(paren {})", sexp(inner)),
    }
}

/// The tree of the single expression `e` (parsed as `_ = e`).
pub fn expr_sexp(source: &str) -> String {
    let chunk = parse_ok(&format!("_ = {}", source));
    match &chunk.body[0].kind {
        StmtKind::Assign { values, .. } if values.len() == 1 => sexp(&values[0]),
        other => panic!("{:?}", other),
    }
}
