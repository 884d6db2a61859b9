//! Generated-program differential test (docs/reliability.md): programs from tests/progen
//! (deterministic from their seeds) must print exactly the same bytes in GScript and in
//! Lua 5.4 (`lua5.4`, skipped with a notice if it is not installed). The long run is
//! `cargo run --release -p gscript --example difftest -- run 0 100000`.
//!
//! Environment: `GSCRIPT_DIFF_COUNT` (programs, default 3000), `GSCRIPT_DIFF_START`
//! (first seed, default 0).

#[path = "progen/mod.rs"]
mod progen;

use std::path::PathBuf;
use std::process::Command;

fn gscript_bin() -> PathBuf {
    match std::env::var_os("GSCRIPT_BIN") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_gscript")),
    }
}

fn lua_available() -> bool {
    Command::new("lua5.4").arg("-v").output().is_ok_and(|o| o.status.success())
}

fn output(cmd: &mut Command) -> String {
    let o = cmd.output().expect("cannot run");
    let mut s = String::from_utf8_lossy(&o.stdout).into_owned();
    if !o.status.success() {
        s.push_str(&format!("\n[exit {:?}] {}", o.status.code(), String::from_utf8_lossy(&o.stderr)));
    }
    s
}

/// Runs seeds `range` as one batch in GScript (with `flags`) and Lua; returns the first
/// differing program's header and both outputs around it, if any.
fn compare(range: std::ops::Range<u64>, flags: &[&str], dir: &std::path::Path) -> Option<String> {
    let b = progen::batch(range.clone());
    let gs = dir.join(format!("batch{}.gs", range.start));
    let lua = dir.join(format!("batch{}.lua", range.start));
    std::fs::write(&gs, &b.gs).unwrap();
    std::fs::write(&lua, &b.lua).unwrap();
    let lua_out = String::from_utf8(progen::normalize(output(Command::new("lua5.4").arg(&lua)).as_bytes())).unwrap_or_default();
    let gs_out = String::from_utf8(progen::normalize(output(Command::new(gscript_bin()).args(flags).arg(&gs)).as_bytes())).unwrap_or_default();
    if gs_out == lua_out {
        let _ = std::fs::remove_file(&gs);
        let _ = std::fs::remove_file(&lua);
        return None;
    }
    let at = gs_out.bytes().zip(lua_out.bytes()).position(|(a, b)| a != b).unwrap_or(gs_out.len().min(lua_out.len()));
    let header = gs_out[..at].rfind("== ").map(|p| gs_out[p..].lines().next().unwrap_or("").to_string()).unwrap_or_default();
    let window = |s: &str| s.get(at.saturating_sub(200)..(at + 200).min(s.len())).unwrap_or("").to_string();
    Some(format!(
        "divergence in {:?} (flags {flags:?}) at '{header}' (files kept: {} / {})\n--- gscript ---\n{}\n--- lua5.4 ---\n{}",
        range,
        gs.display(),
        lua.display(),
        window(&gs_out),
        window(&lua_out)
    ))
}

#[test]
fn generated_programs_match_lua() {
    if !lua_available() {
        eprintln!("differential: SKIPPED (lua5.4 not installed)");
        return;
    }
    let count: u64 = std::env::var("GSCRIPT_DIFF_COUNT").ok().and_then(|s| s.parse().ok()).unwrap_or(3000);
    let start: u64 = std::env::var("GSCRIPT_DIFF_START").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("gscript-differential-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    let mut lo = start;
    while lo < start + count {
        let hi = (lo + 100).min(start + count);
        if let Some(f) = compare(lo..hi, &[], &dir) {
            failures.push(f);
        }
        lo = hi;
    }
    assert!(failures.is_empty(), "{} batch(es) diverged:\n{}", failures.len(), failures.join("\n\n"));
}

/// The generator is deterministic: the same seed gives the same program.
#[test]
fn generator_is_deterministic() {
    for seed in [0, 1, 42, 99_999] {
        let (a, b) = (progen::program(seed), progen::program(seed));
        assert_eq!(a.gs, b.gs);
        assert_eq!(a.lua, b.lua);
    }
    assert_ne!(progen::program(1).gs, progen::program(2).gs);
}

/// GC stress on generated programs (they found the stale-stack-slot crash fixed in
/// gc.rs; reproducer tests/reliability/gc_stress_crash.gs).
#[test]
fn generated_programs_match_lua_under_gc_stress() {
    if !lua_available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("gscript-differential-gc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    for lo in (0..500).step_by(100) {
        if let Some(f) = compare(lo..lo + 100, &["--gc-stress"], &dir) {
            failures.push(f);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
