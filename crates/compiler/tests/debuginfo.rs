//! Debug information (lines, locals, upvalue names, function lines), RETURN rewriting
//! for functions with `defer`, and robustness on deeply nested input.

use compiler::{Op, Proto};
use std::rc::Rc;

fn compile(src: &str) -> Rc<Proto> {
    match compiler::compile_source(src.as_bytes(), "test.gs") {
        Ok(p) => p,
        Err(d) => panic!("{}\n{}", d.with_chunk("test.gs"), src),
    }
}

fn find(p: &Proto, op: Op) -> Vec<usize> {
    (0..p.code.len()).filter(|&pc| p.code[pc].op() == op).collect()
}

#[test]
fn call_line_is_open_paren() {
    let p = compile("x := 1\nprint(\n  x,\n  2)\nobj:m(\n  1)\n");
    let calls = find(&p, Op::CALL);
    assert_eq!(calls.len(), 2);
    assert_eq!(p.lines[calls[0]], 2);
    assert_eq!(p.lines[calls[1]], 5);
    let selfs = find(&p, Op::SELF);
    assert_eq!(p.lines[selfs[0]], 5);
    assert_eq!(p.lines.len(), p.code.len());
}

#[test]
fn tail_call_line() {
    let p = compile("func f(n) {\n  return f(\n    n - 1)\n}\n");
    let f = &p.protos[0];
    let tc = find(f, Op::TAILCALL);
    assert_eq!(tc.len(), 1);
    assert_eq!(f.lines[tc[0]], 2);
    assert_eq!((f.line_defined, f.last_line, f.num_params, f.is_vararg), (1, 4, 1, false));
    assert_eq!((p.line_defined, p.num_params, p.is_vararg), (0, 0, true));
}

#[test]
fn locals_and_upvalues_are_named() {
    let p = compile("func f(a, b) {\n  c := a + b\n  g := func() { return c + a }\n  return g\n}\n");
    let f = &p.protos[0];
    let names: Vec<(&str, u8)> = f.locals.iter().map(|l| (l.name.as_str(), l.register)).collect();
    assert_eq!(names, vec![("a", 0), ("b", 1), ("c", 2), ("g", 3)]);
    // c is live from right after its declaration.
    let add = find(f, Op::ADD)[0];
    assert_eq!(f.local_name(2, add + 1), Some("c"));
    assert_eq!(f.local_name(2, add), None);
    let g = &f.protos[0];
    let ups: Vec<(&str, bool, u8)> = g.upvalues.iter().map(|u| (u.name.as_str(), u.in_stack, u.index)).collect();
    assert_eq!(ups, vec![("c", true, 2), ("a", true, 0)]);
}

#[test]
fn nested_upvalues_chain() {
    let p = compile("func f() {\n  x := 1\n  return func() { return func() { return x } }\n}\n");
    let mid = &p.protos[0].protos[0];
    let inner = &mid.protos[0];
    assert_eq!(mid.upvalues[0].name, "x");
    assert!(mid.upvalues[0].in_stack);
    assert_eq!((inner.upvalues[0].in_stack, inner.upvalues[0].index), (false, 0));
}

#[test]
fn defer_uses_full_return() {
    let p = compile("func f(x) {\n  if x { return }\n  defer print(1)\n  return x\n}\n");
    let f = &p.protos[0];
    assert!(f.has_defer);
    assert!(find(f, Op::RETURN0).is_empty());
    assert!(find(f, Op::RETURN1).is_empty());
    assert_eq!(find(f, Op::RETURN).len(), 3);
    assert_eq!(find(f, Op::DEFER).len(), 1);
}

#[test]
fn deep_nesting_does_not_overflow() {
    // Run in a thread with a small stack, like cargo's test threads.
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let n = 190;
            let parens = format!("x := {}1{}\n", "(".repeat(n), ")".repeat(n));
            let blocks = format!("{}x := 1\n{}", "{\n".repeat(n), "}\n".repeat(n));
            let ifs = format!("{}x := 1\n{}", "if x {\n".repeat(n), "}\n".repeat(n));
            let funcs = format!("f := {}1{}\n", "func() { return ".repeat(n / 2), " }".repeat(n / 2));
            let tables = format!("t := {}1{}\n", "{".repeat(n), "}".repeat(n));
            let unary = format!("y := {}x\n", "-".repeat(n));
            let loops = format!("{}x := 1\n{}", "for {\n".repeat(n), "}\n".repeat(n));
            for src in [parens, blocks, ifs, funcs, tables, unary, loops] {
                // Either compiles or reports a nesting error; never crashes.
                let _ = compiler::compile_source(src.as_bytes(), "test.gs");
            }
        })
        .unwrap();
    handle.join().unwrap();
}
