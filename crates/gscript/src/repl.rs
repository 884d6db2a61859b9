//! The interactive REPL (spec 13.3): each input is a chunk named `stdin`; expressions
//! print their values; incomplete input (an error at end of input) asks for more lines.

use std::io::{BufRead, Write};
use vm::Vm;

pub fn run() -> u8 {
    run_with(Vm::new())
}

pub fn run_with(mut vm: Vm) -> u8 {
    println!("GScript 1.0  (Ctrl-D to exit)");
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        vm.flush_stdout();
        print!("> ");
        let _ = std::io::stdout().flush();
        let Some(Ok(first)) = lines.next() else {
            println!();
            return 0;
        };
        let mut input = first;
        loop {
            match eval(&mut vm, &input) {
                Eval::Incomplete => {
                    print!(">> ");
                    let _ = std::io::stdout().flush();
                    match lines.next() {
                        Some(Ok(more)) => {
                            input.push('\n');
                            input.push_str(&more);
                        }
                        _ => return 0,
                    }
                }
                Eval::Done => break,
            }
        }
    }
}

enum Eval {
    Done,
    Incomplete,
}

fn eval(vm: &mut Vm, input: &str) -> Eval {
    let with_return = format!("return {}", input);
    let f = match compiler::compile_source(with_return.as_bytes(), "stdin") {
        Ok(p) => vm.load_main(&p, Vm::table_value(vm.globals)),
        Err(_) => match compiler::compile_source(input.as_bytes(), "stdin") {
            Ok(p) => vm.load_main(&p, Vm::table_value(vm.globals)),
            Err(d) if d.incomplete => return Eval::Incomplete,
            Err(d) => {
                eprintln!("{}", d.with_chunk("stdin"));
                return Eval::Done;
            }
        },
    };
    match vm.call(f, &[]) {
        Ok(values) => {
            if !values.is_empty() {
                let mut line = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        line.push(b'\t');
                    }
                    match vm.tostring(*v) {
                        Ok(s) => line.extend_from_slice(Vm::str_bytes(s).unwrap_or(b"?")),
                        Err(_) => line.extend_from_slice(b"?"),
                    }
                }
                line.push(b'\n');
                let _ = vm.stdout.write_all(&line);
            }
        }
        Err(e) => {
            vm.flush_stdout();
            crate::report_uncaught(vm, &e, None);
        }
    }
    Eval::Done
}
