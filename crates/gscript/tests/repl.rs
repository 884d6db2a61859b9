//! REPL tests through a real terminal: runs `tests/repl/pty_driver.py`, which starts
//! `gscript` on a pseudo-terminal, types input (including Ctrl-C, Ctrl-D, arrows) and
//! checks what the terminal shows. Skipped, with a visible notice, when `python3` is not
//! installed. Also tests the REPL without a terminal (`gscript -i` with piped input).

use std::io::Write;
use std::process::{Command, Stdio};

const EXE: &str = env!("CARGO_BIN_EXE_gscript");

#[test]
fn repl_on_a_pseudo_terminal() {
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/repl/pty_driver.py");
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("NOTICE: python3 not found: the REPL terminal tests were SKIPPED");
        return;
    }
    let out = Command::new("python3").arg(driver).arg(EXE).output().expect("run python3");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{}{}", stdout, String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "REPL terminal tests failed:\n{}", stdout);
}

fn run_piped(args: &[&str], input: &str) -> (String, String, i32) {
    let mut child = Command::new(EXE)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gscript");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn repl_without_terminal_reads_lines() {
    let (out, err, code) = run_piped(&["-i"], "x := 20\nfunc f() {\nreturn x + 1\n}\nf() * 2\nerror(\"e\")\n{3, 4}\n");
    assert_eq!(code, 0);
    assert!(out.starts_with("GScript 1.0"), "{}", out);
    assert!(out.contains("> >> >> > 42\n"), "{}", out);
    assert!(out.contains("{3, 4}\n"), "{}", out);
    assert!(err.starts_with("stdin:1: e\nstack traceback:"), "{}", err);
}

#[test]
fn plain_gscript_with_piped_stdin_runs_it_as_a_script() {
    let (out, _, code) = run_piped(&[], "print(1 + 1)\n");
    assert_eq!((out.as_str(), code), ("2\n", 0));
}
