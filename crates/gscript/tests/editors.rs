//! Checks the TextMate grammar in `editors/textmate`: valid JSON, every regular expression
//! compiles, and the number/string/rune patterns accept every literal form of spec 2.8–2.11
//! (checked with python3's `re`, which shares the syntax the grammar uses; skipped with a
//! notice when python3 is missing).

use std::process::Command;

const CHECK: &str = r#"
import json, re, sys
d = sys.argv[1]
g = json.load(open(d + "/gscript.tmLanguage.json"))
json.load(open(d + "/package.json"))
json.load(open(d + "/language-configuration.json"))
pats = []
def walk(x):
    if isinstance(x, dict):
        for k in ("match", "begin", "end"):
            if k in x:
                pats.append((x.get("name", ""), re.compile(x[k])))
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(g)
def full(prefix, text):
    return any(n.startswith(prefix) and p.fullmatch(text) for n, p in pats)
numbers = ["0", "42", "1_000_000", "0x1F", "0X_ff", "0b1010", "0o17", "0O_7", "1.5", "1.",
           ".5", "1e10", "1.5e-3", "007.5", "0x1.8p1", "0x.8P-2", "0x1p4"]
bad = [n for n in numbers if not full("constant.numeric", n)]
runes = ["'a'", "'\\n'", "'\\x41'", "'\\101'", "'\\u00e9'", "'\\U0001F600'", "'é'"]
bad += [r for r in runes if not full("string.quoted.single.rune", r)]
if not full("constant.character.escape", "\\u00e9"): bad.append("escape \\u00e9")
if not full("keyword.control", "fallthrough"): bad.append("keyword fallthrough")
if not full("keyword.operator.channel", "<-"): bad.append("operator <-")
if not full("comment.line", "// hi"): bad.append("comment")
if bad:
    print("not recognised:", bad); sys.exit(1)
print("grammar ok: %d patterns" % len(pats))
"#;

#[test]
fn textmate_grammar_is_valid() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../editors/textmate");
    match Command::new("python3").arg("-c").arg(CHECK).arg(dir).output() {
        Err(_) => eprintln!("NOTICE: python3 not found: the editor grammar check was SKIPPED"),
        Ok(out) => {
            let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            println!("{}", text);
            assert!(out.status.success(), "grammar check failed: {}", text);
        }
    }
}
