//! Every ```gscript example of the language spec must compile, except examples whose
//! `// expect-stderr:` line is exactly the compile error we report.

use std::path::PathBuf;

fn gscript_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (index, line) in markdown.lines().enumerate() {
        match &mut current {
            None if line.trim_start() == "```gscript" => current = Some((index + 2, String::new())),
            None => {}
            Some(_) if line.trim_start() == "```" => blocks.extend(current.take()),
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
    let mut failures = Vec::new();
    for (line, body) in &blocks {
        if let Err(d) = compiler::compile_source(body.as_bytes(), "test.gs") {
            let msg = format!("gscript: {}", d.with_chunk("test.gs"));
            let expected = body.lines().any(|l| l.contains("// expect-stderr:") && l.trim_end().ends_with(&msg));
            if !expected {
                failures.push(format!("{} example at line {}: {}\n{}", origin, line, msg, body));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
    blocks.len()
}

#[test]
fn fixture_examples_compile() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../syntax/tests/fixtures/spec_examples.md");
    if let Ok(text) = std::fs::read_to_string(&path) {
        check_all(&text, "fixture");
    }
}

#[test]
fn spec_examples_compile() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/spec/LANGUAGE.md");
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            check_all(&text, "spec");
        }
        Err(_) => eprintln!("note: {} not found; skipping the live spec examples", path.display()),
    }
}
