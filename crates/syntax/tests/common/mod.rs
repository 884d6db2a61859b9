//! Helpers shared by the integration tests.
#![allow(dead_code)]

use syntax::ast::Chunk;
use syntax::pretty::{chunk_to_source, clear_spans};
use syntax::Diagnostic;

/// Parses or panics with the diagnostic.
pub fn parse_ok(source: &str) -> Chunk {
    match syntax::parse(source.as_bytes()) {
        Ok(chunk) => chunk,
        Err(d) => panic!("unexpected error {:?} for:\n{}", d, source),
    }
}

/// Parses expecting an error.
pub fn parse_err(source: &str) -> Diagnostic {
    match syntax::parse(source.as_bytes()) {
        Ok(chunk) => panic!("expected an error for:\n{}\ngot {:#?}", source, chunk),
        Err(d) => d,
    }
}

/// Asserts the error message and line.
pub fn assert_error(source: &str, message: &str, line: u32) {
    let d = parse_err(source);
    assert_eq!((d.message.as_str(), d.line), (message, line), "source:\n{}", source);
}

/// The AST with all spans cleared.
pub fn normalized(source: &[u8]) -> Chunk {
    let mut chunk = syntax::parse(source).unwrap_or_else(|d| panic!("{:?}", d));
    clear_spans(&mut chunk);
    chunk
}

/// parse -> print -> parse yields the same AST (ignoring spans), and printing is stable.
pub fn assert_round_trip(source: &str) {
    assert_round_trip_bytes(source.as_bytes());
}

pub fn assert_round_trip_bytes(source: &[u8]) {
    let first = normalized(source);
    let printed = chunk_to_source(&first);
    let second = match syntax::parse(printed.as_bytes()) {
        Ok(mut chunk) => {
            clear_spans(&mut chunk);
            chunk
        }
        Err(d) => panic!(
            "printed source does not parse: {:?}\n--- original\n{}\n--- printed\n{}",
            d,
            String::from_utf8_lossy(source),
            printed
        ),
    };
    assert!(
        first == second,
        "round trip changed the AST\n--- original\n{}\n--- printed\n{}",
        String::from_utf8_lossy(source),
        printed
    );
    assert_eq!(chunk_to_source(&second), printed, "printing is not stable");
}
