//! Parses a file and prints it back with the pretty-printer:
//! `cargo run -p syntax --example pretty -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: pretty FILE");
    let source = std::fs::read(&path).expect("cannot read file");
    match syntax::parse(&source) {
        Ok(chunk) => print!("{}", syntax::pretty::chunk_to_source(&chunk)),
        Err(d) => print!("{}", d.render(&path, &source)),
    }
}
