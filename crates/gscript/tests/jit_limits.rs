//! Instruction budgets and interrupts with the tracing JIT attached, on nested loops
//! whose traces are linked directly (exit stub -> side trace -> loop trace without
//! returning to the engine): every linked transition and every loop iteration counts
//! against the periodic-hook countdown, so the checks still fire.

use gscript::{Engine, ErrorKind};

/// Endless nests with short inner loops: after warm-up they run entirely in linked traces.
const NESTS: [&str; 4] = [
    "x := 0; for { for j := 0; j < 3; j++ { x++ }; x = x + 1 }",
    "x := 0; for i := 0; i >= 0; i++ { for j := 0; j < 2; j++ { x = x + j } }",
    "x := 0; for { for a := 0; a < 3; a++ { for b := 0; b < a; b++ { x = x + b } } }",
    "func f(n) { s := 0; for i := 1; i <= n; i++ { for j := i + 1; j <= n; j++ { s = s + j } }; return s }; for { f(4) }",
];

fn jit_engine(flags: &[&str]) -> Option<Engine> {
    let mut opts = jit::Options::default();
    for f in flags {
        assert!(opts.apply_flag(f), "{f}");
    }
    let mut engine = Engine::new();
    jit::Engine::attach(engine.vm(), opts).then_some(engine)
}

fn assert_usable(engine: &mut Engine) {
    let r: i64 = engine.eval("(func() { s := 0; for i := 1; i <= 100; i++ { for j := 0; j < 2; j++ { s += j } }; return s })()").expect("engine unusable");
    assert_eq!(r, 100);
}

#[test]
fn budget_fires_in_linked_traces() {
    for flags in [&["-jhot=1"][..], &["-jhot=3"][..], &["-jexit-stress"][..]] {
        let Some(mut engine) = jit_engine(flags) else { return };
        for src in NESTS {
            engine.set_instruction_budget(Some(2_000_000));
            let err = engine.run(src).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::BudgetExceeded, "{flags:?} {src}: {err}");
            engine.set_instruction_budget(None);
            assert_usable(&mut engine);
        }
    }
}

#[test]
fn interrupt_fires_in_linked_traces() {
    let Some(mut engine) = jit_engine(&["-jhot=2"]) else { return };
    for src in NESTS {
        let handle = engine.interrupt_handle();
        let stopper = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(100));
            handle.interrupt();
        });
        let err = engine.run(src).unwrap_err();
        stopper.join().unwrap();
        assert_eq!(err.kind(), ErrorKind::Interrupted, "{src}: {err}");
        assert_usable(&mut engine);
    }
}
