//! Runs the examples of the user documentation (`docs/*.md`): every ```` ```gscript ````
//! block that contains an `// expect:` line is saved as `test.gs` and run with `gscript`;
//! its standard output must equal the expected lines (the spec's 0.2 convention: `\t` is a
//! TAB). Blocks with `// expect-stderr:` / `// expect-exit:` check the first stderr line
//! and the status. Blocks without directives are illustrations and are not run.

use std::process::Command;

const EXE: &str = env!("CARGO_BIN_EXE_gscript");
const DOCS: &[&str] = &["getting-started.md", "language-guide.md", "cli.md", "embedding.md"];

struct Example {
    file: &'static str,
    line: usize,
    code: String,
}

fn examples() -> Vec<Example> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/");
    let mut out = Vec::new();
    for file in DOCS {
        let Ok(text) = std::fs::read_to_string(format!("{}{}", dir, file)) else { continue };
        let mut current: Option<(usize, String)> = None;
        for (i, line) in text.lines().enumerate() {
            match &mut current {
                None if line.trim_end() == "```gscript" => current = Some((i + 2, String::new())),
                Some((start, code)) if line.trim_end() == "```" => {
                    if code.contains("// expect") {
                        out.push(Example { file, line: *start, code: std::mem::take(code) });
                    }
                    current = None;
                }
                Some((_, code)) => {
                    code.push_str(line);
                    code.push('\n');
                }
                None => {}
            }
        }
    }
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('\\') => out.push('\\'),
                Some(o) => {
                    out.push('\\');
                    out.push(o);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn directive<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let i = line.find(name)?;
    let rest = &line[i + name.len()..];
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

#[test]
fn documentation_examples_run() {
    let dir = std::env::temp_dir().join(format!("gscript-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    let all = examples();
    for ex in &all {
        let mut stdout = String::new();
        let mut stderr_first: Option<String> = None;
        let mut exit = 0;
        for line in ex.code.lines() {
            if let Some(t) = directive(line, "// expect:") {
                stdout.push_str(&unescape(t));
                stdout.push('\n');
            } else if let Some(t) = directive(line, "// expect-stderr:") {
                stderr_first = Some(unescape(t));
            } else if let Some(t) = directive(line, "// expect-exit:") {
                exit = t.trim().parse().unwrap_or(-1);
            }
        }
        std::fs::write(dir.join("test.gs"), &ex.code).unwrap();
        let out = Command::new(EXE).arg("test.gs").current_dir(&dir).output().unwrap();
        let got_out = String::from_utf8_lossy(&out.stdout);
        let got_err = String::from_utf8_lossy(&out.stderr);
        let got_exit = out.status.code().unwrap_or(-1);
        let err_ok = match &stderr_first {
            Some(e) => got_err.lines().next() == Some(e.as_str()),
            None => exit != 0 || got_err.is_empty(),
        };
        if got_out != stdout || got_exit != exit || !err_ok {
            failures.push(format!(
                "{}:{}: expected stdout {:?} exit {} stderr {:?}\n  got stdout {:?} exit {} stderr {:?}",
                ex.file, ex.line, stdout, exit, stderr_first, got_out, got_exit, got_err
            ));
        }
    }
    println!("docs: {} passed, {} failed", all.len() - failures.len(), failures.len());
    assert!(failures.is_empty(), "documentation examples failed:\n{}", failures.join("\n"));
}
