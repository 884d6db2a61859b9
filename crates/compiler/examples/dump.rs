//! Prints the disassembly of a GScript file (or stdin): `cargo run -p compiler --example dump -- FILE`.
use std::io::Read;

fn main() {
    let mut src = Vec::new();
    let name = match std::env::args().nth(1) {
        Some(path) => {
            src = std::fs::read(&path).expect("read file");
            path
        }
        None => {
            std::io::stdin().read_to_end(&mut src).expect("read stdin");
            "stdin".to_string()
        }
    };
    match compiler::compile_source(&src, &name) {
        Ok(p) => print!("{}", compiler::disasm::disassemble(&p)),
        Err(d) => {
            eprintln!("{}", d.with_chunk(&name));
            std::process::exit(1);
        }
    }
}
