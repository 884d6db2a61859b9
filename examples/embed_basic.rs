// Embedding GScript: run code, evaluate expressions, exchange globals, call script
// functions and register a Rust function.
//
//     cargo run -p gscript --example embed_basic

use gscript::{Engine, Function};

fn main() -> gscript::Result<()> {
    let mut engine = Engine::new();

    // Run a chunk; its top-level declarations become globals.
    engine.run(
        r#"
        func fib(n) {
            if n < 2 { return n }
            return fib(n - 1) + fib(n - 2)
        }
        greeting := "hello"
    "#,
    )?;

    // Evaluate expressions into Rust types.
    let answer: i64 = engine.eval("fib(20)")?;
    println!("fib(20) = {}", answer);
    assert_eq!(answer, 6765);

    // Globals in both directions.
    engine.set_global("name", "embedder")?;
    let text: String = engine.eval("greeting .. \", \" .. name")?;
    println!("{}", text);
    assert_eq!(text, "hello, embedder");

    // Call a script function from Rust.
    let fib: Function = engine.get_global("fib")?;
    let values: Vec<i64> = (1..=10).map(|n| fib.call(&mut engine, n)).collect::<gscript::Result<_>>()?;
    println!("fib(1..10) = {:?}", values);

    // Call Rust from scripts.
    engine.register_fn("hypot", |x: f64, y: f64| (x * x + y * y).sqrt())?;
    let h: f64 = engine.eval("hypot(3, 4)")?;
    println!("hypot(3, 4) = {}", h);
    assert_eq!(h, 5.0);

    // Errors carry the message and a traceback.
    let err = engine.run("fib(nil)").unwrap_err();
    println!("error: {}", err);
    assert!(err.message().contains("attempt to compare"));
    Ok(())
}
