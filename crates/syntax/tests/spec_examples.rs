//! Every ```gscript example of the language spec must parse, and must survive a
//! pretty-print round trip. The examples are read from a checked-in copy
//! (tests/fixtures/spec_examples.md) and, when present, from the spec itself at
//! ../../../shared/spec/LANGUAGE.md relative to this crate (skipped with a notice if absent).

mod common;

use std::path::PathBuf;

/// The bodies of all ```gscript fenced blocks of a markdown text, with the line of each.
fn gscript_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (index, line) in markdown.lines().enumerate() {
        match &mut current {
            None if line.trim_start() == "```gscript" => current = Some((index + 2, String::new())),
            None => {}
            Some(_) if line.trim_start() == "```" => blocks.push(current.take().unwrap()),
            Some((_, body)) => {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    blocks
}

fn check_all(markdown: &str, origin: &str) -> usize {
    let blocks = gscript_blocks(markdown);
    assert!(!blocks.is_empty(), "no examples found in {}", origin);
    for (line, body) in &blocks {
        match syntax::parse(body.as_bytes()) {
            Ok(_) => common::assert_round_trip(body),
            Err(d) => panic!("{} example at line {} does not parse: {}\n{}", origin, line, d.with_chunk("test.gs"), body),
        }
    }
    blocks.len()
}

#[test]
fn fixture_examples_parse() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spec_examples.md");
    let text = std::fs::read_to_string(&path).expect("fixture present");
    let count = check_all(&text, "fixture");
    assert!(count >= 50, "only {} examples in the fixture", count);
}

#[test]
fn spec_examples_parse() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/spec/LANGUAGE.md");
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            check_all(&text, "spec");
        }
        Err(_) => eprintln!("note: {} not found; skipping the live spec examples", path.display()),
    }
}
