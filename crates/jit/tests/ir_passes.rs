//! Optimiser tests written as IR text files (`tests/ir/*.test`).
//!
//! Each file names its pass pipeline on a `pass:` line (`fold`, `dce`, `loop`, `verify-error`, or
//! a comma-separated list) followed by `--- input` and `--- expect` sections. The input
//! is parsed, verified, run through the passes (verifying after each), printed and
//! compared with the expected text (whitespace-trimmed lines). For `verify-error` the
//! expected section is a substring of the verifier's message. Passes: `fold`, `dce`,
//! `loop`, `mem` (`hoist` + `forward`), `hoist`, `forward`, `abc`, `tload`, `snap` (the dead registers
//! come from `dead: PC=SLOT,SLOT ...` lines, since a test has no bytecode).

use jit::{ir_text, opt_abc, opt_dce, opt_fold, opt_loop, opt_mem, opt_snap, opt_tload, verify};
use std::path::Path;

fn section<'a>(text: &'a str, name: &str) -> &'a str {
    let start = text.find(&format!("--- {}", name)).unwrap_or_else(|| panic!("missing --- {}", name));
    let rest = &text[start..];
    let body = &rest[rest.find('\n').map_or(rest.len(), |i| i + 1)..];
    match body.find("\n---") {
        Some(end) => &body[..end + 1],
        None => body,
    }
}

fn norm(s: &str) -> String {
    s.lines().map(|l| l.split(';').next().unwrap_or("").trim()).filter(|l| !l.is_empty() && !l.starts_with('#')).collect::<Vec<_>>().join("\n")
}

fn run_file(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let passes = text.lines().find_map(|l| l.strip_prefix("pass:")).ok_or("missing pass: line")?.trim().to_string();
    let input = ir_text::parse(section(&text, "input"))?;
    let expect = section(&text, "expect");
    if passes == "verify-error" {
        return match verify::verify(&input) {
            Ok(()) => Err("verifier accepted invalid IR".into()),
            Err(e) if e.contains(expect.trim()) => Ok(()),
            Err(e) => Err(format!("verifier said '{}', expected '{}'", e, expect.trim())),
        };
    }
    verify::verify(&input).map_err(|e| format!("input: {}", e))?;
    // The text form round-trips.
    let again = ir_text::parse(&ir_text::print(&input))?;
    if ir_text::print(&again) != ir_text::print(&input) {
        return Err("text form does not round-trip".into());
    }
    // `dead: 5=6,7 9=3`: registers dead at a pc, for the `snap` pass.
    let mut dead: Vec<(usize, u16)> = Vec::new();
    for l in text.lines().filter_map(|l| l.strip_prefix("dead:")) {
        for w in l.split_whitespace() {
            let (pc, slots) = w.split_once('=').ok_or("bad dead: entry")?;
            let pc: usize = pc.parse().map_err(|_| "bad dead: pc")?;
            for s in slots.split(',') {
                dead.push((pc, s.parse().map_err(|_| "bad dead: slot")?));
            }
        }
    }
    let mut t = input;
    for p in passes.split(',').map(str::trim) {
        t = match p {
            "fold" => opt_fold::fold_pass(&t),
            "dce" => opt_dce::dce(&t),
            "loop" => opt_loop::optimize(&t),
            "mem" => opt_mem::optimize(&t),
            "hoist" => opt_mem::hoist(&t),
            "forward" => opt_mem::forward(&t),
            "mark_checked" => opt_mem::mark_checked(&t),
            "abc" => opt_abc::optimize(&t).0,
            "tload" => opt_tload::optimize(&t),
            "snap" => opt_snap::prune(&t, |pc, slot| dead.contains(&(pc, slot))),
            other => return Err(format!("unknown pass {}", other)),
        };
        verify::verify(&t).map_err(|e| format!("after {}: {}", p, e))?;
    }
    let got = norm(&ir_text::print(&t));
    if got != norm(expect) {
        return Err(format!("got:\n{}\nexpected:\n{}", got, norm(expect)));
    }
    Ok(())
}

#[test]
fn ir_text_tests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ir");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "test")).collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for f in &files {
        if let Err(e) = run_file(f) {
            failures.push(format!("{}: {}", f.display(), e));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    println!("{} IR tests passed", files.len());
}
