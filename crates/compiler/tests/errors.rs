//! Every normative compile error of spec 9.6 that the compiler reports, with its line,
//! plus the implementation limits of spec 16.

fn err(src: &str) -> (u32, String) {
    match compiler::compile_source(src.as_bytes(), "test.gs") {
        Ok(_) => panic!("expected a compile error for:\n{}", src),
        Err(d) => (d.line, d.message),
    }
}

fn ok(src: &str) {
    if let Err(d) = compiler::compile_source(src.as_bytes(), "test.gs") {
        panic!("unexpected error {} for:\n{}", d.with_chunk("test.gs"), src);
    }
}

fn check(src: &str, line: u32, msg: &str) {
    assert_eq!(err(src), (line, msg.to_string()), "source:\n{}", src);
}

#[test]
fn constants() {
    check("const Limit = 10\nLimit = 11\n", 2, "cannot assign to constant 'Limit'");
    check("Limit = 11\nconst Limit = 10\n", 1, "cannot assign to constant 'Limit'");
    check("const A = 1\nfunc f() {\n  A++\n}\n", 3, "cannot assign to constant 'A'");
    check("const A = 1\nA := 2\n", 2, "cannot assign to constant 'A'");
    check("const A = 1\nvar A\n", 2, "cannot assign to constant 'A'");
    check("const A = 1\nfunc A() {}\n", 2, "cannot assign to constant 'A'");
    check("const A = 1\nconst A = 2\n", 2, "cannot assign to constant 'A'");
    check("const A = 1\nx, A = 1, 2\n", 2, "cannot assign to constant 'A'");
    check("const A = 1\nA += 2\n", 2, "cannot assign to constant 'A'");
    check("func f() {\n  const c = 1\n  c = 2\n}\n", 3, "cannot assign to constant 'c'");
    check("func f() {\n  const c = 1\n  g := func() { c++ }\n}\n", 3, "cannot assign to constant 'c'");
    check("func f(ch) {\n  const c = 1\n  select {\n  case c = <-ch:\n  }\n}\n", 4, "cannot assign to constant 'c'");
    // Shadowing by a local is fine; other chunks / _G are not checked.
    ok("const A = 1\nfunc f() { A := 2; A = 3 }\n_G.A = 5\n");
    ok("func f() {\n  const c = 1\n  c := 2\n  c = 3\n}\n");
    ok("{\n  const A = 1\n}\nA = 2\n");
}

#[test]
fn blank_and_vararg() {
    check("x := 1\nprint(_)\n", 2, "cannot use _ as value");
    check("_ += 1\n", 1, "cannot use _ as value");
    check("_++\n", 1, "cannot use _ as value");
    check("func f() {\n  return ...\n}\n", 2, "cannot use '...' outside a vararg function");
    check("func f(a) {\n  g := func(...) { return ... }\n  return {...}\n}\n", 3, "cannot use '...' outside a vararg function");
    ok("print(...)\nfunc f(a, ...) { return ... }\nfunc g(rest...) { return ... }\n");
    ok("_ = 5\n_, b := 1, 2\nfunc f(_, _) { _, x := 1, 2; return x }\n");
}

#[test]
fn break_continue_labels() {
    check("x := 1\nbreak\n", 2, "break is not in a loop, switch, or select");
    check("func f() {\n  continue\n}\n", 2, "continue is not in a loop");
    check("switch {\ncase true:\n  continue\n}\n", 3, "continue is not in a loop");
    check("for {\n  break L\n}\n", 2, "invalid break label L");
    check("L:\nswitch {\ncase true:\n  for {\n    continue L\n  }\n}\n", 5, "invalid continue label L");
    check("L:\nfor {\n  break\n}\nL:\nfor {\n  break\n}\n", 5, "label L already defined");
    check("for {\n  f := func() { break }\n}\n", 2, "break is not in a loop, switch, or select");
    ok("L:\nfor {\n  switch {\n  case true:\n    continue L\n  default:\n    break L\n  }\n}\n");
    ok("for {\n  switch {\n  case true:\n    continue\n  }\n  select {\n  default:\n    break\n  }\n}\n");
    // Labels are per function.
    ok("L:\nfor { break L }\nfunc f() {\n  L:\n  for { break L }\n}\n");
}

#[test]
fn fallthrough() {
    check("switch {\ncase true:\n  fallthrough\n}\n", 3, "cannot fallthrough final case in switch");
    check("switch {\ncase true:\n  if true { fallthrough }\ncase false:\n}\n", 3, "fallthrough statement out of place");
    check("for {\n  fallthrough\n}\n", 2, "fallthrough statement out of place");
    check("select {\ndefault:\n  fallthrough\n}\n", 3, "fallthrough statement out of place");
    ok("switch {\ncase true:\n  fallthrough\ndefault:\n}\n");
}

#[test]
fn too_many_locals() {
    let mut src = String::from("func f() {\n");
    for i in 0..200 {
        src.push_str(&format!("  v{} := {}\n", i, i));
    }
    src.push_str("}\n");
    ok(&src);
    let src = src.replace("}\n", "  extra := 1\n}\n");
    let (line, msg) = err(&src);
    assert_eq!(line, 202);
    assert!(msg.starts_with("too many local variables"), "{}", msg);
}

#[test]
fn too_many_upvalues() {
    let mut src = String::from("func f() {\n");
    for i in 0..256 {
        src.push_str(&format!("  {{ v{} := {}\n", i, i));
    }
    let uses: Vec<String> = (0..255).map(|i| format!("v{}", i)).collect();
    src.push_str(&format!("  g := func() {{ return {} }}\n", uses.join(" + ")));
    src.push_str(&"  }\n".repeat(256));
    src.push_str("}\n");
    // 256 nested blocks exceed the parser's nesting limit; use shadowing instead.
    let mut src = String::from("func f() {\n");
    for i in 0..150 {
        src.push_str(&format!("  a{} := {}\n", i, i));
    }
    src.push_str("  h := func() {\n");
    for i in 0..150 {
        src.push_str(&format!("    b{} := {}\n", i, i));
    }
    let ok_uses: Vec<String> = (0..150).map(|i| format!("a{}", i)).chain((0..105).map(|i| format!("b{}", i))).collect();
    let src_ok = format!("{}    g := func() {{ _ = {} }}\n  }}\n}}\n", src, ok_uses.join("; _ = "));
    ok(&src_ok);
    let bad_uses: Vec<String> = (0..150).map(|i| format!("a{}", i)).chain((0..106).map(|i| format!("b{}", i))).collect();
    let src_bad = format!("{}    g := func() {{ _ = {} }}\n  }}\n}}\n", src, bad_uses.join("; _ = "));
    let (_, msg) = err(&src_bad);
    assert!(msg.starts_with("too many upvalues"), "{}", msg);
}

#[test]
fn too_many_registers() {
    // 200 locals plus a call with 60 arguments exceeds 250 registers.
    let mut src = String::from("func f() {\n");
    for i in 0..200 {
        src.push_str(&format!("  v{} := {}\n", i, i));
    }
    let args: Vec<String> = (0..60).map(|i| i.to_string()).collect();
    src.push_str(&format!("  print({})\n}}\n", args.join(", ")));
    assert_eq!(err(&src), (202, "function or expression needs too many registers".to_string()));
    // A long argument list alone is fine up to the limit.
    let args: Vec<String> = (0..240).map(|i| i.to_string()).collect();
    ok(&format!("print({})\n", args.join(", ")));
}

#[test]
fn big_constructors_and_chains() {
    let items: Vec<String> = (0..1000).map(|i| format!("\"s{}\"", i)).collect();
    ok(&format!("t := {{{}}}\n", items.join(", ")));
    let fields: Vec<String> = (0..400).map(|i| format!("f{}: {}", i, i)).collect();
    ok(&format!("t := {{{}}}\nprint(t.f399, t:f300())\n", fields.join(", ")));
    let sum: Vec<String> = (0..150).map(|i| format!("x{}", i % 7)).collect();
    ok(&format!("y := {}\n", sum.join(" + ")));
    let ors: Vec<String> = (0..150).map(|i| format!("x{}", i % 7)).collect();
    ok(&format!("y := {}\n", ors.join(" || ")));
}
