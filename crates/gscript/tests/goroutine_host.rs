//! Program-ending goroutine conditions in an embedding host (spec 9.8, 11.6): an
//! uncaught error in a goroutine other than the main one (also `interrupted` and
//! `instruction budget exceeded` raised while it runs) and a deadlock end the run with an
//! ordinary `Error`, never the host process, and the engine stays usable: the other
//! goroutines are dropped, channels, mutexes and coroutines are left consistent, and new
//! code (with new goroutines) runs normally. Every scenario runs twice in the same engine.
//! The command's output for these cases is checked by tests/goroutines/*.gs and cli.rs.

use gscript::{Engine, ErrorKind};
use std::time::Duration;

/// The engine still works, goroutines and channels included.
fn assert_usable(engine: &mut Engine) {
    let r: i64 = engine
        .eval("(func() { ch := make(chan); for i := 1; i <= 10; i++ { go func() { ch <- i } () }; s := 0; for i := 1; i <= 10; i++ { s += <-ch }; return s })()")
        .expect("engine unusable after the error");
    assert_eq!(r, 55);
    engine.collect_garbage();
    let r: i64 = engine.eval("(func() { t := {}; for i := 1; i <= 100; i++ { t[i] = i }; s := 0; for _, v := range t { s += v }; return s })()").unwrap();
    assert_eq!(r, 5050);
}

/// Checks an error that reached the top of goroutine `id` in `round` 0 (later rounds
/// number goroutines on from those that `assert_usable` left runnable).
fn assert_goroutine_error(err: &gscript::Error, round: usize, id: u64, kind: ErrorKind, message_end: &str) {
    assert_eq!(err.kind(), kind, "{err:#}");
    if round == 0 {
        assert_eq!(err.goroutine(), Some(id), "{err:#}");
    }
    let id = err.goroutine().expect("a goroutine number");
    assert!(err.message().ends_with(message_end), "{err:#}");
    let tb = err.traceback().expect("a traceback");
    assert!(tb.starts_with(&format!("stack traceback (goroutine {}):\n", id)), "{tb}");
}

#[test]
fn goroutine_error_while_main_is_busy() {
    let mut engine = Engine::new();
    for round in 0..2 {
        let err = engine.run("go func() { error(\"boom\") }(); for i := 0; i < 1000000; i++ {}").unwrap_err();
        assert_goroutine_error(&err, round, 2, ErrorKind::Runtime, "chunk:1: boom");
        assert_eq!(err.to_string(), "chunk:1: boom");
        assert_usable(&mut engine);
    }
}

#[test]
fn goroutine_error_while_main_is_blocked_on_a_channel() {
    let mut engine = Engine::new();
    for round in 0..2 {
        let err = engine
            .run("ch = make(chan)\ngo func() { }()\ngo func() {\n  x := nil\n  x.y = 1\n}()\nv := <-ch")
            .unwrap_err();
        assert_goroutine_error(&err, round, 3, ErrorKind::Runtime, "chunk:5: attempt to index a nil value (local 'x')");
        assert!(err.traceback().unwrap().contains("chunk:5: in function <chunk:3>"), "{err:#}");
        // The channel main was blocked on still works (main's old waiter is stale).
        let v: i64 = engine.eval("(func() { go func() { ch <- 42 }(); return <-ch })()").unwrap();
        assert_eq!(v, 42);
        assert_usable(&mut engine);
    }
}

#[test]
fn deadlock_returns_an_error_and_the_engine_runs_new_code() {
    let mut engine = Engine::new();
    for src in [
        "ch := make(chan); <-ch",
        "ch := make(chan); go func() { ch <- 1; ch <- 2 }(); <-ch; select {}",
        "mu := sync.Mutex(); mu:lock(); go func() { mu:lock() }(); mu:lock()",
        "wg := sync.WaitGroup(); wg:add(1); go func() { <-make(chan) }(); wg:wait()",
        "time.sleep(0.001); var c; c <- 1",
    ] {
        for _ in 0..2 {
            let err = engine.run(src).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Deadlock, "{src}: {err:#}");
            assert_eq!(err.message(), "all goroutines are asleep - deadlock!");
            assert_eq!(err.goroutine(), None);
            assert_usable(&mut engine);
        }
    }
}

#[test]
fn interrupt_hitting_a_non_main_goroutine() {
    let mut engine = Engine::new();
    for round in 0..2 {
        let handle = engine.interrupt_handle();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            handle.interrupt();
        });
        // Main blocks at once, so the busy goroutine is the one running when the
        // interrupt arrives.
        let err = engine.run("ch := make(chan); go func() { for {} }(); <-ch").unwrap_err();
        t.join().unwrap();
        assert_goroutine_error(&err, round, 2, ErrorKind::Interrupted, "interrupted");
        assert_usable(&mut engine);
    }
}

#[test]
fn instruction_budget_hitting_a_non_main_goroutine() {
    let mut engine = Engine::new();
    for round in 0..2 {
        engine.set_instruction_budget(Some(1_000_000));
        let err = engine.run("ch := make(chan); go func() { for {} }(); <-ch").unwrap_err();
        assert_goroutine_error(&err, round, 2, ErrorKind::BudgetExceeded, "instruction budget exceeded");
        engine.set_instruction_budget(None);
        assert_usable(&mut engine);
    }
}

#[test]
fn fatal_errors_are_not_caught_and_run_no_deferred_calls() {
    let mut engine = Engine::new();
    for round in 0..2 {
        engine.run("ran = {}").unwrap();
        let err = engine
            .run(
                "func f() {
                    defer func() { ran.main = true }()
                    ch := make(chan)
                    go func() { defer func() { ran.own = true }(); error(\"boom\") }()
                    go func() { defer func() { ran.other = true }(); <-ch }()
                    <-ch
                }
                ok, e := pcall(f)
                ran.caught = true",
            )
            .unwrap_err();
        assert_eq!(err.goroutine(), Some(if round == 0 { 2 } else { 12 }), "{err:#}");
        // The dying goroutine's own deferred calls ran (spec 9.8); nobody else's did.
        let ran: String = engine.eval("(ran.own && \"own\" || \"\") .. (ran.main && \" main\" || \"\") .. (ran.other && \" other\" || \"\") .. (ran.caught && \" caught\" || \"\")").unwrap();
        assert_eq!(ran, "own");
        // The dropped pcall frame no longer counts: an uncaught error has a traceback.
        let err = engine.run("error(\"later\")").unwrap_err();
        assert!(err.traceback().is_some(), "{err:#}");
        assert_usable(&mut engine);
    }
}

#[test]
fn deadlock_inside_pcall_is_not_caught() {
    let mut engine = Engine::new();
    for _ in 0..2 {
        let err = engine.run("ok, e := pcall(func() { <-make(chan) }); caught = true").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Deadlock);
        let caught: Option<bool> = engine.get_global("caught").unwrap();
        assert_eq!(caught, None);
        assert_usable(&mut engine);
    }
}

#[test]
fn coroutines_and_upvalues_after_a_goroutine_error() {
    let mut engine = Engine::new();
    for round in 0..2 {
        let err = engine
            .run(
                "gate := make(chan)
                // Main blocks inside a coroutine; goroutine 2 blocks inside another one with
                // a local captured by an escaped closure; goroutine 3 fails.
                co = coroutine.wrap(func() { <-gate })
                go func() {
                    inner := coroutine.create(func() {
                        x := 1
                        getx = func() { return x }
                        x = 7
                        <-gate
                    })
                    coroutine.resume(inner)
                }()
                go func() { time.sleep(0.01); error(\"late\") }()
                co()",
            )
            .unwrap_err();
        assert_goroutine_error(&err, round, 3, ErrorKind::Runtime, "chunk:14: late");
        // The coroutine main was running is dead; the captured local kept its value.
        let r: String = engine.eval("select(2, pcall(co))").unwrap();
        assert!(r.ends_with("cannot resume dead coroutine"), "{r}");
        let x: i64 = engine.eval("getx()").unwrap();
        assert_eq!(x, 7);
        engine.collect_garbage();
        let x: i64 = engine.eval("getx()").unwrap();
        assert_eq!(x, 7);
        assert_usable(&mut engine);
    }
}

#[test]
fn mutex_and_waitgroup_after_a_goroutine_error() {
    let mut engine = Engine::new();
    for round in 0..2 {
        let err = engine
            .run(
                "mu = sync.Mutex(); wg = sync.WaitGroup(); wg:add(1)
                go func() { mu:lock(); wg:wait() }()
                go func() { mu:lock() }()
                go func() { time.sleep(0.005); error(\"x\") }()
                wg:wait()",
            )
            .unwrap_err();
        assert_goroutine_error(&err, round, 4, ErrorKind::Runtime, "x");
        // The dropped goroutine still holds the mutex (mutexes have no owner); stale
        // waiters are skipped.
        let r: bool = engine.eval("mu:tryLock()").unwrap();
        assert!(!r);
        let r: i64 = engine
            .eval("(func() { mu:unlock(); go func() { mu:lock(); wg:done() }(); wg:wait(); mu:unlock(); return 1 })()")
            .unwrap();
        assert_eq!(r, 1);
        assert_usable(&mut engine);
    }
}

#[test]
fn goroutine_error_from_a_callback_called_function() {
    // A host function called from a goroutine; the goroutine then fails.
    let mut engine = Engine::new();
    engine.register_fn("twice", |x: i64| x * 2).unwrap();
    for _ in 0..2 {
        let err = engine.run("ch := make(chan); go func() { ch <- twice(2); error(twice(3)) }(); <-ch; <-ch").unwrap_err();
        assert!(err.goroutine().is_some());
        assert_eq!(err.message(), "6");
        assert_usable(&mut engine);
    }
}

#[test]
fn interrupt_during_time_sleep() {
    // Every goroutine waits for a timer: no script code runs to see the interrupt, so the
    // scheduler's wait checks it.
    let mut engine = Engine::new();
    for src in [
        "time.sleep(1000)",
        "ch := make(chan); go func() { time.sleep(1000); ch <- 1 }(); <-ch",
        "<-time.after(1000)",
    ] {
        for _ in 0..2 {
            let handle = engine.interrupt_handle();
            let t = std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                handle.interrupt();
            });
            let start = std::time::Instant::now();
            let err = engine.run(src).unwrap_err();
            t.join().unwrap();
            assert!(start.elapsed() < Duration::from_secs(10), "{src}: took {:?}", start.elapsed());
            assert_eq!(err.kind(), ErrorKind::Interrupted, "{src}: {err:#}");
            assert_eq!(err.message(), "interrupted");
            assert_usable(&mut engine);
            // The interrupted run's timers are gone: a deadlock is reported at once.
            let start = std::time::Instant::now();
            assert_eq!(engine.run("<-make(chan)").unwrap_err().kind(), ErrorKind::Deadlock);
            assert!(start.elapsed() < Duration::from_secs(5));
        }
    }
}
