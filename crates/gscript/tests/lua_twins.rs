//! Differential runner: `tests/lua_twins/NAME.gs` against `tests/lua_twins/NAME.lua`.
//!
//! For every `NAME.gs` in `tests/lua_twins/` (repository root) there must be a `NAME.lua`
//! (a `.gs` without its twin, or a `.lua` without its twin, is reported as a failure).
//! Both are run with the current directory set to `tests/lua_twins`:
//!
//! * `lua5.4 NAME.lua`
//! * `gscript [MODE FLAGS] NAME.gs`
//!
//! and their stdout must be byte-for-byte identical, and their exit statuses equal.
//! If `lua5.4` is not installed (or `GSCRIPT_LUA` names no runnable binary) the test prints
//! `lua_twins: SKIPPED (lua5.4 not found)` and passes.
//!
//! Environment: `GSCRIPT_TEST_MODES` (default `interp`; same table as `scripts.rs`: `interp`,
//! `gc-stress` -> `--gc-stress`, `jit-hot1` -> `-jhot=1`, `jit-exit-stress` ->
//! `-jexit-stress`, or a literal `-flag`), `GSCRIPT_TEST_FILTER` (substring of the file
//! name), `GSCRIPT_TEST_TIMEOUT` (seconds, default 20), `GSCRIPT_TEST_JOBS`, `GSCRIPT_BIN`,
//! `GSCRIPT_LUA` (Lua binary, default `lua5.4`).

mod common;

use common::{gscript_bin, mode_flags, run_with_timeout, show};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn twins_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lua_twins")
}

fn lua_bin() -> String {
    std::env::var("GSCRIPT_LUA").ok().filter(|s| !s.is_empty()).unwrap_or_else(|| "lua5.4".to_string())
}

fn stdout_diff(exp: &[u8], act: &[u8]) -> String {
    let el: Vec<&[u8]> = exp.split(|&b| b == b'\n').collect();
    let al: Vec<&[u8]> = act.split(|&b| b == b'\n').collect();
    for i in 0..el.len().max(al.len()) {
        let (e, a) = (el.get(i), al.get(i));
        if e != a {
            let f = |x: Option<&&[u8]>| match x {
                Some(b) => format!("{:?}", String::from_utf8_lossy(b)),
                None => "<missing>".to_string(),
            };
            return format!(
                "  first difference at stdout line {}:\n    lua5.4:  {}\n    gscript: {}\n",
                i + 1,
                f(e),
                f(a)
            );
        }
    }
    String::new()
}

fn lua_available() -> bool {
    Command::new(lua_bin())
        .arg("-v")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

fn filter_matches(name: &str) -> bool {
    match std::env::var("GSCRIPT_TEST_FILTER") {
        Ok(f) if !f.is_empty() => f.split(',').any(|alt| name.contains(alt)),
        _ => true,
    }
}

fn check_pair(dir: &Path, name: &str, mode: &str, timeout: Duration) -> Option<String> {
    let flags = mode_flags(mode);
    let mut lc = Command::new(lua_bin());
    lc.arg(format!("{name}.lua")).current_dir(dir);
    let lua = run_with_timeout(lc, timeout);
    let mut gc = Command::new(gscript_bin());
    gc.args(&flags).arg(format!("{name}.gs")).current_dir(dir);
    let gs = run_with_timeout(gc, timeout);
    let mut problems = String::new();
    if let Some(e) = &lua.spawn_error {
        problems.push_str(&format!("  cannot run lua: {e}\n"));
    }
    if let Some(e) = &gs.spawn_error {
        problems.push_str(&format!("  cannot run gscript: {e}\n"));
    }
    if lua.timed_out {
        problems.push_str("  lua5.4 TIMEOUT (fix the .lua twin)\n");
    }
    if gs.timed_out {
        problems.push_str(&format!("  gscript TIMEOUT after {}s\n", timeout.as_secs()));
    }
    if lua.status != gs.status {
        problems.push_str(&format!("  exit status: lua5.4 {:?}, gscript {:?}\n", lua.status, gs.status));
    }
    if lua.stdout != gs.stdout {
        problems.push_str("  stdout differs\n");
        problems.push_str(&stdout_diff(&lua.stdout, &gs.stdout));
        problems.push_str("  lua5.4 stdout:\n");
        problems.push_str(&show(&lua.stdout, 30));
        problems.push_str("  gscript stdout:\n");
        problems.push_str(&show(&gs.stdout, 30));
    }
    if problems.is_empty() {
        return None;
    }
    if !lua.stderr.is_empty() {
        problems.push_str("  lua5.4 stderr:\n");
        problems.push_str(&show(&lua.stderr, 8));
    }
    if !gs.stderr.is_empty() {
        problems.push_str("  gscript stderr:\n");
        problems.push_str(&show(&gs.stderr, 8));
    }
    Some(format!("FAIL lua_twins/{name} [{mode}]\n{problems}"))
}

fn run_mode(mode: &str) {
    let dir = twins_dir();
    let mut names = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    let entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    for p in &entries {
        let file = p.file_name().unwrap().to_string_lossy().to_string();
        for ext in [".gs", ".lua"] {
            if let Some(stem) = file.strip_suffix(ext) {
                if filter_matches(&file) {
                    names.insert(stem.to_string());
                }
            }
        }
    }
    let mut pairs = Vec::new();
    for n in names {
        let has_gs = dir.join(format!("{n}.gs")).exists();
        let has_lua = dir.join(format!("{n}.lua")).exists();
        if has_gs && has_lua {
            pairs.push(n);
        } else {
            failures.push(format!("FAIL lua_twins/{n}: missing {}\n", if has_gs { "NAME.lua" } else { "NAME.gs" }));
        }
    }
    let timeout = Duration::from_secs(
        std::env::var("GSCRIPT_TEST_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(20),
    );
    let jobs = std::env::var("GSCRIPT_TEST_JOBS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(2));
    let total = pairs.len();
    let queue = Arc::new(Mutex::new(pairs));
    let found = Arc::new(Mutex::new(failures));
    let mut handles = Vec::new();
    for _ in 0..jobs {
        let (queue, found, dir, mode) = (Arc::clone(&queue), Arc::clone(&found), dir.clone(), mode.to_string());
        handles.push(std::thread::spawn(move || loop {
            let next = queue.lock().unwrap().pop();
            let Some(name) = next else { break };
            if let Some(f) = check_pair(&dir, &name, &mode, timeout) {
                found.lock().unwrap().push(f);
            }
        }));
    }
    for h in handles {
        h.join().expect("worker panicked");
    }
    let mut failures = found.lock().unwrap().clone();
    failures.sort();
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!("lua_twins [{mode}]: {total} pairs, {} failures", failures.len());
    if !failures.is_empty() {
        let names: Vec<String> = failures.iter().map(|f| f.lines().next().unwrap_or("").to_string()).collect();
        panic!("{} lua twin checks failed in mode {mode}:\n{}", failures.len(), names.join("\n"));
    }
}

#[test]
fn lua_twins() {
    if !lua_available() {
        println!("lua_twins: SKIPPED (lua5.4 not found)");
        eprintln!("lua_twins: SKIPPED (lua5.4 not found)");
        return;
    }
    let modes: Vec<String> = match std::env::var("GSCRIPT_TEST_MODES") {
        Ok(s) if !s.trim().is_empty() => s.split(',').map(|m| m.trim().to_string()).filter(|m| !m.is_empty()).collect(),
        _ => vec!["interp".to_string()],
    };
    let mut failed = Vec::new();
    for m in &modes {
        if std::panic::catch_unwind(|| run_mode(m)).is_err() {
            failed.push(m.clone());
        }
    }
    assert!(failed.is_empty(), "lua twins failed in modes {failed:?}");
}
