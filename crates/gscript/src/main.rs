//! The `gscript` command (spec 13): run a script file, `-e CODE`, standard input, or the
//! REPL; debugging flags to dump the AST and bytecode; exit statuses as specified.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: gscript [options] [script [args...]]
Options:
  -e CODE            run CODE as the main chunk (chunk name '(command line)')
  -                  read the main chunk from standard input
  -i                 enter the REPL after running the script
  -v, --version      print the version and exit
  -h, --help         print this help and exit
  --                 stop handling options
Debugging:
  --dump-ast         print the syntax tree instead of running
  --dump-bytecode    print the bytecode listing instead of running
  --gc-stress        collect garbage at every allocation safepoint (also GSCRIPT_GC_STRESS=1)
Exit status: 0 success, 1 error in the main goroutine / compile error / bad command line,
2 deadlock or error in another goroutine, n for os.exit(n).
";

enum Source {
    File(String),
    Code(String),
    Stdin,
    Repl,
}

struct Options {
    source: Source,
    script_args: Vec<String>,
    dump_ast: bool,
    dump_bytecode: bool,
    gc_stress: bool,
    interactive: bool,
}

fn parse_args(args: &[String]) -> Result<Options, ExitCode> {
    let mut opts = Options {
        source: Source::Repl,
        script_args: Vec::new(),
        dump_ast: false,
        dump_bytecode: false,
        gc_stress: false,
        interactive: false,
    };
    let mut i = 1;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-v" | "--version" => {
                println!("GScript 1.0");
                return Err(ExitCode::SUCCESS);
            }
            "-h" | "--help" => {
                print!("{}", USAGE);
                return Err(ExitCode::SUCCESS);
            }
            "--dump-ast" => opts.dump_ast = true,
            "--dump-bytecode" => opts.dump_bytecode = true,
            "--gc-stress" => opts.gc_stress = true,
            "-i" => opts.interactive = true,
            "-e" => {
                let Some(code) = args.get(i + 1) else {
                    eprintln!("gscript: '-e' needs argument");
                    eprint!("{}", USAGE);
                    return Err(ExitCode::from(1));
                };
                opts.source = Source::Code(code.clone());
                opts.script_args = args[i + 2..].to_vec();
                return Ok(opts);
            }
            "-" => {
                opts.source = Source::Stdin;
                opts.script_args = args[i + 1..].to_vec();
                return Ok(opts);
            }
            "--" => {
                if let Some(path) = args.get(i + 1) {
                    opts.source = Source::File(path.clone());
                    opts.script_args = args[i + 2..].to_vec();
                }
                return Ok(opts);
            }
            _ if a.starts_with('-') && a.len() > 1 => {
                eprintln!("gscript: unrecognized option '{}'", a);
                eprint!("{}", USAGE);
                return Err(ExitCode::from(1));
            }
            _ => {
                opts.source = Source::File(a.to_string());
                opts.script_args = args[i + 1..].to_vec();
                return Ok(opts);
            }
        }
        i += 1;
    }
    if matches!(opts.source, Source::Repl) && !std::io::stdin().is_terminal() {
        opts.source = Source::Stdin;
    }
    Ok(opts)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let opts = match parse_args(&args) {
        Ok(o) => o,
        Err(code) => return code,
    };
    // Run on a thread with a large stack: deep Rust re-entry (metamethods, pcall chains)
    // stays within the documented limits without touching the guard page.
    let child = std::thread::Builder::new().stack_size(256 << 20).spawn(move || run(opts, args));
    match child.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(1),
    }
}

fn run(opts: Options, argv: Vec<String>) -> u8 {
    let (chunk_name, source, arg0) = match &opts.source {
        Source::File(path) => match std::fs::read(path) {
            Ok(s) => (path.clone(), s, path.clone()),
            Err(e) => {
                eprintln!("gscript: cannot open {}: {}", path, vm::stdlib::os_error_reason(&e));
                return 1;
            }
        },
        Source::Code(code) => ("(command line)".to_string(), code.clone().into_bytes(), "-e".to_string()),
        Source::Stdin => {
            let mut s = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut s) {
                eprintln!("gscript: cannot read stdin: {}", e);
                return 1;
            }
            ("stdin".to_string(), s, "-".to_string())
        }
        Source::Repl => return gscript::repl::run(),
    };
    if opts.dump_ast {
        return match syntax::parse(&source) {
            Ok(ast) => {
                println!("{:#?}", ast);
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
    if opts.gc_stress {
        vm.heap.stress = true;
    }
    if let Source::File(path) = &opts.source {
        vm.script_path = Some(path.clone());
    }
    let script_args: Vec<vm::Value> = opts.script_args.iter().map(|a| vm.str_value(a.as_bytes())).collect();
    gscript::set_arg_table(&mut vm, &argv[0], &arg0, &script_args);
    let main = vm.load_main(&proto, vm::Vm::table_value(vm.globals));
    let result = vm.call(main, &script_args);
    vm.flush_stdout();
    match result {
        Ok(_) => {
            if opts.interactive {
                return gscript::repl::run_with(vm);
            }
            0
        }
        Err(e) => {
            gscript::report_uncaught(&mut vm, &e, None);
            let _ = std::io::stderr().flush();
            1
        }
    }
}
