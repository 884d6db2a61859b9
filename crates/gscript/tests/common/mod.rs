//! Shared helpers of the script and Lua-twin runners: the execution-mode table, the
//! binary under test, running a command with a timeout, and readable output diffs.
#![allow(dead_code)]

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Mode name -> extra gscript flags.
pub const MODES: &[(&str, &[&str])] = &[
    ("interp", &[]),
    ("gc-stress", &["--gc-stress"]),
    ("stack-stress", &["--stack-stress"]),
    ("jit-hot1", &["-jhot=1"]),
    ("jit-exit-stress", &["-jexit-stress"]),
    ("asm", &["-interp=asm"]),
];

/// The gscript flags of a mode (a literal `-flag` is passed through).
pub fn mode_flags(mode: &str) -> Vec<String> {
    if mode.starts_with('-') {
        return vec![mode.to_string()];
    }
    for (name, flags) in MODES {
        if *name == mode {
            return flags.iter().map(|s| s.to_string()).collect();
        }
    }
    let known: Vec<&str> = MODES.iter().map(|(n, _)| *n).collect();
    panic!("unknown GSCRIPT_TEST_MODES entry '{mode}' (known: {known:?}, or a literal '-flag')");
}

/// The binary under test: `GSCRIPT_BIN`, or the one cargo built.
pub fn gscript_bin() -> PathBuf {
    match std::env::var_os("GSCRIPT_BIN") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_gscript")),
    }
}

pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: Option<i32>,
    pub timed_out: bool,
    pub spawn_error: Option<String>,
}

pub fn run_with_timeout(mut cmd: Command, timeout: Duration) -> Outcome {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                stdout: vec![],
                stderr: vec![],
                status: None,
                timed_out: false,
                spawn_error: Some(e.to_string()),
            }
        }
    };
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t1 = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = so.read_to_end(&mut v);
        v
    });
    let t2 = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = se.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break st.code(),
            Ok(None) => {
                if start.elapsed() > timeout {
                    timed_out = true;
                    let _ = child.kill();
                    let _ = child.wait();
                    break None;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(_) => break None,
        }
    };
    let stdout = t1.join().unwrap_or_default();
    let stderr = t2.join().unwrap_or_default();
    Outcome { stdout, stderr, status, timed_out, spawn_error: None }
}

pub fn show(bytes: &[u8], max_lines: usize) -> String {
    let s = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    for (i, l) in s.split('\n').enumerate() {
        if i >= max_lines {
            out.push_str("    | ...\n");
            break;
        }
        out.push_str(&format!("    |{}\n", l.replace('\t', "\\t")));
    }
    out
}
