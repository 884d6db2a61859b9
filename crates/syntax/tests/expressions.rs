//! Expression grammar (spec 3.3), precedence (3.4) and the expression-level
//! disambiguation rules of 3.5 (5, 7, 8, 12).

mod common;

use common::{assert_error, expr_sexp, parse_err, parse_ok, sexp};
use syntax::ast::{ExprKind, StmtKind};

#[test]
fn precedence_examples_from_the_spec() {
    assert_eq!(expr_sexp("-2 ** 2"), "(neg (** 2 2))");
    assert_eq!(expr_sexp("2 ** -1"), "(** 2 (neg 1))");
    assert_eq!(expr_sexp("2 ** 3 ** 2"), "(** 2 (** 3 2))");
    assert_eq!(expr_sexp("#t ** 2"), "(len (** t 2))");
    assert_eq!(expr_sexp("a + b .. c"), "(.. (+ a b) c)");
    assert_eq!(expr_sexp("1 | 2 == 3"), "(== (| 1 2) 3)");
    assert_eq!(expr_sexp("1 << 2 + 1"), "(+ (<< 1 2) 1)");
    assert_eq!(expr_sexp("!a == b"), "(== (not a) b)");
    assert_eq!(expr_sexp("a < b == c"), "(== (< a b) c)");
    assert_eq!(expr_sexp("a + b & c"), "(+ a (& b c))");
    assert_eq!(expr_sexp("\"n\" .. 1 + 2"), "(.. \"n\" (+ 1 2))");
    assert_eq!(expr_sexp("!nil == true"), "(== (not nil) true)");
}

#[test]
fn every_level_and_associativity() {
    assert_eq!(expr_sexp("a || b && c"), "(|| a (&& b c))");
    assert_eq!(expr_sexp("a && b || c"), "(|| (&& a b) c)");
    assert_eq!(expr_sexp("a || b || c"), "(|| (|| a b) c)");
    assert_eq!(expr_sexp("a && b == c"), "(&& a (== b c))");
    assert_eq!(expr_sexp("a == b .. c"), "(== a (.. b c))");
    assert_eq!(expr_sexp("a .. b .. c"), "(.. a (.. b c))");
    assert_eq!(expr_sexp("a - b - c"), "(- (- a b) c)");
    assert_eq!(expr_sexp("a - b * c"), "(- a (* b c))");
    assert_eq!(expr_sexp("a / b % c"), "(% (/ a b) c)");
    assert_eq!(expr_sexp("a ^ b | c"), "(| (^ a b) c)");
    assert_eq!(expr_sexp("a &^ b >> c"), "(>> (&^ a b) c)");
    assert_eq!(expr_sexp("-a * b"), "(* (neg a) b)");
    assert_eq!(expr_sexp("- -a"), "(neg (neg a))");
    assert_eq!(expr_sexp("^a"), "(bnot a)");
    assert_eq!(expr_sexp("!!a"), "(not (not a))");
    assert_eq!(expr_sexp("#a.b"), "(len (. a b))");
    assert_eq!(expr_sexp("<-ch + 1"), "(+ (recv ch) 1)");
    assert_eq!(expr_sexp("<-<-ch"), "(recv (recv ch))");
    assert_eq!(expr_sexp("a ** b.c(d)"), "(** a (call (. b c) d))");
    assert_eq!(expr_sexp("2 ** -#t ** 2"), "(** 2 (neg (len (** t 2))))");
    for (op, name) in [("==", "=="), ("!=", "!="), ("<", "<"), ("<=", "<="), (">", ">"), (">=", ">=")] {
        assert_eq!(expr_sexp(&format!("a {} b", op)), format!("({} a b)", name));
    }
    assert_eq!(expr_sexp("(a + b) * c"), "(* (paren (+ a b)) c)");
    // Newlines after a binary operator continue the expression.
    assert_eq!(expr_sexp("1 +\n 2"), "(+ 1 2)");
}

#[test]
fn operands() {
    assert_eq!(expr_sexp("nil"), "nil");
    assert_eq!(expr_sexp("true"), "true");
    assert_eq!(expr_sexp("false"), "false");
    assert_eq!(expr_sexp("42"), "42");
    assert_eq!(expr_sexp("1.5"), "1.5");
    assert_eq!(expr_sexp("'a'"), "97");
    assert_eq!(expr_sexp("\"s\""), "\"s\"");
    assert_eq!(expr_sexp("`r`"), "\"r\"");
    assert_eq!(expr_sexp("..."), "...");
    assert_eq!(expr_sexp("x"), "x");
    assert_eq!(expr_sexp("(x)"), "(paren x)");
    assert_eq!(expr_sexp("((x))"), "(paren (paren x))");
    assert_eq!(expr_sexp("func(a, b) { return a }"), "(func 2 1)");
    assert_eq!(expr_sexp("{}"), "{}");
    assert_eq!(expr_sexp("-9223372036854775808"), "(neg 9.223372036854776e18)");
}

#[test]
fn postfix_suffixes() {
    assert_eq!(expr_sexp("a.b[c](d):e(f)"), "(method (call (index (. a b) c) d) e f)");
    assert_eq!(expr_sexp("t.go"), "(. t go)");
    assert_eq!(expr_sexp("t.default.select.func"), "(. (. (. t default) select) func)");
    assert_eq!(expr_sexp("obj:select(1)"), "(method obj select 1)");
    assert_eq!(expr_sexp("\"abc\":upper()"), "(method \"abc\" upper)");
    assert_eq!(expr_sexp("(\"hi\"):rep(3, \"-\")"), "(method (paren \"hi\") rep 3 \"-\")");
    assert_eq!(expr_sexp("f()()"), "(call (call f))");
    assert_eq!(expr_sexp("{1}[1]"), "(index {1} 1)");
    assert_eq!(expr_sexp("func() {}()"), "(call (func 0 0))");
    assert_eq!(expr_sexp("1 .x"), "(. 1 x)");
    assert_eq!(expr_sexp("...[1]"), "(index ... 1)");
    // Keywords are not method names.
    assert_eq!(parse_err("_ = obj:go()").message, "<name> expected near 'go'");
    assert_eq!(parse_err("_ = obj:m").message, "function arguments expected near <eof>");
    assert_eq!(parse_err("_ = a.1").message, "';' expected near '.1'"); // `.1` is a number
}

#[test]
fn call_arguments_and_spread() {
    assert_eq!(expr_sexp("f()"), "(call f)");
    assert_eq!(expr_sexp("f(a, b,)"), "(call f a b)");
    assert_eq!(expr_sexp("f(a, t...)"), "(call f a t ...)");
    assert_eq!(expr_sexp("f(t...,)"), "(call f t ...)");
    assert_eq!(expr_sexp("f(...)"), "(call f ...)");
    assert_eq!(expr_sexp("f(... ...)"), "(call f ... ...)");
    assert_eq!(expr_sexp("o:m(a, t...)"), "(method o m a t ...)");
    assert_eq!(expr_sexp("f(\n a,\n b\n)"), "(call f a b)");
    // A spread must be last.
    assert_eq!(parse_err("f(t..., 1)").message, "')' expected near '1'");
    assert_eq!(parse_err("f(,)").message, "unexpected symbol near ','");
    let d = parse_err("f(a,\n b");
    assert_eq!((d.message.as_str(), d.incomplete), ("')' expected (to close '(' at line 1) near <eof>", true));
}

#[test]
fn table_constructors() {
    assert_eq!(
        expr_sexp("{\"a\", \"b\", name: \"x\", \"with space\": 1, [k]: 2, [1 + 1]: \"B\"}"),
        "{\"a\", \"b\", name: \"x\", with space: 1, [k]: 2, [(+ 1 1)]: \"B\"}"
    );
    assert_eq!(expr_sexp("{a: 1; b: 2;}"), "{a: 1, b: 2}");
    assert_eq!(expr_sexp("{1, 2,}"), "{1, 2}");
    assert_eq!(expr_sexp("{\n a: 1\n b: 2\n}"), "{a: 1, b: 2}");
    assert_eq!(expr_sexp("{`raw`: 1}"), "{raw: 1}");
    assert_eq!(expr_sexp("{{}, {{}}}"), "{{}, {{}}}");
    // Rule 5: `name:` and `"str":` start keyed fields, so these are not method calls.
    assert_eq!(expr_sexp("{obj:m()}"), "{obj: (call m)}");
    assert_eq!(expr_sexp("{\"abc\":upper()}"), "{abc: (call upper)}");
    assert_eq!(expr_sexp("{(obj:m())}"), "{(paren (method obj m))}");
    assert_eq!(expr_sexp("{a + obj:m()}"), "{(+ a (method obj m))}");
    assert_eq!(expr_sexp("{f(x)}"), "{(call f x)}");
    assert_eq!(expr_sexp("{...}"), "{...}");
    // Keywords are not bare keys; separators cannot lead.
    assert_eq!(parse_err("t := {go: 1}").message, "unexpected symbol near 'go'");
    assert_eq!(parse_err("t := {, 1}").message, "unexpected symbol near ','");
    assert_eq!(parse_err("t := {1 2}").message, "'}' expected near '2'");
    assert_eq!(parse_err("t := {[1] 2}").message, "':' expected near '2'");
    let d = parse_err("t := {\n1,\n");
    assert_eq!((d.message.as_str(), d.line, d.incomplete), ("'}' expected (to close '{' at line 1) near <eof>", 3, true));
}

#[test]
fn function_literals() {
    let chunk = parse_ok("f := func(a, b, rest...) { return a }\ng := func(...) {}\nh := func(a,\n b,\n) {}");
    let lit = |i: usize| match &chunk.body[i].kind {
        StmtKind::ShortVarDecl { values, .. } => match &values[0].kind {
            ExprKind::Func(f) => f.clone(),
            other => panic!("{:?}", other),
        },
        other => panic!("{:?}", other),
    };
    let f = lit(0);
    assert_eq!(f.params.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    assert!(f.variadic);
    assert_eq!(f.rest.as_ref().unwrap().name, "rest");
    assert_eq!((f.span.line, f.span.col), (1, 6));
    let g = lit(1);
    assert!(g.variadic && g.rest.is_none() && g.params.is_empty());
    let h = lit(2);
    assert_eq!(h.params.len(), 2);
    assert!(!h.variadic);
    assert_eq!(h.body.close.line, 5);
    // Duplicates (except `_`) are errors at the duplicate's line.
    assert_error("f := func(a, b,\n a) {}", "duplicate argument 'a'", 2);
    assert_error("func f(x, x...) {}", "duplicate argument 'x'", 1);
    parse_ok("f := func(_, _, _...) {}");
    // `...` must be last.
    assert_eq!(parse_err("f := func(..., a) {}").message, "')' expected near 'a'");
    assert_eq!(parse_err("f := func(a... , b) {}").message, "')' expected near 'b'");
    assert_eq!(parse_err("f := func(1) {}").message, "<name> expected near '1'");
    assert_eq!(parse_err("f := func() 1").message, "'{' expected near '1'");
}

#[test]
fn make_chan() {
    assert_eq!(expr_sexp("make(chan)"), "(makechan)");
    assert_eq!(expr_sexp("make(chan, 10)"), "(makechan 10)");
    assert_eq!(expr_sexp("make(chan, n + 1)"), "(makechan (+ n 1))");
    // Rule 8: otherwise `make` is an ordinary identifier.
    assert_eq!(expr_sexp("make(1)"), "(call make 1)");
    assert_eq!(expr_sexp("make"), "make");
    assert_eq!(expr_sexp("t.make(chan1)"), "(call (. t make) chan1)");
    assert_eq!(parse_err("_ = chan").message, "unexpected symbol near 'chan'");
    assert_eq!(parse_err("_ = make(chan, 1, 2)").message, "')' expected near ','");
    assert_eq!(parse_err("_ = make(chan int)").message, "')' expected near 'int'");
}

#[test]
fn select_as_identifier() {
    assert_eq!(expr_sexp("select(\"#\", ...)"), "(call select \"#\" ...)");
    let chunk = parse_ok("select(\"#\")\nn := select(2, a, b)\nfunc select(x) {}");
    assert!(matches!(chunk.body[0].kind, StmtKind::Expr(_)));
    assert!(matches!(chunk.body[2].kind, StmtKind::FuncDecl { ref name, .. } if name.name == "select"));
    assert_eq!(parse_err("x := select").message, "unexpected symbol near 'select'");
}

#[test]
fn expression_errors() {
    assert_eq!(parse_err("x := ").message, "unexpected symbol near <eof>");
    assert!(parse_err("x := ").incomplete);
    assert_eq!(parse_err("x := )").message, "unexpected symbol near ')'");
    assert_eq!(parse_err("x := 1 +\n").message, "unexpected symbol near <eof>");
    assert_error("x := (1\n+ 2\n", "')' expected (to close '(' at line 1) near <eof>", 3);
    assert_eq!(parse_err("x := a[1").message, "']' expected near <eof>");
    assert_eq!(parse_err("x := a.").message, "<name> expected near <eof>");
    // An inserted semicolon is reported as <newline> on the line of the token before it.
    let d = parse_err("x := f\n(1)");
    assert_eq!((d.message.as_str(), d.line), ("syntax error: expression is not a statement", 2));
    let d = parse_err("if x\n{\n}");
    assert_eq!((d.message.as_str(), d.line, d.incomplete), ("'{' expected near <newline>", 1, false));
}

#[test]
fn expression_spans() {
    let chunk = parse_ok("x := a +\n  f(b)");
    match &chunk.body[0].kind {
        StmtKind::ShortVarDecl { values, .. } => {
            let e = &values[0];
            assert_eq!((e.span.lo, e.span.hi, e.span.line, e.span.col), (5, 15, 1, 6));
            match &e.kind {
                ExprKind::Binary { rhs, .. } => match &rhs.kind {
                    ExprKind::Call { open, .. } => assert_eq!((open.line, open.col), (2, 4)),
                    other => panic!("{:?}", other),
                },
                other => panic!("{:?}", other),
            }
        }
        other => panic!("{:?}", other),
    }
    let _ = sexp;
}
