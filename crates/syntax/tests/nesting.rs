//! Nesting limits (spec 16): deep input is the compile error
//! `chunk has too many syntax levels`, quickly, and never a Rust stack overflow.
//! Long flat chains (operators, suffixes, else-if) also count, because they deepen the AST
//! that the compiler walks recursively and that `Drop` tears down recursively.

mod common;

use std::time::{Duration, Instant};

use common::{parse_ok, parse_err};
use syntax::MAX_NESTING;

const LIMIT_MESSAGE: &str = "chunk has too many syntax levels";
const HUGE: usize = 100_000;

fn assert_too_deep(source: &str) {
    let start = Instant::now();
    let d = parse_err(source);
    assert_eq!(d.message, LIMIT_MESSAGE, "{}", &source[..source.len().min(80)]);
    assert!(start.elapsed() < Duration::from_secs(2), "took {:?}", start.elapsed());
}

#[test]
fn huge_nesting_is_an_error() {
    assert_too_deep(&format!("x := {}1{}", "(".repeat(HUGE), ")".repeat(HUGE)));
    assert_too_deep(&format!("x := {}1", "(".repeat(HUGE))); // unclosed too
    assert_too_deep(&"{".repeat(HUGE));
    assert_too_deep(&format!("{}{}", "{".repeat(HUGE), "}".repeat(HUGE)));
    assert_too_deep(&format!("x := {}1", "- ".repeat(HUGE)));
    assert_too_deep(&format!("x := {}1", "!".repeat(HUGE)));
    assert_too_deep(&format!("x := {}1", "<-".repeat(HUGE)));
    assert_too_deep(&format!("x := {}{}", "{".repeat(HUGE), "}".repeat(HUGE)));
    assert_too_deep(&format!("x := {}", "{a: ".repeat(HUGE)));
    assert_too_deep(&format!("x := {}", "f(".repeat(HUGE)));
    assert_too_deep(&format!("x := {}", "func() { return ".repeat(HUGE)));
    assert_too_deep(&format!("x := 2{}", " ** 2".repeat(HUGE)));
    assert_too_deep(&format!("x := a{}", " .. a".repeat(HUGE)));
    assert_too_deep(&format!("x := a{}", " + a".repeat(HUGE)));
    assert_too_deep(&format!("x := a{}", ".b".repeat(HUGE)));
    assert_too_deep(&format!("f{}", "()".repeat(HUGE)));
    assert_too_deep(&format!("if x {{}}{}", " else if x {}".repeat(HUGE)));
    assert_too_deep(&"for {".repeat(HUGE));
    assert_too_deep(&"if x {".repeat(HUGE));
    assert_too_deep(&"switch { case 1: ".repeat(HUGE));
    assert_too_deep(&"select { default: ".repeat(HUGE));
    assert_too_deep(&format!("x := {}", "make(chan, ".repeat(HUGE)));
    assert_too_deep(&format!("x := t{}", "[t".repeat(HUGE)));
}

#[test]
fn moderate_nesting_is_fine() {
    let n = MAX_NESTING / 2 - 10;
    parse_ok(&format!("x := {}1{}", "(".repeat(n), ")".repeat(n)));
    parse_ok(&format!("{}{}", "{".repeat(n), "}".repeat(n)));
    parse_ok(&format!("x := {}1", "- ".repeat(n)));
    parse_ok(&format!("x := {}{}", "{".repeat(n), "}".repeat(n)));
    parse_ok(&format!("x := a{}", " + a".repeat(n)));
    parse_ok(&format!("x := a{}", " .. a".repeat(n)));
    parse_ok(&format!("if x {{}}{}", " else if x {}".repeat(n)));
    let mut funcs = String::from("x := 1");
    for _ in 0..n / 3 {
        funcs = format!("f := func() {{\n{}\n}}", funcs);
    }
    parse_ok(&funcs);
}

#[test]
fn limit_is_reported_on_the_offending_line() {
    let source = format!("x := 1\n{}", "(".repeat(HUGE));
    let d = parse_err(&source);
    assert_eq!((d.message.as_str(), d.line, d.incomplete), (LIMIT_MESSAGE, 2, false));
}

#[test]
fn deep_but_allowed_trees_drop_and_clone_safely() {
    // The deepest trees the parser accepts, on a 1.5 MiB stack (less than the 2 MiB of a
    // default Rust thread; the worst case measured is about 1 MiB at opt-level 1 and
    // 0.5 MiB in release): parsing, cloning, comparing, printing and dropping must fit.
    let handle = std::thread::Builder::new()
        .stack_size(1536 * 1024)
        .spawn(|| {
            let n = MAX_NESTING - 5;
            let sources = [
                format!("x := {}1{}", "(".repeat(n), ")".repeat(n)),
                format!("x := a{}", " + a".repeat(n)),
                format!("x := {}a", "-".repeat(n).replace('-', "- ")),
                format!("x := {}{}", "{".repeat(n), "}".repeat(n)),
                format!("{}{}", "{".repeat(n), "}".repeat(n)),
                format!("{}{}", "for {".repeat(n / 2), "}".repeat(n / 2)),
                format!("x := {}1{}", "func() { return ".repeat(n / 2), "}".repeat(n / 2)),
            ];
            for source in &sources {
                let chunk = syntax::parse(source.as_bytes()).unwrap();
                let copy = chunk.clone();
                assert_eq!(copy, chunk);
                let printed = syntax::pretty::chunk_to_source(&chunk);
                assert!(syntax::parse(printed.as_bytes()).is_ok());
            }
        })
        .unwrap();
    handle.join().unwrap();
}
