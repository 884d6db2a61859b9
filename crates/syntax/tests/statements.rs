//! Statement grammar (spec 3.2), the statement-level disambiguation rules of 3.5 (1, 2,
//! 3, 4, 6, 9, 10, 11, 12), the normative compile errors of 9.6 and error positions.

mod common;

use common::{assert_error, parse_err, parse_ok, sexp};
use syntax::ast::*;

fn only_stmt(source: &str) -> StmtKind {
    let mut chunk = parse_ok(source);
    assert_eq!(chunk.body.len(), 1, "{:#?}", chunk.body);
    chunk.body.remove(0).kind
}

#[test]
fn expression_statements() {
    for src in ["f()", "o:m(1)", "<-ch", "(f())", "((<-ch))", "a.b[c](d)", "func() {}()", "go_(1)", "f()()"] {
        assert!(matches!(only_stmt(src), StmtKind::Expr(_)), "{}", src);
    }
    // Rule 6: anything else is not a statement.
    for (src, line) in [("x", 1), ("\n1 + f()", 2), ("a.b", 1), ("(x)", 1), ("-f()", 1), ("f() + 1", 1), ("...", 1),
        ("func() {}", 1), ("func (a) {}", 1), ("\"s\"", 1), ("{1}", 1), ("x\n", 1)] {
        if src == "{1}" {
            // Rule 3: a `{` starts a block, whose first statement `1` is the error.
            assert_error(src, "syntax error: expression is not a statement", line);
            continue;
        }
        assert_error(src, "syntax error: expression is not a statement", line);
    }
}

#[test]
fn send_and_incdec() {
    match only_stmt("ch <- v + 1") {
        StmtKind::Send { chan, value } => assert_eq!((sexp(&chan), sexp(&value)), ("ch".into(), "(+ v 1)".into())),
        other => panic!("{:?}", other),
    }
    match only_stmt("t[1] <- <-c") {
        StmtKind::Send { value, .. } => assert_eq!(sexp(&value), "(recv c)"),
        other => panic!("{:?}", other),
    }
    for (src, inc) in [("x++", true), ("t.a--", false), ("t[i]++", true)] {
        assert!(matches!(only_stmt(src), StmtKind::IncDec { inc: i, .. } if i == inc), "{}", src);
    }
    assert_eq!(parse_err("f()++").message, "syntax error near '++'");
    assert_eq!(parse_err("1--").message, "syntax error near '--'");
    assert_eq!(parse_err("a, b++").message, "'=' expected near '++'");
    assert_eq!(parse_err("x++ + 1").message, "';' expected near '+'");
}

#[test]
fn assignments() {
    match only_stmt("a, t.b, t[c] = 1, 2, f()") {
        StmtKind::Assign { targets, values } => {
            assert_eq!(targets.iter().map(sexp).collect::<Vec<_>>(), ["a", "(. t b)", "(index t c)"]);
            assert_eq!(values.len(), 3);
        }
        other => panic!("{:?}", other),
    }
    let ops = [
        ("+=", BinOp::Add),
        ("-=", BinOp::Sub),
        ("*=", BinOp::Mul),
        ("/=", BinOp::Div),
        ("%=", BinOp::Mod),
        ("**=", BinOp::Pow),
        ("..=", BinOp::Concat),
        ("&=", BinOp::BAnd),
        ("|=", BinOp::BOr),
        ("^=", BinOp::BXor),
        ("&^=", BinOp::BAndNot),
        ("<<=", BinOp::Shl),
        (">>=", BinOp::Shr),
    ];
    for (text, op) in ops {
        match only_stmt(&format!("t.x {} 2", text)) {
            StmtKind::CompoundAssign { op: got, target, value } => {
                assert_eq!(got, op);
                assert_eq!((sexp(&target), sexp(&value)), ("(. t x)".into(), "2".into()));
            }
            other => panic!("{:?}", other),
        }
    }
    assert_eq!(parse_err("a, b += 1").message, "'=' expected near '+='");
    assert_eq!(parse_err("f() = 1").message, "syntax error near '='");
    assert_eq!(parse_err("(a) = 1").message, "syntax error near '='");
    assert_eq!(parse_err("a, 1 = 1, 2").message, "syntax error near '='");
    assert_eq!(parse_err("(a) += 1").message, "syntax error near '+='");
    assert_eq!(parse_err("a =").message, "unexpected symbol near <eof>");
    assert_eq!(parse_err("a, b").message, "'=' expected near <eof>");
}

#[test]
fn declarations() {
    match only_stmt("a, _, b := 1, 2") {
        StmtKind::ShortVarDecl { names, values } => {
            assert_eq!(names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(), ["a", "_", "b"]);
            assert_eq!(values.len(), 2);
        }
        other => panic!("{:?}", other),
    }
    assert!(matches!(only_stmt("var a"), StmtKind::VarDecl { ref names, ref values } if names.len() == 1 && values.is_empty()));
    assert!(matches!(only_stmt("var a, b = 1, 2"), StmtKind::VarDecl { ref values, .. } if values.len() == 2));
    assert!(matches!(only_stmt("const A, B = 1, f()"), StmtKind::ConstDecl { ref values, .. } if values.len() == 2));
    // Rule 9, reported on the line of the offending target.
    assert_error("x := 1\na.b := 2", "non-name on left side of :=", 2);
    assert_error("a, t[1] := 1, 2", "non-name on left side of :=", 1);
    assert_error("(a) := 1", "non-name on left side of :=", 1);
    assert_error("a,\n f() := 1", "non-name on left side of :=", 2);
    assert_eq!(parse_err("const A").message, "'=' expected near <eof>");
    assert_eq!(parse_err("var 1").message, "<name> expected near '1'");
    assert_eq!(parse_err("var go = 1").message, "<name> expected near 'go'");
    assert_eq!(parse_err("var a,").message, "<name> expected near <eof>");
}

#[test]
fn function_declarations() {
    match only_stmt("func add(a, b) {\n return a + b\n}") {
        StmtKind::FuncDecl { name, func } => {
            assert_eq!(name.name, "add");
            assert_eq!(func.params.len(), 2);
            assert_eq!((func.span.line, func.span.col), (1, 1));
            assert_eq!(func.body.close.line, 3);
        }
        other => panic!("{:?}", other),
    }
    // Rule 1: `func (` is an expression statement (an immediately called literal).
    assert!(matches!(only_stmt("func() { }()"), StmtKind::Expr(_)));
    assert!(matches!(only_stmt("func(a) { }(1)"), StmtKind::Expr(_)));
    assert_eq!(parse_err("func a.b() {}").message, "'(' expected near '.'");
    assert_eq!(parse_err("func f() {").message, "'}' expected near <eof>");
}

#[test]
fn labels_and_method_calls() {
    // Rule 2.
    match only_stmt("outer:\nfor {\n break outer\n}") {
        StmtKind::For(f) => assert_eq!(f.label.unwrap().name, "outer"),
        other => panic!("{:?}", other),
    }
    match only_stmt("L: switch { }") {
        StmtKind::Switch(s) => assert_eq!(s.label.unwrap().name, "L"),
        other => panic!("{:?}", other),
    }
    match only_stmt("L:\n\n select { }") {
        StmtKind::Select(s) => assert_eq!(s.label.unwrap().name, "L"),
        other => panic!("{:?}", other),
    }
    match only_stmt("wg:add(1)") {
        StmtKind::Expr(e) => assert_eq!(sexp(&e), "(method wg add 1)"),
        other => panic!("{:?}", other),
    }
    match only_stmt("x:\n  m()") {
        StmtKind::Expr(e) => assert_eq!(sexp(&e), "(method x m)"),
        other => panic!("{:?}", other),
    }
    match only_stmt("x:select(1)") {
        StmtKind::Expr(e) => assert_eq!(sexp(&e), "(method x select 1)"),
        other => panic!("{:?}", other),
    }
    // An identifier after the colon always means a method call.
    assert_error("L: x := 1", "function arguments expected near ':='", 1);
    for src in ["L: if x {}", "L: { }", "L:", "L: 1", "L: return", "L: go f()", "L: (f())", "L: <-ch"] {
        assert_error(src, "label must precede for, switch or select", 1);
    }
    assert_error("x := 1\n\nL:\n", "label must precede for, switch or select", 3);
    // A method name must be an identifier.
    assert_error("obj:go()", "label must precede for, switch or select", 1);
}

#[test]
fn if_statements() {
    let src = "if v, ok := f(); ok && v > 40 {\n a()\n} elseif v == nil {\n b()\n} else if v > 0 {\n c()\n}\nelse {\n d()\n}";
    match only_stmt(src) {
        StmtKind::If(i) => {
            assert!(matches!(i.init, Some(Stmt { kind: StmtKind::ShortVarDecl { .. }, .. })));
            assert_eq!(sexp(&i.cond), "(&& ok (> v 40))");
            let Some(Else::If(second, span)) = &i.els else { panic!() };
            assert_eq!(span.line, 3);
            assert!(second.init.is_none());
            let Some(Else::If(third, _)) = &second.els else { panic!() };
            assert!(matches!(third.els, Some(Else::Block(_))));
        }
        other => panic!("{:?}", other),
    }
    assert!(matches!(only_stmt("if f(); x {}"), StmtKind::If(ref i) if i.init.is_some()));
    assert!(matches!(only_stmt("if x++; x {}"), StmtKind::If(ref i) if i.init.is_some()));
    // Everywhere but right after for/switch (and their `;`), `{` in operand position is a table.
    assert!(matches!(only_stmt("if {a: 1}.a {}"), StmtKind::If(_)));
    assert_error("if x; y; z {}", "syntax error: expression is not a statement", 1);
    assert_error("if x := 1 {}", "';' expected near '{'", 1);
    assert_error("if x\n{}", "'{' expected near <newline>", 1);
    assert_error("if x {} else y {}", "'{' expected near 'y'", 1);
    let d = parse_err("if x");
    assert_eq!((d.message.as_str(), d.incomplete), ("'{' expected near <eof>", true));
    assert_error("if {}", "'{' expected near <eof>", 1); // `{}` is a table: the condition
}

#[test]
fn switch_statements() {
    let src = "switch x := 5; x {\ncase 1, 2, 3:\n    print(\"low\")\ncase 4, 5:\n    fallthrough\ndefault:\ncase 6:\n}";
    match only_stmt(src) {
        StmtKind::Switch(s) => {
            assert!(s.init.is_some());
            assert_eq!(sexp(s.tag.as_ref().unwrap()), "x");
            assert_eq!(s.clauses.len(), 4);
            assert_eq!(s.clauses[0].exprs.len(), 3);
            assert!(matches!(s.clauses[1].body[0].kind, StmtKind::Fallthrough));
            assert!(s.clauses[2].is_default && s.clauses[2].body.is_empty());
            assert_eq!(s.clauses[3].span.line, 7);
            assert_eq!(s.close.line, 8);
        }
        other => panic!("{:?}", other),
    }
    // Rule 4: `{` right after `switch` or after the header `;` begins the body.
    assert!(matches!(only_stmt("switch {}"), StmtKind::Switch(ref s) if s.tag.is_none() && s.init.is_none()));
    assert!(matches!(only_stmt("switch x := f(); {}"), StmtKind::Switch(ref s) if s.tag.is_none() && s.init.is_some()));
    assert!(matches!(only_stmt("switch f(); {}"), StmtKind::Switch(ref s) if s.tag.is_none() && s.init.is_some()));
    assert_error("switch {1, 2}[1] {}", "'}' expected near '1'", 1);
    // A table constructor in the tag is fine when it is not first.
    assert!(matches!(only_stmt("switch #{1, 2} {}"), StmtKind::Switch(ref s) if s.tag.is_some()));
    // Rule 10: `:` at depth 0 ends a case list.
    match only_stmt("switch {\ncase x:\n    name(1)\ncase (obj:kind()):\ncase f(o:m()), {o:1}:\n}") {
        StmtKind::Switch(s) => {
            assert_eq!(sexp(&s.clauses[0].exprs[0]), "x");
            assert!(matches!(s.clauses[0].body[0].kind, StmtKind::Expr(_)));
            assert_eq!(sexp(&s.clauses[1].exprs[0]), "(paren (method obj kind))");
            assert_eq!(sexp(&s.clauses[2].exprs[0]), "(call f (method o m))");
            assert_eq!(sexp(&s.clauses[2].exprs[1]), "{o: 1}");
        }
        other => panic!("{:?}", other),
    }
    // Case bodies may follow on the same line, and the next case ends them.
    assert!(matches!(only_stmt("switch x { case 1: f() case 2: g(); h() }"), StmtKind::Switch(ref s) if s.clauses.len() == 2));
    assert!(matches!(only_stmt("switch x { case 1: x:m() }"), StmtKind::Switch(_)));
    assert_error("switch {\ndefault:\ncase 1:\ndefault:\n}", "multiple defaults in switch", 4);
    assert_error("switch x {\n f()\n}", "'}' expected (to close '{' at line 1) near 'f'", 2);
    assert_error("switch { case 1 }", "':' expected near '}'", 1);
    assert_error("switch x := 1 {}", "';' expected near '{'", 1);
    assert_error("case 1:", "'<eof>' expected near 'case'", 1);
    assert_error("{ default: }", "'}' expected near 'default'", 1);
}

#[test]
fn select_statements() {
    let src = "select {\ncase v := <-ch:\ncase v, ok := <-ch:\ncase v = <-ch:\ncase t[1], t.ok = <-f():\ncase <-ch:\ncase ch <- 1 + 2:\ndefault:\n    f()\n}";
    match only_stmt(src) {
        StmtKind::Select(s) => {
            let c = &s.clauses;
            assert_eq!(c.len(), 7);
            assert!(matches!(&c[0].comm, CommCase::Recv { targets: RecvTargets::Declare(n), chan } if n.len() == 1 && sexp(chan) == "ch"));
            assert!(matches!(&c[1].comm, CommCase::Recv { targets: RecvTargets::Declare(n), .. } if n.len() == 2));
            assert!(matches!(&c[2].comm, CommCase::Recv { targets: RecvTargets::Assign(t), .. } if t.len() == 1));
            assert!(matches!(&c[3].comm, CommCase::Recv { targets: RecvTargets::Assign(t), chan } if t.len() == 2 && sexp(chan) == "(call f)"));
            assert!(matches!(&c[4].comm, CommCase::Recv { targets: RecvTargets::None, .. }));
            assert!(matches!(&c[5].comm, CommCase::Send { chan, value } if sexp(chan) == "ch" && sexp(value) == "(+ 1 2)"));
            assert!(matches!(&c[6].comm, CommCase::Default));
            assert_eq!(c[6].body.len(), 1);
            assert_eq!(c[6].span.line, 8);
        }
        other => panic!("{:?}", other),
    }
    assert!(matches!(only_stmt("select {}"), StmtKind::Select(ref s) if s.clauses.is_empty()));
    // Rule 11 and the receive form.
    assert_error("select {\ncase a, b, c := <-ch:\n}", "too many targets in receive statement", 2);
    assert_error("select {\ncase a.b := <-ch:\n}", "non-name on left side of :=", 2);
    assert_error("select {\ncase f() = <-ch:\n}", "syntax error near '='", 2);
    assert_error("select {\ncase v := (<-ch):\n}", "select case must be receive, send or assign recv", 2);
    assert_error("select {\ncase v := <-ch + 1:\n}", "select case must be receive, send or assign recv", 2);
    assert_error("select {\ncase x:\n}", "select case must be receive, send or assign recv", 2);
    assert_error("select {\ncase a, b:\n}", "'=' or ':=' expected near ':'", 2);
    assert_error("select {\ndefault:\ndefault:\n}", "multiple defaults in select", 3);
    assert_error("select x {}", "'{' expected near 'x'", 1);
}

#[test]
fn for_statements() {
    assert!(matches!(only_stmt("for {}"), StmtKind::For(ref f) if f.kind == ForKind::Infinite));
    assert!(matches!(only_stmt("for n < 5 { n += 2 }"), StmtKind::For(ref f) if matches!(f.kind, ForKind::Cond(_))));
    match only_stmt("for i := 0; i < 10; i++ {}") {
        StmtKind::For(f) => match f.kind {
            ForKind::Clause { init: Some(_), cond: Some(_), post: Some(_) } => {}
            other => panic!("{:?}", other),
        },
        other => panic!("{:?}", other),
    }
    for (src, has) in [
        ("for ;; {}", (false, false, false)),
        ("for ; ; {}", (false, false, false)),
        ("for i := 0; i < n; {}", (true, true, false)),
        ("for ; i < n; i++ {}", (false, true, true)),
        ("for f(); ; a, b = b, a {}", (true, false, true)),
        ("for x = 1; ; x <- 1 {}", (true, false, true)),
    ] {
        match only_stmt(src) {
            StmtKind::For(f) => match f.kind {
                ForKind::Clause { init, cond, post } => {
                    assert_eq!((init.is_some(), cond.is_some(), post.is_some()), has, "{}", src)
                }
                other => panic!("{}: {:?}", src, other),
            },
            other => panic!("{:?}", other),
        }
    }
    match only_stmt("for k, v := range t {}") {
        StmtKind::For(f) => match f.kind {
            ForKind::Range { names, exprs } => assert_eq!((names.len(), exprs.len()), (2, 1)),
            other => panic!("{:?}", other),
        },
        other => panic!("{:?}", other),
    }
    match only_stmt("for range iter, 3, 0 {}") {
        StmtKind::For(f) => match f.kind {
            ForKind::Range { names, exprs } => assert_eq!((names.len(), exprs.len()), (0, 3)),
            other => panic!("{:?}", other),
        },
        other => panic!("{:?}", other),
    }
    // Rule 4: a table constructor after `range`.
    match only_stmt("for _, v := range {1, 2} { io.write(v) }") {
        StmtKind::For(f) => match f.kind {
            ForKind::Range { exprs, .. } => assert_eq!(sexp(&exprs[0]), "{1, 2}"),
            other => panic!("{:?}", other),
        },
        other => panic!("{:?}", other),
    }
    assert!(matches!(only_stmt("for x == #{1} {}"), StmtKind::For(_)));
    assert_error("for i := 0; i < 3; j := 1 {}", "cannot declare in post statement of for loop", 1);
    assert_error("for a.b := range t {}", "non-name on left side of :=", 1);
    assert_error("for k, v = range t {}", "unexpected symbol near 'range'", 1);
    assert_error("for i := 0; i < 3 {}", "';' expected near '{'", 1);
    assert_error("for i := 0; {}", "';' expected near '{'", 1);
    assert_error("for i := 0; i < 3; i++\n{}", "'{' expected near <newline>", 1);
    assert_error("for x\n{}", "'{' expected near <newline>", 1);
    assert_error("for x := 1 {}", "';' expected near '{'", 1);
    let d = parse_err("for i := 0; i < 3; i++ {\n");
    assert_eq!((d.message.as_str(), d.line, d.incomplete), ("'}' expected (to close '{' at line 1) near <eof>", 2, true));
}

#[test]
fn jumps_and_returns() {
    assert!(matches!(only_stmt("return"), StmtKind::Return(ref v) if v.is_empty()));
    assert!(matches!(only_stmt("return 1, f()"), StmtKind::Return(ref v) if v.len() == 2));
    let chunk = parse_ok("func f() {\n return\n}\nfunc g() { return }\nfunc h() { if x { return } else { return 1 } }");
    assert_eq!(chunk.body.len(), 3);
    // `return` then newline returns no values: the next line is a new statement.
    let chunk = parse_ok("func f() {\n return\n g()\n}");
    match &chunk.body[0].kind {
        StmtKind::FuncDecl { func, .. } => assert_eq!(func.body.stmts.len(), 2),
        other => panic!("{:?}", other),
    }
    assert!(matches!(only_stmt("break"), StmtKind::Break(None)));
    assert!(matches!(only_stmt("break outer"), StmtKind::Break(Some(ref n)) if n.name == "outer"));
    assert!(matches!(only_stmt("continue"), StmtKind::Continue(None)));
    assert!(matches!(only_stmt("continue L"), StmtKind::Continue(Some(_))));
    assert!(matches!(only_stmt("fallthrough"), StmtKind::Fallthrough));
    assert!(matches!(only_stmt("switch x { case 1: return case 2: }"), StmtKind::Switch(ref s) if s.clauses.len() == 2));
    assert_error("x := 1\ngoto L", "goto is not supported", 2);
    assert_error("goto", "goto is not supported", 1);
}

#[test]
fn go_and_defer() {
    assert!(matches!(only_stmt("go f(1)"), StmtKind::Go(Expr { kind: ExprKind::Call { .. }, .. })));
    assert!(matches!(only_stmt("go wg:done()"), StmtKind::Go(Expr { kind: ExprKind::MethodCall { .. }, .. })));
    assert!(matches!(only_stmt("defer func() { f() }()"), StmtKind::Defer(Expr { kind: ExprKind::Call { .. }, .. })));
    assert!(matches!(only_stmt("defer mu:unlock()"), StmtKind::Defer(_)));
    assert_error("x := 1\ngo x", "expression in go must be function call", 2);
    assert_error("go func() {}", "expression in go must be function call", 1);
    assert_error("go (f())", "expression in go must be function call", 1);
    assert_error("defer\n  f() + 1", "expression in defer must be function call", 1);
    assert_error("defer <-ch", "expression in defer must be function call", 1);
    assert_error("go", "unexpected symbol near <eof>", 1);
}

#[test]
fn blocks_and_separators() {
    match only_stmt("{\n x := 1\n { f() }\n}") {
        StmtKind::Block(b) => {
            assert_eq!(b.stmts.len(), 2);
            assert_eq!((b.span.line, b.close.line), (1, 4));
        }
        other => panic!("{:?}", other),
    }
    // Empty statements are dropped.
    assert_eq!(parse_ok(";;f();;;g();").body.len(), 2);
    assert_eq!(parse_ok("").body.len(), 0);
    assert_eq!(parse_ok("\n\n// only a comment\n").body.len(), 0);
    assert_eq!(parse_ok("{}").body.len(), 1);
    // Statements on one line need `;`.
    assert_error("f() g()", "';' expected near 'g'", 1);
    assert_error("x := 1 y := 2", "';' expected near 'y'", 1);
    assert_error("f()\n}", "'<eof>' expected near '}'", 2);
    assert_error("{\n", "'}' expected (to close '{' at line 1) near <eof>", 2);
    assert_error("else", "unexpected symbol near 'else'", 1);
}

#[test]
fn statement_spans() {
    let chunk = parse_ok("a := 1\n\n  b.c = f(\n 2)\nfor {\n}\n");
    assert_eq!((chunk.body[0].span.line, chunk.body[0].span.lo, chunk.body[0].span.hi), (1, 0, 6));
    assert_eq!((chunk.body[1].span.line, chunk.body[1].span.col), (3, 3));
    assert_eq!(chunk.body[1].span.hi as usize, "a := 1\n\n  b.c = f(\n 2)".len());
    assert_eq!(chunk.body[2].span.line, 5);
    assert_eq!((chunk.eof.line, chunk.eof.lo), (7, 31));
    assert_eq!(parse_ok("f()").eof.line, 1);
}

#[test]
fn incomplete_flag() {
    for src in ["func f() {", "if x {\n", "x := \"abc", "x := `abc\n", "/* c", "f(", "x := 1 +", "1 +", "t := {", "if x",
        "for i := 0; i < 3; i++", "switch {\ncase 1:", "x :=", "select {", "f(a,\n"] {
        let d = parse_err(src);
        assert!(d.incomplete, "{:?} -> {:?}", src, d);
    }
    for src in ["x := )", "f() g()", "x := \"abc\n\"", "goto x", "x := 12ab", "}", "if x\n{"] {
        let d = parse_err(src);
        assert!(!d.incomplete, "{:?} -> {:?}", src, d);
    }
}

#[test]
fn diagnostic_rendering() {
    let src = b"x := 1\ny := (2 +\n  )\n";
    let d = syntax::parse(src).unwrap_err();
    assert_eq!(d.with_chunk("test.gs"), "test.gs:3: unexpected symbol near ')'");
    assert_eq!((d.line, d.col), (3, 3));
    let rendered = d.render("test.gs", src);
    assert!(rendered.contains("   3 |   )\n"), "{}", rendered);
}
