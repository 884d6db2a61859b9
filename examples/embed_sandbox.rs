// Running untrusted code: a sandboxed engine (no io/os/require/load), an instruction
// budget, a memory limit, an interrupt from another thread, and captured output.
//
//     cargo run -p gscript --example embed_sandbox

use gscript::{Engine, ErrorKind};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A `Write` that collects script output.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().map_err(|_| std::io::Error::other("poisoned"))?.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn main() -> gscript::Result<()> {
    let mut engine = Engine::sandboxed();
    let out = Captured::default();
    engine.set_output(Box::new(out.clone()));

    // No access to files, the process, or new code.
    let missing: bool = engine.eval("io == nil && os == nil && require == nil && load == nil")?;
    assert!(missing);
    let err = engine.run("io.open(\"/etc/passwd\")").unwrap_err();
    println!("io is gone: {}", err);

    // Output goes where the host wants it.
    engine.run("print(\"hello from the sandbox\")")?;
    engine.flush_output();
    let text = String::from_utf8_lossy(&out.0.lock().unwrap()).into_owned();
    print!("captured: {}", text);
    assert_eq!(text, "hello from the sandbox\n");

    // An instruction budget stops runaway loops.
    engine.set_instruction_budget(Some(1_000_000));
    let err = engine.run("for { }").unwrap_err();
    println!("budget: {} ({:?})", err, err.kind());
    assert_eq!(err.kind(), ErrorKind::BudgetExceeded);
    engine.set_instruction_budget(None);

    // A memory limit stops runaway allocation, and the engine stays usable.
    engine.set_memory_limit(Some(16 << 20));
    let err = engine.run("hoard := {}; for i := 1; ; i++ { hoard[i] = {i, i, i} }").unwrap_err();
    println!("memory: {} ({:?})", err, err.kind());
    assert_eq!(err.kind(), ErrorKind::OutOfMemory);
    engine.run("hoard = nil")?;
    engine.collect_garbage();
    engine.set_memory_limit(None);

    // Another thread can interrupt a running script.
    let handle = engine.interrupt_handle();
    let timer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        handle.interrupt();
    });
    let err = engine.run("n := 0\nfor { n++ }").unwrap_err();
    timer.join().expect("timer thread");
    println!("interrupt: {} ({:?})", err, err.kind());
    assert_eq!(err.kind(), ErrorKind::Interrupted);
    let n: i64 = engine.get_global("n")?;
    assert!(n > 0);
    Ok(())
}
