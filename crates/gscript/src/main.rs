//! The `gscript` command (spec 13): run a script file, `-e CODE`, standard input, or the
//! REPL; debugging flags to dump the AST and bytecode; exit statuses as specified.
//!
//! Argument handling follows the `lua` command: options come before the script (or `-`,
//! or `-e CODE`), everything after it goes to the script as `arg[1..]` and `...`.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: gscript [options] [script [args...]]

Runs a GScript program: the file SCRIPT, the code given with -e, or standard input
('-'). With no script, starts the interactive REPL when standard input is a terminal,
and otherwise reads the program from standard input.

Options:
  -e CODE            run CODE as the main chunk (chunk name '(command line)');
                     the remaining arguments go to the chunk
  -                  read the main chunk from standard input (chunk name 'stdin')
  -i                 enter the REPL after running the script (or instead of one)
  -v, --version      print the version and exit
  -h, --help         print this help and exit
  --                 stop handling options; the next argument is the script

Debugging:
  --dump-ast         print the syntax tree (as GScript source with --dump-ast=source)
                     instead of running
  --dump-bytecode    print the bytecode listing instead of running
  --gc-stress        collect garbage at every allocation safepoint
                     (also GSCRIPT_GC_STRESS=1)
  --stack-stress     start thread stacks tiny and move them on every growth
                     (also GSCRIPT_STACK_STRESS=1)

Interpreter:
  -interp=asm        run with the generated x86-64 assembly interpreter
                     (experimental; also GSCRIPT_INTERP=asm); -interp=rust: the
                     Rust interpreter (the default)

JIT (x86-64 tracing compiler; off by default in this version):
  -jon, -joff        turn the JIT on or off (the last one wins)
  -jv                print trace events (start, compile, abort, exit) on stderr
  -jdump             print each trace's IR after every pass and its machine code
  -jhot=N            record a loop after N back-edges (default 56)
  -jexit-stress      make every guard exit now and then (tests the exits);
                     implies -jhot=1 unless -jhot is given
  -jopt=LIST         switch passes: -fold, -dce, -loop, -mem, -snap, -abc, -tload,
                     -regs, -side, -unroll, -istore (e.g. -jopt=-dce,-regs)
  (any -j option other than -joff turns the JIT on)

Environment:
  GSCRIPT_HISTORY    REPL history file (default ~/.gscript_history; empty: none)
  GSCRIPT_GC_STRESS  1 to collect garbage at every allocation safepoint
  GSCRIPT_GC_STATS   set to print collection count and longest pause on exit
  GSCRIPT_STACK_STRESS  1 for --stack-stress
  GSCRIPT_INTERP     asm or rust, as -interp=

Exit status:
  0  the program finished (also os.exit(), os.exit(true), end of REPL input, -v, -h)
  1  uncaught error in the main goroutine, compile error, unreadable script,
     invalid command line, os.exit(false)
  2  deadlock, or uncaught error in another goroutine
  n  os.exit(n)
";

#[derive(Debug, PartialEq)]
enum Source {
    File(String),
    Code(String),
    Stdin,
    Repl,
}

#[derive(Debug, PartialEq, Clone, Copy)]
enum DumpAst {
    No,
    Tree,
    Source,
}

struct Options {
    source: Source,
    script_args: Vec<String>,
    dump_ast: DumpAst,
    dump_bytecode: bool,
    gc_stress: bool,
    interactive: bool,
    /// JIT switches: on/off (None: the default) and the other `-j` options.
    jit_on: Option<bool>,
    jit: jit::Options,
    /// `-interp=asm`: the generated assembly interpreter (vm/src/asm_interp).
    interp_asm: Option<bool>,
}

/// What to do instead of running: exit at once with a status.
struct Exit(u8);

fn usage_error(message: String) -> Exit {
    eprintln!("gscript: {}", message);
    eprint!("{}", USAGE);
    Exit(1)
}

fn parse_args(args: &[String]) -> Result<Options, Exit> {
    let mut opts = Options {
        source: Source::Repl,
        script_args: Vec::new(),
        dump_ast: DumpAst::No,
        dump_bytecode: false,
        gc_stress: false,
        interactive: false,
        jit_on: None,
        jit: jit::Options::default(),
        interp_asm: None,
    };
    let mut i = 1;
    while i < args.len() {
        let a = args[i].as_str();
        let rest = || args[i + 1..].to_vec();
        match a {
            "-v" | "--version" => {
                println!("GScript 1.0");
                return Err(Exit(0));
            }
            "-h" | "--help" => {
                print!("{}", USAGE);
                return Err(Exit(0));
            }
            "--dump-ast" | "--dump-ast=tree" => opts.dump_ast = DumpAst::Tree,
            "--dump-ast=source" => opts.dump_ast = DumpAst::Source,
            "--dump-bytecode" => opts.dump_bytecode = true,
            "--gc-stress" => opts.gc_stress = true,
            // Reliability testing (docs/reliability.md): tiny thread stacks that move on growth.
            "--stack-stress" => vm::thread::set_stack_stress(true),
            "-i" => opts.interactive = true,
            "-interp=asm" => opts.interp_asm = Some(true),
            "-interp=rust" => opts.interp_asm = Some(false),
            "-jon" => opts.jit_on = Some(true),
            "-joff" => opts.jit_on = Some(false),
            _ if a.starts_with("-j") => {
                if !opts.jit.apply_flag(a) {
                    return Err(usage_error(format!("unrecognized option '{}'", a)));
                }
                // Any other -j option turns the JIT on unless -joff says otherwise.
                opts.jit_on.get_or_insert(true);
            }
            "-e" => {
                let Some(code) = args.get(i + 1) else {
                    return Err(usage_error("'-e' needs argument".into()));
                };
                opts.source = Source::Code(code.clone());
                opts.script_args = args[i + 2..].to_vec();
                return Ok(opts);
            }
            "-" => {
                opts.source = Source::Stdin;
                opts.script_args = rest();
                return Ok(opts);
            }
            "--" => {
                if let Some(path) = args.get(i + 1) {
                    opts.source = if path == "-" { Source::Stdin } else { Source::File(path.clone()) };
                    opts.script_args = args[i + 2..].to_vec();
                }
                break;
            }
            _ if a.starts_with('-') && a.len() > 1 => {
                return Err(usage_error(format!("unrecognized option '{}'", a)));
            }
            _ => {
                opts.source = Source::File(a.to_string());
                opts.script_args = rest();
                return Ok(opts);
            }
        }
        i += 1;
    }
    if opts.source == Source::Repl && !opts.interactive && !std::io::stdin().is_terminal() {
        opts.source = Source::Stdin;
    }
    Ok(opts)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let opts = match parse_args(&args) {
        Ok(o) => o,
        Err(Exit(code)) => return ExitCode::from(code),
    };
    // Run on a thread with a large stack: deep Rust re-entry (metamethods, pcall chains)
    // stays within the documented limits without touching the guard page.
    let child = std::thread::Builder::new().stack_size(256 << 20).spawn(move || run(opts, args));
    match child.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(1),
    }
}

/// Reads the main chunk: (chunk name, text, arg[0]).
fn read_source(source: &Source) -> Result<(String, Vec<u8>, String), u8> {
    match source {
        Source::File(path) => match std::fs::read(path) {
            Ok(s) => Ok((path.clone(), s, path.clone())),
            Err(e) => {
                eprintln!("gscript: cannot open {}: {}", path, vm::stdlib::os_error_reason(&e));
                Err(1)
            }
        },
        Source::Code(code) => Ok(("(command line)".to_string(), code.clone().into_bytes(), "-e".to_string())),
        Source::Stdin | Source::Repl => {
            let mut s = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut s) {
                eprintln!("gscript: cannot read stdin: {}", vm::stdlib::os_error_reason(&e));
                return Err(1);
            }
            Ok(("stdin".to_string(), s, "-".to_string()))
        }
    }
}

/// Applies `-interp=asm` / `-interp=rust` (None: the default, or GSCRIPT_INTERP).
fn select_interp(vm: &mut vm::Vm, asm: Option<bool>) {
    if let Some(on) = asm {
        if !vm.set_asm_interp(on) {
            eprintln!("gscript: the assembly interpreter is not available on this machine; using the Rust interpreter");
        }
    }
}

fn run(opts: Options, argv: Vec<String>) -> u8 {
    if opts.source == Source::Repl {
        let mut vm = vm::Vm::new();
        vm.heap.stress |= opts.gc_stress;
        select_interp(&mut vm, opts.interp_asm);
        gscript::set_arg_table(&mut vm, &argv[0], &argv[0], &[]);
        return gscript::repl::run_with(vm);
    }
    let (chunk_name, source, arg0) = match read_source(&opts.source) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if opts.dump_ast != DumpAst::No {
        return match syntax::parse(&source) {
            Ok(ast) => {
                if opts.dump_ast == DumpAst::Source {
                    print!("{}", syntax::pretty::chunk_to_source(&ast));
                } else {
                    println!("{:#?}", ast);
                }
                0
            }
            Err(d) => {
                eprint!("{}", d.render(&chunk_name, &source));
                1
            }
        };
    }
    let proto = match compiler::compile_source(&source, &chunk_name) {
        Ok(p) => p,
        Err(d) => {
            eprint!("{}", d.render(&chunk_name, &source));
            return 1;
        }
    };
    if opts.dump_bytecode {
        print!("{}", compiler::disasm::disassemble(&proto));
        return 0;
    }
    let mut vm = vm::Vm::new();
    vm.heap.stress |= opts.gc_stress;
    select_interp(&mut vm, opts.interp_asm);
    if opts.jit_on == Some(true) && !jit::Engine::attach(&mut vm, opts.jit.clone()) && opts.jit.verbose {
        eprintln!("[jit] not available on this machine");
    }
    if let Source::File(path) = &opts.source {
        vm.script_path = Some(path.clone());
    }
    let script_args: Vec<vm::Value> = opts.script_args.iter().map(|a| vm.str_value(a.as_bytes())).collect();
    gscript::set_arg_table(&mut vm, &argv[0], &arg0, &script_args);
    let main = vm.load_main(&proto, vm::Vm::table_value(vm.globals));
    let result = vm.call(main, &script_args);
    vm.flush_stdout();
    let code = match result {
        Ok(_) if opts.interactive => return gscript::repl::run_with(vm),
        Ok(_) => 0,
        Err(e) => {
            let code = gscript::report_uncaught(&mut vm, &e);
            let _ = std::io::stderr().flush();
            code
        }
    };
    vm.flush_stdout();
    if std::env::var_os("GSCRIPT_GC_STATS").is_some() {
        eprintln!(
            "gc: {} collections, total pause {:.3} ms, max pause {:.3} ms (live {} KiB after it), live {} KiB",
            vm.heap.collections,
            vm.heap.total_pause.as_secs_f64() * 1000.0,
            vm.heap.max_pause.as_secs_f64() * 1000.0,
            vm.heap.max_pause_live / 1024,
            vm.heap.live_bytes / 1024
        );
    }
    // The process is about to exit: skip freeing every object one by one (like `lua`,
    // which leaves the heap to the OS on exit).
    std::mem::forget(vm);
    code
}
