// Rust closures as GScript functions: captured state, optional and variadic
// parameters, several results, errors, and callbacks that call back into scripts.
//
//     cargo run -p gscript --example embed_callbacks

use gscript::{Context, Engine, Function, Table, Variadic};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

fn main() -> gscript::Result<()> {
    let mut engine = Engine::new();

    // A closure capturing Rust state.
    let log = Rc::new(RefCell::new(Vec::<String>::new()));
    let sink = log.clone();
    engine.register_fn("log", move |msg: String, level: Option<String>| {
        sink.borrow_mut().push(format!("[{}] {}", level.unwrap_or_else(|| "info".into()), msg));
    })?;

    // Several results, and errors as Result.
    engine.register_fn("parse_pair", |s: String| -> Result<(String, i64), String> {
        let (k, v) = s.split_once('=').ok_or_else(|| format!("no '=' in {:?}", s))?;
        let v = v.trim().parse::<i64>().map_err(|e| e.to_string())?;
        Ok((k.trim().to_string(), v))
    })?;

    // Variadic arguments and table results.
    engine.register_fn("histogram", |words: Variadic<String>| {
        let mut counts = HashMap::new();
        for w in words.iter() {
            *counts.entry(w.clone()).or_insert(0i64) += 1;
        }
        counts
    })?;

    // A callback receiving the engine context, calling a script function.
    engine.register_fn("map", |cx: &mut Context, list: Vec<i64>, f: Function| -> gscript::Result<Vec<i64>> {
        list.into_iter().map(|x| f.call(cx, x)).collect()
    })?;

    engine.run(
        r#"
        log("starting")
        k, v := parse_pair("answer = 42")
        log(k .. " is " .. v, "debug")
        ok, err := pcall(parse_pair, "oops")
        log("pcall: " .. tostring(ok) .. " " .. err, "warn")
        h := histogram("a", "b", "a", "c", "a")
        log("a appears " .. h.a .. " times")
        squares := map({1, 2, 3, 4}, func(x) { return x * x })
        text := ""
        for _, sq := range squares { text = text .. " " .. sq }
        log("squares:" .. text)
    "#,
    )?;

    for line in log.borrow().iter() {
        println!("{}", line);
    }
    assert_eq!(log.borrow().len(), 5);
    assert_eq!(log.borrow()[1], "[debug] answer is 42");
    assert!(log.borrow()[2].starts_with("[warn] pcall: false") && log.borrow()[2].contains("no '=' in"));
    assert_eq!(log.borrow()[4], "[info] squares: 1 4 9 16");

    // Tables built in Rust and read back.
    let config: Table = engine.create_table();
    config.set(&mut engine, "width", 80)?;
    config.set(&mut engine, "title", "report")?;
    engine.set_global("config", &config)?;
    let summary: String = engine.eval("config.title .. \" at \" .. config.width")?;
    println!("{}", summary);
    assert_eq!(summary, "report at 80");
    Ok(())
}
