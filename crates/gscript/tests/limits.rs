//! Limits matrix, embedding-level rows (docs/reliability.md): memory limit, instruction
//! budget, interrupt from another thread, string size under a memory limit, deep Rust
//! re-entry on a host thread with a small stack, and regressions found by fuzzing. Every
//! test checks the error (kind and message) AND that the same engine still runs code.
//! The script-level rows are tests/limits/*.gs (run by tests/scripts.rs).

use gscript::{Engine, ErrorKind};

/// The engine still works: runs a small program and checks its result.
fn assert_usable(engine: &mut Engine) {
    let r: i64 = engine
        .eval("(func() { t := {}; for i := 1; i <= 100; i++ { t[i] = i }; s := 0; for _, v := range t { s += v }; return s })()")
        .expect("engine unusable after the error");
    assert_eq!(r, 5050);
}

/// Runs `f` on a thread with a 2 MiB stack (the default for spawned Rust threads): the
/// engine must not rely on the CLI's big stack.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new().stack_size(2 << 20).spawn(f).expect("spawn").join().expect("test thread panicked");
}

#[test]
fn memory_limit_gives_not_enough_memory_and_engine_recovers() {
    let mut engine = Engine::new();
    engine.set_memory_limit(Some(32 << 20));
    for src in [
        "keep = {}; for i := 1; ; i++ { keep[i] = {i, i} }",
        "keep = {}; for i := 1; ; i++ { keep[i] = string.rep(\"x\", 100) .. i }",
        "s := \"x\"; for { s = s .. s }",
        "t := {}; for i := 1; ; i++ { t[i] = i }",
    ] {
        let err = engine.run(src).unwrap_err();
        // Under a memory limit the maximum string size is the limit: doubling a string
        // may hit that first ("string length overflow").
        let ok = (err.kind() == ErrorKind::OutOfMemory && err.message().contains("not enough memory"))
            || err.message().ends_with("string length overflow");
        assert!(ok, "{src}: {err}");
        engine.run("keep = nil").unwrap();
        assert_usable(&mut engine);
    }
    // Inside pcall the error is catchable, and the script continues.
    let r: String = engine.eval("(func() { ok, e := pcall(func() { t := {}; for i := 1; ; i++ { t[i] = {i} } }); return tostring(ok) .. \" \" .. e })()").unwrap();
    assert!(r.starts_with("false") && r.ends_with("not enough memory"), "{r}");
    assert_usable(&mut engine);
}

#[test]
fn string_larger_than_memory_limit_is_refused_at_once() {
    let mut engine = Engine::new();
    engine.set_memory_limit(Some(16 << 20));
    let err = engine.run("x := string.rep(\"x\", 64 << 20)").unwrap_err();
    assert!(err.message().contains("not enough memory") || err.message().contains("resulting string too large"), "{err}");
    assert_usable(&mut engine);
}

#[test]
fn instruction_budget_stops_loops_and_recursion() {
    let mut engine = Engine::new();
    for src in [
        "for { }",
        "func f() { return f() }; f()",
        "x := 0; for { x++ }",
        // A counted loop of simple ops (fused FORxx, table and arithmetic fast paths).
        "s := 0; t := {1}; for i := 0; i < 1000000000; i++ { s = s + i * 2 + t[1] }",
        "co := coroutine.wrap(func() { for { coroutine.yield() } }); for { co() }",
        // pcall must not swallow the budget error forever.
        "func f(n) { return f(n + 1) }; for { pcall(f, 1) }",
        "func g() { for { pcall(g) } }; g()",
    ] {
        engine.set_instruction_budget(Some(100_000));
        let err = engine.run(src).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BudgetExceeded, "{src}: {err}");
        assert!(err.message().contains("instruction budget exceeded"), "{err}");
        engine.set_instruction_budget(None);
        assert_usable(&mut engine);
    }
}

#[test]
fn interrupt_from_another_thread() {
    let mut engine = Engine::new();
    for src in [
        "for { }",
        "s := 0.5; for i := 0; i < 1000000000000; i++ { s = s * 1.0000001 }",
        // pcall must not swallow the interrupt forever.
        "func f(n) { return f(n + 1) }; for { pcall(f, 1) }",
        "func g() { for { pcall(g) } }; g()",
    ] {
        let handle = engine.interrupt_handle();
        let stopper = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            handle.interrupt();
        });
        let err = engine.run(src).unwrap_err();
        stopper.join().unwrap();
        assert_eq!(err.kind(), ErrorKind::Interrupted, "{src}: {err}");
        assert_usable(&mut engine);
    }
}

#[test]
fn recursion_limits_on_a_small_host_stack() {
    on_small_stack(|| {
        let mut engine = Engine::new();
        for src in [
            "func f(n) { return 1 + f(n + 1) }; f(1)",
            "t := setmetatable({}, {}); getmetatable(t).__index = func(t, k) { return t[k] }; x := t.y",
            "func s() { table.sort({3, 2, 1}, func(a, b) { s(); return a < b }) }; s()",
            "mt := {__tostring: func(t) { return tostring(t) }}; tostring(setmetatable({}, mt))",
            "func nest(n) { co := coroutine.create(nest); ok, r := coroutine.resume(co, n + 1); if !ok { error(r, 0) }; return r }; nest(1)",
        ] {
            let err = engine.run(src).unwrap_err();
            assert!(err.message().ends_with("stack overflow"), "{src}: {err}");
            assert_usable(&mut engine);
        }
    });
}

/// Regressions found by the `embed` fuzz target: these overflowed the Rust stack of the
/// host (SIGSEGV) instead of finishing or raising a catchable error.
#[test]
fn fuzz_regressions_no_rust_recursion() {
    on_small_stack(|| {
        let mut engine = Engine::new();
        // A chain of tail-called pcalls (each TAIL_RETURN frame used to return through a
        // Rust call): it now stops at the limit of nested calls through builtins (200,
        // spec 16 minimum 190) with a catchable error, and returns one result per level.
        let n: i64 = engine.eval("(func() { func f(n) { return pcall(f, n + 1) }; return select(\"#\", f(1)) })()").unwrap();
        assert!((190..=201).contains(&n), "{n}");
        // A million deferred builtin calls (each used to recurse once in Rust).
        engine.run("func f() { for i := 0; i < 1000000; i++ { defer tostring(i) } }; f()").unwrap();
        assert_usable(&mut engine);
    });
}

#[test]
fn xpcall_handler_sees_errors_of_builtins_called_directly() {
    let mut engine = Engine::new();
    let r: (bool, String) = engine.eval("xpcall(error, func(m) { return \"handled \" .. m }, \"x\")").unwrap();
    assert_eq!(r, (false, "handled x".to_string()));
    // `return pcall(builtin)` that fails at once keeps its results.
    let r: (bool, String) = engine.eval("(func() { return pcall(error, \"y\") })()").unwrap();
    assert_eq!(r, (false, "y".to_string()));
}

#[test]
fn parser_nesting_is_a_compile_error() {
    let mut engine = Engine::new();
    for src in [format!("x := {}1{}", "(".repeat(100_000), ")".repeat(100_000)), format!("x := {}", "{".repeat(50_000)), format!("x := {}1", "-".repeat(0) + &"!".repeat(100_000))] {
        let err = engine.run(&src).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Syntax, "{err}");
        assert!(err.message().contains("chunk has too many syntax levels"), "{err}");
        assert_usable(&mut engine);
    }
}

#[test]
fn ten_thousand_goroutines_in_an_engine() {
    let mut engine = Engine::new();
    let sum: i64 = engine
        .eval("(func() { ch := make(chan); done := make(chan, 10000); for i := 1; i <= 10000; i++ { go func() { done <- (<-ch) } () }; for i := 1; i <= 10000; i++ { ch <- i }; s := 0; for i := 1; i <= 10000; i++ { s += <-done }; return s })()")
        .unwrap();
    assert_eq!(sum, 50005000);
    assert_usable(&mut engine);
}

/// Formerly a known gap: an uncaught error in a goroutine other than the main one and a
/// deadlock called `std::process::exit(2)`, ending an embedding host too. They now end the
/// run with an ordinary error (more cases in tests/goroutine_host.rs).
#[test]
fn goroutine_error_does_not_end_the_host() {
    let mut engine = Engine::new();
    let err = engine.run("go func() { error(\"boom\") }(); for i := 0; i < 100000; i++ {}").unwrap_err();
    assert!(err.message().contains("boom"), "{err}");
    assert_eq!(err.goroutine(), Some(2));
    assert_usable(&mut engine);
}
