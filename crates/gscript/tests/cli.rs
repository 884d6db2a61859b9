//! Command-line handling of `gscript` (spec 13.1, 13.2, 13.4): options, `-e`, `-`, `--`,
//! the `arg` table, usage errors and exit statuses. Script behaviour is tested by the
//! `.gs` suite (`tests/cli/*.gs`); this file tests what a script cannot see.

use std::io::Write;
use std::process::{Command, Stdio};

const EXE: &str = env!("CARGO_BIN_EXE_gscript");

struct Out {
    stdout: String,
    stderr: String,
    code: i32,
}

fn run_in(dir: Option<&std::path::Path>, args: &[&str], stdin: &str) -> Out {
    let mut cmd = Command::new(EXE);
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().expect("spawn gscript");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    Out {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn run(args: &[&str]) -> Out {
    run_in(None, args, "")
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("gscript-cli-{}-{}", name, std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn version_and_help() {
    let v = run(&["-v"]);
    assert_eq!((v.stdout.as_str(), v.code), ("GScript 1.0\n", 0));
    assert_eq!(run(&["--version"]).stdout, "GScript 1.0\n");
    let h = run(&["-h"]);
    assert_eq!(h.code, 0);
    for needle in ["usage: gscript", "-e CODE", "-i", "-v", "--dump-ast", "--dump-bytecode", "--gc-stress", "Exit status"] {
        assert!(h.stdout.contains(needle), "help lacks {}:\n{}", needle, h.stdout);
    }
    assert_eq!(run(&["--help"]).stdout, h.stdout);
}

#[test]
fn unknown_option_is_a_usage_error() {
    let o = run(&["-x"]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.starts_with("gscript: unrecognized option '-x'\nusage: gscript"), "{}", o.stderr);
    assert_eq!(o.stdout, "");
    assert!(run(&["--frobnicate"]).stderr.starts_with("gscript: unrecognized option '--frobnicate'\n"));
}

#[test]
fn dash_e_needs_an_argument() {
    let o = run(&["-e"]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.starts_with("gscript: '-e' needs argument\n"), "{}", o.stderr);
}

#[test]
fn unreadable_script() {
    let o = run(&["/nonexistent/dir/x.gs"]);
    assert_eq!(o.code, 1);
    assert_eq!(o.stderr, "gscript: cannot open /nonexistent/dir/x.gs: No such file or directory\n");
}

#[test]
fn dash_e_runs_code_with_arguments() {
    let o = run(&["-e", "print(arg[0], #arg, ...)", "a", "b"]);
    assert_eq!((o.stdout.as_str(), o.code), ("-e\t2\ta\tb\n", 0));
    // Options after the chunk belong to the script.
    let o = run(&["-e", "print(...)", "-v", "--", "-x"]);
    assert_eq!(o.stdout, "-v\t--\t-x\n");
}

#[test]
fn dash_e_errors() {
    let o = run(&["-e", "error(\"bad\")"]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.starts_with("gscript: (command line):1: bad\nstack traceback:\n"), "{}", o.stderr);
    let o = run(&["-e", "x := )"]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.starts_with("gscript: (command line):1: unexpected symbol near ')'\n"), "{}", o.stderr);
}

#[test]
fn stdin_as_script() {
    let o = run_in(None, &["-", "x", "y"], "print(arg[0], ...)\n");
    assert_eq!((o.stdout.as_str(), o.code), ("-\tx\ty\n", 0));
    let o = run_in(None, &["-"], "error(\"from stdin\")\n");
    assert!(o.stderr.starts_with("gscript: stdin:1: from stdin\n"), "{}", o.stderr);
    // Without arguments and without a terminal, gscript reads the program from stdin.
    let o = run_in(None, &[], "print(\"piped\")\n");
    assert_eq!(o.stdout, "piped\n");
}

#[test]
fn double_dash_ends_options() {
    let d = temp_dir("dashdash");
    std::fs::write(d.join("-v.gs"), "print(\"script named -v.gs\", ...)\n").unwrap();
    let o = run_in(Some(&d), &["--", "-v.gs", "-h"], "");
    assert_eq!((o.stdout.as_str(), o.code), ("script named -v.gs\t-h\n", 0));
    let o = run_in(Some(&d), &["--", "-"], "print(\"stdin after --\")");
    assert_eq!(o.stdout, "stdin after --\n");
}

#[test]
fn arg_table_for_a_script() {
    let d = temp_dir("argtable");
    std::fs::write(d.join("a.gs"), "print(arg[-1] != nil, arg[0], #arg, arg[1], arg[2])\n").unwrap();
    let o = run_in(Some(&d), &["a.gs", "1", "two words"], "");
    assert_eq!(o.stdout, "true\ta.gs\t2\t1\ttwo words\n");
    // Options before the script are not arguments.
    let o = run_in(Some(&d), &["--gc-stress", "a.gs"], "");
    assert_eq!(o.stdout, "true\ta.gs\t0\tnil\tnil\n");
}

#[test]
fn exit_statuses() {
    assert_eq!(run(&["-e", "x := 1"]).code, 0);
    assert_eq!(run(&["-e", "return 5"]).code, 0);
    assert_eq!(run(&["-e", "error({})"]).code, 1);
    let o = run(&["-e", "error({})"]);
    assert!(o.stderr.starts_with("gscript: (error object is a table value)\n"), "{}", o.stderr);
}

#[test]
fn debugging_flags() {
    let o = run(&["--dump-bytecode", "-e", "x := 1 + 2"]);
    assert_eq!(o.code, 0);
    assert!(!o.stdout.is_empty());
    let o = run(&["--dump-ast", "-e", "x := 1"]);
    assert_eq!(o.code, 0);
    assert!(!o.stdout.is_empty());
    let o = run(&["--dump-ast=source", "-e", "x:=1+2"]);
    assert_eq!(o.stdout.trim(), "x := 1 + 2");
    let o = run(&["--dump-bytecode", "-e", "x := )"]);
    assert_eq!(o.code, 1);
}

#[test]
fn interactive_after_script() {
    let d = temp_dir("interactive");
    std::fs::write(d.join("s.gs"), "v := 41\n").unwrap();
    let o = run_in(Some(&d), &["-i", "s.gs"], "v + 1\n");
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("> 42\n"), "{}", o.stdout);
    // A failing script does not enter the REPL.
    std::fs::write(d.join("bad.gs"), "error(\"no\")\n").unwrap();
    let o = run_in(Some(&d), &["-i", "bad.gs"], "print(\"unreached\")\n");
    assert_eq!(o.code, 1);
    assert!(!o.stdout.contains("unreached"));
}

#[test]
fn goroutine_error_and_deadlock_end_the_command_and_the_repl() {
    // Spec 9.8 / 11.6 / 13.3: status 2 and exactly this text, after a script, `-e` and in
    // the REPL (which an ordinary error does not end).
    let tb = "gscript: stdin:1: x\nstack traceback (goroutine 2):\n\t[builtin]: in function 'error'\n\tstdin:1: in function <stdin:1>\n";
    let src = "go func() { error(\"x\") }(); for i := 0; i < 100000; i++ {}\nprint(\"not reached\")\n";
    let o = run_in(None, &["-"], src);
    assert_eq!((o.code, o.stderr.as_str(), o.stdout.as_str()), (2, tb, ""));
    let o = run(&["-e", "print(1); ch := make(chan); <-ch; print(2)"]);
    assert_eq!((o.code, o.stderr.as_str(), o.stdout.as_str()), (2, "fatal error: all goroutines are asleep - deadlock!\n", "1\n"));
    let repl = |input: &str| run_in(None, &["-i", "-e", "y := 1"], input);
    let o = repl(&format!("error(\"ordinary\")\nprint(\"still here\")\n{}", src));
    assert_eq!(o.code, 2);
    assert!(o.stdout.contains("still here") && !o.stdout.contains("not reached"), "{}", o.stdout);
    assert!(o.stderr.ends_with(tb), "{}", o.stderr);
    let o = repl("<-make(chan)\nprint(\"no\")\n");
    assert_eq!(o.code, 2);
    assert!(o.stderr.ends_with("fatal error: all goroutines are asleep - deadlock!\n"), "{}", o.stderr);
    assert!(!o.stdout.contains("no\n"), "{}", o.stdout);
}
