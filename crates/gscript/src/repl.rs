//! The interactive REPL (spec 13.3).
//!
//! Each input is a chunk named `stdin`: the REPL first tries `return INPUT` (so expressions
//! print their values), then INPUT itself; a compile error at end of input (the parser's
//! `incomplete` answer) asks for another line with the `>> ` prompt. Results are printed
//! tab-separated like `print`, except that tables are rendered readably
//! ([`crate::display`]). Errors go to standard error and the REPL continues.
//!
//! On a terminal, lines are read with `rustyline` (editing, history kept in
//! `~/.gscript_history`); Ctrl-C while a script runs sets the VM's interrupt flag (the
//! script stops with an `interrupted` error at its next safepoint), Ctrl-C while editing
//! discards the current input, and Ctrl-D on an empty line ends the REPL with status 0.
//! Without a terminal, lines are read plainly from standard input, prompts still printed.

use crate::display::{format_value, DisplayOptions};
use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use vm::Vm;

/// The banner printed when the REPL starts.
pub const BANNER: &str = "GScript 1.0  (Ctrl-D to exit, Ctrl-C to interrupt)";
/// The prompt for a new input.
pub const PROMPT: &str = "> ";
/// The prompt for a continuation line.
pub const CONTINUATION_PROMPT: &str = ">> ";

/// Starts the REPL with a fresh VM; returns the exit status.
pub fn run() -> u8 {
    run_with(Vm::new())
}

/// One line of input, or why there is none.
enum Line {
    Text(String),
    /// Ctrl-C while editing: drop the pending input.
    Cancelled,
    Eof,
}

/// Where input lines come from.
trait LineSource {
    fn read(&mut self, prompt: &str) -> Line;
    fn remember(&mut self, _entry: &str) {}
    fn finish(&mut self) {}
}

/// Plain standard input (no terminal).
struct PlainSource {
    stdin: std::io::StdinLock<'static>,
}

impl LineSource for PlainSource {
    fn read(&mut self, prompt: &str) -> Line {
        print!("{}", prompt);
        let _ = std::io::stdout().flush();
        let mut s = String::new();
        match self.stdin.read_line(&mut s) {
            Ok(0) | Err(_) => Line::Eof,
            Ok(_) => {
                while s.ends_with('\n') || s.ends_with('\r') {
                    s.pop();
                }
                Line::Text(s)
            }
        }
    }
}

/// A terminal with line editing and history.
struct EditorSource {
    editor: rustyline::DefaultEditor,
    history: Option<std::path::PathBuf>,
}

impl EditorSource {
    fn new() -> Option<EditorSource> {
        let config = rustyline::Config::builder().auto_add_history(false).max_history_size(1000).ok()?.build();
        let mut editor = rustyline::DefaultEditor::with_config(config).ok()?;
        let history = history_path();
        if let Some(path) = &history {
            let _ = editor.load_history(path);
        }
        Some(EditorSource { editor, history })
    }
}

/// `$GSCRIPT_HISTORY`, else `~/.gscript_history`; none if `GSCRIPT_HISTORY` is empty.
fn history_path() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("GSCRIPT_HISTORY") {
        return if p.is_empty() { None } else { Some(p.into()) };
    }
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    Some(std::path::Path::new(&home).join(".gscript_history"))
}

impl LineSource for EditorSource {
    fn read(&mut self, prompt: &str) -> Line {
        use rustyline::error::ReadlineError;
        match self.editor.readline(prompt) {
            Ok(s) => Line::Text(s),
            Err(ReadlineError::Interrupted) => Line::Cancelled,
            Err(_) => Line::Eof,
        }
    }

    fn remember(&mut self, entry: &str) {
        if !entry.trim().is_empty() {
            let _ = self.editor.add_history_entry(entry);
        }
    }

    fn finish(&mut self) {
        if let Some(path) = &self.history {
            let _ = self.editor.save_history(path);
        }
    }
}

/// The interrupt flag of the VM currently running REPL input; the Ctrl-C handler sets it.
static RUNNING: Mutex<Option<Arc<AtomicBool>>> = Mutex::new(None);

/// Installs the process-wide Ctrl-C handler once (it only acts while input runs).
fn install_interrupt_handler() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let _ = ctrlc::set_handler(|| {
        if let Ok(guard) = RUNNING.lock() {
            if let Some(flag) = guard.as_ref() {
                flag.store(true, Ordering::SeqCst);
            }
        }
    });
}

/// Runs the REPL on an existing VM (after `gscript -i script.gs`); returns the exit status.
pub fn run_with(mut vm: Vm) -> u8 {
    use std::io::IsTerminal;
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let mut source: Box<dyn LineSource> = match terminal.then(EditorSource::new).flatten() {
        Some(editor) => Box::new(editor),
        None => Box::new(PlainSource { stdin: std::io::stdin().lock() }),
    };
    install_interrupt_handler();
    println!("{}", BANNER);
    let status = repl_loop(&mut vm, source.as_mut());
    source.finish();
    vm.flush_stdout();
    status
}

fn repl_loop(vm: &mut Vm, source: &mut dyn LineSource) -> u8 {
    loop {
        vm.flush_stdout();
        let mut input = match source.read(PROMPT) {
            Line::Text(s) => s,
            Line::Cancelled => continue,
            Line::Eof => {
                println!();
                return 0;
            }
        };
        loop {
            match compile_input(vm, &input) {
                Compiled::Incomplete => match source.read(CONTINUATION_PROMPT) {
                    Line::Text(more) => {
                        input.push('\n');
                        input.push_str(&more);
                    }
                    Line::Cancelled => break,
                    Line::Eof => {
                        println!();
                        return 0;
                    }
                },
                Compiled::Error(text) => {
                    source.remember(&input);
                    eprint!("{}", text);
                    break;
                }
                Compiled::Chunk(f) => {
                    source.remember(&input);
                    if let Some(status) = execute(vm, f) {
                        // A deadlock or an uncaught goroutine error ends the REPL (13.3).
                        return status;
                    }
                    break;
                }
            }
        }
    }
}

enum Compiled {
    Chunk(vm::Value),
    Incomplete,
    /// The rendered compile error.
    Error(String),
}

/// Steps 1–4 of spec 13.3.
fn compile_input(vm: &mut Vm, input: &str) -> Compiled {
    // The pending deferred call keeps `return f()` from being a tail call (6.9.3), so
    // errors raised by builtins show the `stdin:1:` position and the main chunk frame.
    let with_return = format!("defer func() {{}}(); return {}", input);
    if let Ok(p) = compiler::compile_source(with_return.as_bytes(), "stdin") {
        return Compiled::Chunk(vm.load_main(&p, Vm::table_value(vm.globals)));
    }
    match compiler::compile_source(input.as_bytes(), "stdin") {
        Ok(p) => Compiled::Chunk(vm.load_main(&p, Vm::table_value(vm.globals))),
        Err(d) if d.incomplete => Compiled::Incomplete,
        Err(d) => {
            let rendered = d.render("stdin", input.as_bytes());
            Compiled::Error(rendered.strip_prefix("gscript: ").unwrap_or(&rendered).to_string())
        }
    }
}

/// Runs a compiled input and prints its results or its error. Returns the exit status
/// if the error ends the REPL (a deadlock or an uncaught error in another goroutine).
fn execute(vm: &mut Vm, f: vm::Value) -> Option<u8> {
    vm.interrupt.store(false, Ordering::SeqCst);
    if let Ok(mut running) = RUNNING.lock() {
        *running = Some(vm.interrupt.clone());
    }
    let result = vm.call(f, &[]);
    if let Ok(mut running) = RUNNING.lock() {
        *running = None;
    }
    vm.interrupt.store(false, Ordering::SeqCst);
    match result {
        Ok(values) => print_results(vm, &values),
        Err(e) if matches!(e.fatal, Some(vm::Fatal::GoroutineDied { .. } | vm::Fatal::Deadlock)) => {
            vm.flush_stdout();
            let status = crate::report_uncaught(vm, &e);
            return Some(status);
        }
        Err(e) => {
            vm.flush_stdout();
            let mut text = crate::error_message(vm, e.value);
            if let Some(tb) = &e.traceback {
                text.push('\n');
                text.push_str(tb);
            }
            eprintln!("{}", text);
        }
    }
    None
}

/// Prints results tab-separated, tables rendered readably.
fn print_results(vm: &mut Vm, values: &[vm::Value]) {
    if values.is_empty() {
        return;
    }
    // Keep the results reachable: `__tostring` may run scripts (a GC safepoint).
    let mark = vm.pinned.len();
    vm.pinned.extend_from_slice(values);
    let opts = DisplayOptions::default();
    let mut line = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            line.push(b'\t');
        }
        if let Some(b) = Vm::str_bytes(*v) {
            line.extend_from_slice(b);
        } else {
            line.extend_from_slice(format_value(vm, *v, &opts).as_bytes());
        }
    }
    line.push(b'\n');
    vm.pinned.truncate(mark);
    let _ = vm.stdout.write_all(&line);
}
