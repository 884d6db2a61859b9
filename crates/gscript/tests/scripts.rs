//! Conformance runner for the script tests under `tests/` (repository root).
//!
//! # Which files are tests
//!
//! Every `*.gs` file below `tests/` is a test, **except**:
//!
//! * files below `tests/lua_twins/` (those are run by `lua_twins.rs`);
//! * files that have a path component named `modules` (helper modules loaded by
//!   `require`/`dofile` from a test; e.g. `tests/modules_use/modules/mathx.gs`);
//! * files that contain no directive line at all (no `// expect:`, `// expect-stderr:` or
//!   `// expect-exit:`); such files are helpers too (for example a file run by `dofile`).
//!
//! # Directives (LANGUAGE.md section 0.2)
//!
//! * `// expect: TEXT` — the next line of stdout. TEXT is everything after the colon and ONE
//!   following space; a bare `// expect:` is an empty line. In TEXT, `\t` is a TAB and `\\` a
//!   backslash; nothing else is an escape. Stdout must be exactly the concatenation of all
//!   TEXT values, each followed by `\n`.
//! * `// expect-stderr: TEXT` — the FIRST line of stderr must be exactly TEXT (same escapes).
//! * `// expect-exit: N` — the exit status (default 0).
//!
//! Runner-only extensions (comments for the language, ignored by the spec convention):
//!
//! * `// test-args: A B C` — extra script arguments (split on spaces) after the file name.
//! * `// skip-modes: gc-stress,jit-hot1` — do not run this file in the listed modes
//!   (use only for tests whose cost explodes in a stress mode; say why in a comment).
//!
//! Each test runs as `gscript [MODE FLAGS] BASENAME.gs [test-args]` with the current directory
//! set to the directory of the file, so error positions read `BASENAME.gs:LINE:`.
//! Stdin is empty (`/dev/null`).
//!
//! # Modes
//!
//! `GSCRIPT_TEST_MODES` (comma-separated, default `interp`) selects execution modes. A mode is
//! mapped to extra command-line flags by `MODES` below:
//!
//! | mode              | flags                |
//! |-------------------|----------------------|
//! | `interp`          | (none)               |
//! | `gc-stress`       | `--gc-stress`        |
//! | `stack-stress`    | `--stack-stress`     |
//! | `jit-hot1`        | `-jhot=1`            |
//! | `jit-exit-stress` | `-jexit-stress`      |
//!
//! A mode that starts with `-` is taken literally as a flag (`GSCRIPT_TEST_MODES=-jhot=5`).
//!
//! Test functions:
//!
//! * `scripts_interp` — mode `interp` (skipped, with a notice, if `GSCRIPT_TEST_MODES` is set
//!   and does not contain `interp`).
//! * `scripts_gc_stress` — mode `gc-stress`; `#[ignore]`d because it is slow. Run it with
//!   `cargo test -p gscript --test scripts -- --ignored scripts_gc_stress`.
//! * `scripts_stack_stress` — mode `stack-stress` (tiny thread stacks that move on every
//!   growth; docs/reliability.md); `#[ignore]`d like gc-stress. Run it with
//!   `cargo test -p gscript --test scripts -- --ignored scripts_stack_stress`.
//! * `scripts_env_modes` — every mode in `GSCRIPT_TEST_MODES` other than `interp`
//!   (e.g. `GSCRIPT_TEST_MODES=interp,gc-stress,jit-hot1 cargo test -p gscript --test scripts`).
//!
//! # Other environment variables
//!
//! * `GSCRIPT_TEST_FILTER` — only run files whose path (relative to `tests/`) contains this
//!   substring (comma-separated alternatives allowed).
//! * `GSCRIPT_TEST_TIMEOUT` — per-test timeout in seconds (default 20; 120 in gc-stress mode).
//! * `GSCRIPT_TEST_JOBS` — number of parallel worker threads (default: available parallelism,
//!   at least 2).
//! * `GSCRIPT_BIN` — binary to test instead of the one cargo built (e.g. a release build).
//!
//! All failures are collected and reported together at the end with a readable diff.

mod common;

use common::{gscript_bin, mode_flags, run_with_timeout, show};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn tests_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests")
}

#[derive(Debug, Default)]
struct Expectations {
    stdout: Vec<u8>,
    stderr_first: Option<Vec<u8>>,
    exit: i32,
    args: Vec<String>,
    skip_modes: Vec<String>,
    has_directive: bool,
}

fn unescape(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'\\' && i + 1 < text.len() {
            match text[i + 1] {
                b't' => {
                    out.push(b'\t');
                    i += 2;
                    continue;
                }
                b'\\' => {
                    out.push(b'\\');
                    i += 2;
                    continue;
                }
                _ => {}
            }
        }
        out.push(text[i]);
        i += 1;
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// TEXT after a directive: drop exactly one leading space if present.
fn directive_text(rest: &[u8]) -> &[u8] {
    let rest = rest.strip_suffix(b"\r").unwrap_or(rest);
    rest.strip_prefix(b" ").unwrap_or(rest)
}

fn parse_expectations(src: &[u8]) -> Expectations {
    let mut e = Expectations::default();
    for line in src.split(|&b| b == b'\n') {
        if let Some(p) = find(line, b"// expect-stderr:") {
            e.has_directive = true;
            e.stderr_first = Some(unescape(directive_text(&line[p + 17..])));
        } else if let Some(p) = find(line, b"// expect-exit:") {
            e.has_directive = true;
            let t = String::from_utf8_lossy(directive_text(&line[p + 15..])).trim().to_string();
            e.exit = t.parse().unwrap_or_else(|_| panic!("bad expect-exit value '{t}'"));
        } else if let Some(p) = find(line, b"// expect:") {
            e.has_directive = true;
            e.stdout.extend(unescape(directive_text(&line[p + 10..])));
            e.stdout.push(b'\n');
        } else if let Some(p) = find(line, b"// test-args:") {
            let t = String::from_utf8_lossy(directive_text(&line[p + 13..])).to_string();
            e.args = t.split_whitespace().map(|s| s.to_string()).collect();
        } else if let Some(p) = find(line, b"// skip-modes:") {
            let t = String::from_utf8_lossy(directive_text(&line[p + 14..])).to_string();
            e.skip_modes = t.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        }
    }
    e
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(_) => return,
    };
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            if name == "modules" || (dir == root && name == "lua_twins") {
                continue;
            }
            collect(&p, root, out);
        } else if name.ends_with(".gs") {
            out.push(p);
        }
    }
}

fn first_line(bytes: &[u8]) -> &[u8] {
    match bytes.iter().position(|&b| b == b'\n') {
        Some(p) => &bytes[..p],
        None => bytes,
    }
}

/// Describe the first differing stdout line.
fn stdout_diff(exp: &[u8], act: &[u8]) -> String {
    let el: Vec<&[u8]> = exp.split(|&b| b == b'\n').collect();
    let al: Vec<&[u8]> = act.split(|&b| b == b'\n').collect();
    let n = el.len().max(al.len());
    for i in 0..n {
        let e = el.get(i);
        let a = al.get(i);
        if e != a {
            let f = |x: Option<&&[u8]>| match x {
                Some(b) => format!("{:?}", String::from_utf8_lossy(b)),
                None => "<missing>".to_string(),
            };
            return format!(
                "  first difference at stdout line {}:\n    expected: {}\n    actual:   {}\n",
                i + 1,
                f(e),
                f(a)
            );
        }
    }
    String::new()
}

fn check_one(path: &Path, root: &Path, mode: &str, timeout: Duration) -> Option<String> {
    let src = std::fs::read(path).expect("read test file");
    let exp = parse_expectations(&src);
    if exp.skip_modes.iter().any(|m| m == mode) {
        return None;
    }
    let dir = path.parent().unwrap();
    let base = path.file_name().unwrap().to_string_lossy().to_string();
    let mut cmd = Command::new(gscript_bin());
    let flags = mode_flags(mode);
    cmd.args(&flags).arg(&base).args(&exp.args).current_dir(dir);
    let out = run_with_timeout(cmd, timeout);
    let rel = path.strip_prefix(root).unwrap_or(path).display().to_string();
    let cmdline = format!(
        "(cd tests/{} && gscript {}{}{})",
        Path::new(&rel).parent().map(|p| p.display().to_string()).unwrap_or_default(),
        flags.iter().map(|f| format!("{f} ")).collect::<String>(),
        base,
        exp.args.iter().map(|a| format!(" {a}")).collect::<String>()
    );
    if let Some(e) = out.spawn_error {
        return Some(format!("FAIL {rel} [{mode}]: cannot run gscript: {e}\n"));
    }
    let mut problems = String::new();
    if out.timed_out {
        problems.push_str(&format!("  TIMEOUT after {}s\n", timeout.as_secs()));
    }
    if out.status != Some(exp.exit) {
        problems.push_str(&format!(
            "  exit status: expected {}, got {}\n",
            exp.exit,
            match out.status {
                Some(c) => c.to_string(),
                None => "none (killed by a signal or timeout)".to_string(),
            }
        ));
    }
    if out.stdout != exp.stdout {
        problems.push_str("  stdout differs\n");
        problems.push_str(&stdout_diff(&exp.stdout, &out.stdout));
        problems.push_str("  expected stdout:\n");
        problems.push_str(&show(&exp.stdout, 40));
        problems.push_str("  actual stdout:\n");
        problems.push_str(&show(&out.stdout, 40));
    }
    if let Some(es) = &exp.stderr_first {
        let af = first_line(&out.stderr);
        if af != es.as_slice() {
            problems.push_str(&format!(
                "  first stderr line differs:\n    expected: {:?}\n    actual:   {:?}\n",
                String::from_utf8_lossy(es),
                String::from_utf8_lossy(af)
            ));
        }
    }
    if problems.is_empty() {
        None
    } else {
        if !out.stderr.is_empty() {
            problems.push_str("  stderr:\n");
            problems.push_str(&show(&out.stderr, 12));
        }
        Some(format!("FAIL {rel} [{mode}]  {cmdline}\n{problems}"))
    }
}

fn filter_matches(rel: &str) -> bool {
    match std::env::var("GSCRIPT_TEST_FILTER") {
        Ok(f) if !f.is_empty() => f.split(',').any(|alt| rel.contains(alt)),
        _ => true,
    }
}

fn test_files() -> Vec<PathBuf> {
    let root = tests_root();
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files
        .into_iter()
        .filter(|p| {
            let rel = p.strip_prefix(&root).unwrap().display().to_string();
            if !filter_matches(&rel) {
                return false;
            }
            let src = std::fs::read(p).unwrap_or_default();
            parse_expectations(&src).has_directive
        })
        .collect()
}

fn run_mode(mode: &str) {
    let root = tests_root();
    let files = test_files();
    let default_timeout = if mode == "gc-stress" || mode == "stack-stress" { 120 } else { 20 };
    let timeout = Duration::from_secs(
        std::env::var("GSCRIPT_TEST_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(default_timeout),
    );
    let jobs = std::env::var("GSCRIPT_TEST_JOBS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(2));
    let total = files.len();
    let queue = Arc::new(Mutex::new(files));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut handles = Vec::new();
    for _ in 0..jobs {
        let queue = Arc::clone(&queue);
        let failures = Arc::clone(&failures);
        let root = root.clone();
        let mode = mode.to_string();
        handles.push(std::thread::spawn(move || loop {
            let next = queue.lock().unwrap().pop();
            let Some(path) = next else { break };
            if let Some(f) = check_one(&path, &root, &mode, timeout) {
                failures.lock().unwrap().push(f);
            }
        }));
    }
    for h in handles {
        h.join().expect("worker panicked");
    }
    let mut failures = failures.lock().unwrap().clone();
    failures.sort();
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!(
        "scripts [{mode}]: {} files, {} passed, {} failed",
        total,
        total - failures.len(),
        failures.len()
    );
    if !failures.is_empty() {
        let names: Vec<String> =
            failures.iter().map(|f| f.lines().next().unwrap_or("").to_string()).collect();
        panic!("{} of {} script tests failed in mode {mode}:\n{}", failures.len(), total, names.join("\n"));
    }
}

fn env_modes() -> Option<Vec<String>> {
    match std::env::var("GSCRIPT_TEST_MODES") {
        Ok(s) if !s.trim().is_empty() => {
            Some(s.split(',').map(|m| m.trim().to_string()).filter(|m| !m.is_empty()).collect())
        }
        _ => None,
    }
}

#[test]
fn scripts_interp() {
    if let Some(modes) = env_modes() {
        if !modes.iter().any(|m| m == "interp") {
            eprintln!("scripts_interp: SKIPPED (GSCRIPT_TEST_MODES does not contain 'interp')");
            return;
        }
    }
    run_mode("interp");
}

#[test]
#[ignore = "slow: collects garbage at every allocation; run with --ignored or GSCRIPT_TEST_MODES=gc-stress"]
fn scripts_gc_stress() {
    run_mode("gc-stress");
}

#[test]
#[ignore = "slow: thread stacks start tiny and move on every growth; run with --ignored or GSCRIPT_TEST_MODES=stack-stress"]
fn scripts_stack_stress() {
    run_mode("stack-stress");
}

#[test]
fn scripts_env_modes() {
    let Some(modes) = env_modes() else { return };
    for m in modes.iter().filter(|m| m.as_str() != "interp") {
        mode_flags(m); // validate early
    }
    let mut failed = Vec::new();
    for m in modes.iter().filter(|m| m.as_str() != "interp") {
        if std::panic::catch_unwind(|| run_mode(m)).is_err() {
            failed.push(m.clone());
        }
    }
    assert!(failed.is_empty(), "script tests failed in modes {failed:?}");
}

#[test]
fn directive_parsing() {
    let src = b"print(1) // expect: a\\tb\n// expect:\n// expect:  two spaces\n// expect: back\\\\slash \\n\n// expect-stderr: gscript: x.gs:1: boom\n// expect-exit: 1\n";
    let e = parse_expectations(src);
    assert_eq!(e.stdout, b"a\tb\n\n two spaces\nback\\slash \\n\n".to_vec());
    assert_eq!(e.stderr_first.as_deref(), Some(&b"gscript: x.gs:1: boom"[..]));
    assert_eq!(e.exit, 1);
    assert!(e.has_directive);
    assert!(!parse_expectations(b"print(1)\n").has_directive);
}
