//! Fuzz target for the front end: any byte string must parse or fail with a diagnostic
//! (never panic, never overflow the stack), and whatever parses must survive a
//! pretty-print round trip: `parse(print(ast)) == ast` ignoring spans.
#![no_main]
use libfuzzer_sys::fuzz_target;
use syntax::pretty::{chunk_to_source, clear_spans};

fuzz_target!(|data: &[u8]| {
    // Also exercise the public token stream.
    let _ = syntax::lexer::tokenize(data);
    let Ok(mut chunk) = syntax::parse(data) else { return };
    let printed = chunk_to_source(&chunk);
    let mut reparsed = match syntax::parse(printed.as_bytes()) {
        Ok(chunk) => chunk,
        Err(d) => panic!("printed source does not parse: {:?}\n{}", d, printed),
    };
    clear_spans(&mut chunk);
    clear_spans(&mut reparsed);
    assert!(chunk == reparsed, "round trip changed the AST:\n{}", printed);
    assert_eq!(chunk_to_source(&reparsed), printed, "printing is not stable");
});
