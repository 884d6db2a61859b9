//! Parses a file and prints the AST (debugging aid): `cargo run -p syntax --example parse_file -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: parse_file FILE");
    let source = std::fs::read(&path).expect("cannot read file");
    match syntax::parse(&source) {
        Ok(chunk) => println!("{:#?}", chunk),
        Err(d) => println!("{}", d.with_chunk(&path)),
    }
}
