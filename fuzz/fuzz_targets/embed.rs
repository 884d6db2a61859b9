#![no_main]
//! The embedding API under random call sequences: scripts (hostile snippets and raw fuzz
//! text) run under an instruction budget and a memory limit, interleaved with limit
//! changes, interrupts, globals, tables, handles, callbacks and collections. Whatever
//! happens, the process must not panic, abort or hang, every failure must be a
//! `gscript::Error`, and afterwards the engine must still run code correctly.
use gscript::{Engine, ErrorKind, Function, Table, Value, Variadic};
use libfuzzer_sys::fuzz_target;

/// Hostile and ordinary programs; `{N}` is replaced by a small number from the input.
const SNIPPETS: &[&str] = &[
    "for { }",
    "func f(n) { return 1 + f(n + 1) }; f(1)",
    "func f(n) { return pcall(f, n + 1) }; f(1)",
    "t := setmetatable({}, {}); getmetatable(t).__index = func(t, k) { return t[k] }; x := t.y",
    "s := \"x\"; for i := 0; i < {N}; i++ { s = s .. s }",
    "x := string.rep(\"ab\", 1 << {N})",
    "t := {}; for i := 1; i <= 1 << {N}; i++ { t[i] = {i} }",
    "keep = {}; for i := 1; ; i++ { keep[i] = string.rep(\"k\", 1000) .. i }",
    "co := coroutine.wrap(func() { for i := 0; ; i++ { coroutine.yield(i) } }); for i := 0; i < {N}; i++ { co() }",
    "func nest(n) { if n == 0 { return 0 }; co := coroutine.create(nest); _, r := coroutine.resume(co, n - 1); return r + 1 }; nest({N} * 10)",
    // Goroutines: errors in them and deadlocks end the run with an error (the other
    // goroutines are dropped); some leave goroutines behind for later runs.
    "go func() { error(\"g{N}\") }(); for i := 0; i < 100000; i++ {}",
    "ch := make(chan); go func() { error({N}) }(); <-ch",
    "ch := make(chan); <-ch",
    "select {}",
    "ch := make(chan); go func() { for {} }(); <-ch",
    "ch := make(chan); for i := 0; i < {N}; i++ { go func() { ch <- i }() }; s := 0; for i := 0; i < {N}; i++ { s += <-ch }; return s",
    "ch := make(chan, {N}); go func() { for v := range ch { if v == 5 { error(v) } } }(); for i := 0; i < 10; i++ { ch <- i }; close(ch)",
    "mu := sync.Mutex(); mu:lock(); go func() { mu:lock() }(); wg := sync.WaitGroup(); wg:add(1); wg:wait()",
    "gch = gch || make(chan); go func() { gch <- {N} }(); return <-gch",
    "gch = gch || make(chan); go func() { <-gch }(); go func() { select {} }()",
    "co := coroutine.wrap(func() { ch := make(chan); go func() { co2 := coroutine.create(func() { error(\"in co\") }); _, e := coroutine.resume(co2); error(e) }(); <-ch }); co()",
    "func f(n) { if n == 0 { <-make(chan) }; defer func() { x := n }(); f(n - 1) }; ok, e := pcall(f, {N})",
    "error({code: {N}})",
    "error(\"plain\")",
    "table.sort({3, 1, 2}, func(a, b) { error(\"cmp\") })",
    "t := {}; for i := 1; i <= {N} * 100; i++ { t[i] = {N} - i }; table.sort(t)",
    "print(string.format(\"%99d|%-99s|%.99f\", {N}, \"x\", 1 / 3))",
    "x := string.find(string.rep(\"a\", 300), string.rep(\"a?\", 300) .. string.rep(\"a\", 300))",
    "t := {}; t.self = t; s := tostring(t) .. json.encode({1, 2, {N}})",
    "json.decode(string.rep(\"[\", 2000) .. string.rep(\"]\", 2000))",
    "g = (g || 0) + {N}; return g",
    "defer func() { error(\"in defer\") }(); error(\"first\")",
    "return callback({N}, \"s\", {1, 2})",
    "return pcall(callback, func() { for {} })",
    "local := {}; for i := 0; i < {N}; i++ { local[#local + 1] = func() { return i } }; return #local",
    "func deep(n) { if n == 0 { return {} }; return {deep(n - 1)} }; t := deep({N} * 100); return json.encode(t) != nil",
    "x := 9223372036854775807 + {N}; y := math.mininteger // -1; return x, y, 1e308 * 10",
    "load(string.rep(\"(\", 1000))",
];

struct Input<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Input<'a> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }
    fn done(&self) -> bool {
        self.pos >= self.data.len()
    }
    /// Up to `max` raw bytes as (lossy) source text.
    fn text(&mut self, max: usize) -> String {
        let n = (self.byte() as usize).min(max);
        let end = (self.pos + n).min(self.data.len());
        let s = String::from_utf8_lossy(&self.data[self.pos.min(end)..end]).into_owned();
        // Raw text must not exit (os.exit ends the process by design) or sleep (blocks the
        // OS thread for real: a fuzzer timeout, not a bug). Goroutines are fine.
        let s = if s.contains("exit") || s.contains("sleep") || s.contains("after") { String::new() } else { s };
        self.pos = end;
        s
    }
}

fn check_error(e: &gscript::Error) {
    // Every failure is a structured error with a message (never a panic); the message
    // of a limit error is the documented one.
    match e.kind() {
        ErrorKind::OutOfMemory => assert!(e.message().contains("not enough memory"), "{}", e.message()),
        ErrorKind::BudgetExceeded => assert!(e.message().contains("budget"), "{}", e.message()),
        ErrorKind::Interrupted => assert!(e.message().contains("interrupted"), "{}", e.message()),
        ErrorKind::Deadlock => assert_eq!(e.message(), "all goroutines are asleep - deadlock!"),
        _ => {}
    }
    if let Some(id) = e.goroutine() {
        // An uncaught error of goroutine N: its traceback says so.
        assert!(id >= 2, "{}", id);
        if let Some(tb) = e.traceback() {
            assert!(tb.starts_with(&format!("stack traceback (goroutine {}):", id)), "{}", tb);
        }
    }
}

fn run(engine: &mut Engine, src: &str) {
    if let Err(e) = engine.run(src) {
        check_error(&e);
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 2048 {
        return;
    }
    let mut input = Input { data, pos: 0 };
    let mut engine = if input.byte() & 1 == 0 { Engine::sandboxed() } else { Engine::new() };
    engine.set_output(Box::new(std::io::sink()));
    engine.set_instruction_budget(Some(200_000));
    engine.set_memory_limit(Some(16 << 20));
    let _ = engine.register_fn("callback", |args: Variadic<Value>| args.len() as i64);
    let mut tables: Vec<Table> = Vec::new();
    let mut functions: Vec<Function> = Vec::new();
    let handle = engine.interrupt_handle();
    let mut steps = 0;
    while !input.done() && steps < 24 {
        steps += 1;
        match input.byte() % 14 {
            0 | 1 => {
                let i = input.byte() as usize % SNIPPETS.len();
                let n = (input.byte() % 24).to_string();
                run(&mut engine, &SNIPPETS[i].replace("{N}", &n));
            }
            2 => {
                let src = input.text(256);
                run(&mut engine, &src);
            }
            3 => {
                // Budgets stay finite so that nothing can hang.
                let b = u64::from(input.byte()) * 4096 + 1;
                engine.set_instruction_budget(Some(b));
            }
            4 => {
                let mb = usize::from(input.byte() % 32) + 1;
                engine.set_memory_limit(Some(mb << 20));
            }
            5 => {
                handle.interrupt();
                match engine.run("for { }") {
                    Err(e) => assert_eq!(e.kind(), ErrorKind::Interrupted, "{}", e.message()),
                    Ok(()) => panic!("an interrupted infinite loop returned normally"),
                }
                handle.clear();
            }
            6 => {
                let name = ["a", "b", "print", "string", "_G", "callback"][input.byte() as usize % 6];
                let r = match input.byte() % 5 {
                    0 => engine.set_global(name, i64::from(input.byte()) - 128),
                    1 => engine.set_global(name, f64::from(input.byte()) / 7.0),
                    2 => engine.set_global(name, input.text(64)),
                    3 => engine.set_global(name, vec![1, 2, 3]),
                    _ => engine.set_global(name, Value::Nil),
                };
                if let Err(e) = r {
                    check_error(&e);
                }
            }
            7 => {
                let name = ["a", "b", "g", "t", "keep"][input.byte() as usize % 5];
                let _ = engine.get_global::<Value>(name);
                let _ = engine.get_global::<i64>(name);
                let _ = engine.get_global::<String>(name);
                let _ = engine.get_global::<Vec<f64>>(name);
            }
            8 => {
                let src = input.text(128);
                match engine.eval::<Value>(&src) {
                    Ok(Value::Table(t)) => tables.push(t),
                    Ok(Value::Function(f)) => functions.push(f),
                    Ok(_) => {}
                    Err(e) => check_error(&e),
                }
            }
            9 => {
                let t = engine.create_table();
                let k = i64::from(input.byte());
                let _ = t.set(&mut engine, k, "v");
                let _ = t.push(&mut engine, 1.5);
                let _ = t.len(&mut engine);
                let _ = t.pairs::<Value, Value>(&mut engine);
                if let Some(old) = tables.first() {
                    let _ = t.set(&mut engine, "other", old);
                }
                tables.push(t);
            }
            10 => {
                let src = input.text(128);
                match engine.load(&src, "fuzz") {
                    Ok(f) => {
                        if let Err(e) = f.call::<Value>(&mut engine, (1, "two")) {
                            check_error(&e);
                        }
                        functions.push(f);
                    }
                    Err(e) => check_error(&e),
                }
            }
            11 => {
                if let Some(f) = functions.get(input.byte() as usize % functions.len().max(1)) {
                    let f = f.clone();
                    if let Err(e) = f.call::<Variadic<Value>>(&mut engine, ()) {
                        check_error(&e);
                    }
                }
            }
            12 => {
                tables.clear();
                functions.clear();
                engine.collect_garbage();
            }
            _ => {
                engine.set_memory_limit(None);
                let _ = engine.memory_used();
                engine.set_memory_limit(Some(16 << 20));
            }
        }
    }
    // The host keeps working afterwards.
    handle.clear();
    engine.set_memory_limit(None);
    engine.set_instruction_budget(Some(1_000_000));
    let check = "(func(a, b) { ch := make(chan); go func() { ch <- a * b }(); return <-ch })(6, 7)";
    let r = match engine.eval::<i64>(check) {
        // A busy goroutine left running by an earlier run may use up the budget once; the
        // fatal error drops it.
        Err(e) if e.goroutine().is_some() => engine.eval::<i64>(check),
        r => r,
    };
    assert_eq!(r.ok(), Some(42), "the engine is unusable after the fuzz sequence");
});
