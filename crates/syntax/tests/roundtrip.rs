//! Property test: random valid programs (from a small grammar-driven generator with a
//! deterministic RNG) must parse, and parse -> pretty-print -> parse must give the same
//! AST modulo spans. Also round-trips every snippet that other tests use heavily.

mod common;

use common::assert_round_trip;

/// xorshift64*: deterministic, no dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &["a", "b", "x", "y", "_", "t", "ch", "make", "obj", "f", "_tmp", "N1"];
const FIELDS: &[&str] = &["x", "go", "default", "select", "len", "n", "func", "range"];
const BINOPS: &[&str] = &[
    "||", "&&", "==", "!=", "<", "<=", ">", ">=", "..", "+", "-", "|", "^", "*", "/", "%", "<<", ">>", "&", "&^", "**",
];
const UNOPS: &[&str] = &["-", "!", "#", "^", "<-"];
const ASSIGN_OPS: &[&str] = &["+=", "-=", "*=", "/=", "%=", "**=", "..=", "&=", "|=", "^=", "&^=", "<<=", ">>="];

struct Gen {
    rng: Rng,
    indent: usize,
}

/// Where an expression is generated: rule 10 forbids unbracketed method calls in `case`
/// lists and at the start of constructor fields.
#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Normal,
    NoMethod,
}

impl Gen {
    fn literal(&mut self) -> String {
        let r = &mut self.rng;
        match r.below(16) {
            0 => "nil".into(),
            1 => "true".into(),
            2 => "false".into(),
            3 => r.below(1000).to_string(),
            4 => format!("0x{:X}", r.next()),
            5 => format!("0b{:b}", r.below(64)),
            6 => format!("0o{:o}", r.below(512)),
            7 => "1_000_000".into(),
            8 => format!("{}.{}", r.below(100), r.below(100)),
            9 => format!("{}e{}", r.below(10), r.below(40) as i64 - 20),
            10 => r.pick(&["0x1.8p1", ".5", "1.", "1e400", "9223372036854775808", "0x_FFp-2", "007.5"]).into(),
            11 => r.pick(&["'a'", "'\\n'", "'é'", "'\\x41'", "'\\u00e9'", "'\\377'"]).into(),
            12 => r.pick(&["`raw\\n`", "`multi\nline`", "`with\r\ncr`", "``"]).into(),
            _ => {
                let mut s = String::from("\"");
                for _ in 0..r.below(6) {
                    s.push_str(r.pick(&[
                        "a", " ", "\\n", "\\t", "\\\"", "\\\\", "\\x00", "\\xff", "\\u00e9", "\\U0001F600", "\\101",
                        "é", "'", "\\a\\b\\f\\v\\r", ":", "//", "/*",
                    ]));
                }
                s.push('"');
                s
            }
        }
    }

    /// A primary expression that can take suffixes.
    fn primary_base(&mut self, depth: usize) -> String {
        match self.rng.below(7) {
            0 if depth > 0 => format!("({})", self.expr(depth - 1, Ctx::Normal)),
            1 => format!("\"{}\"", self.rng.pick(&["s", "abc", "x y"])),
            2 if depth > 0 => format!("{{{}}}", self.table_fields(depth - 1)),
            3 => "select(\"#\")".into(),
            _ => self.rng.pick(NAMES).into(),
        }
    }

    fn args(&mut self, depth: usize) -> String {
        let n = self.rng.below(4);
        let mut parts: Vec<String> = (0..n).map(|_| self.expr(depth, Ctx::Normal)).collect();
        if n > 0 && self.rng.chance(20) {
            if let Some(last) = parts.last_mut() {
                // A spread operand must not end in a digit (`1...` is fine, but keep it simple).
                *last = format!("{}...", self.rng.pick(NAMES));
            }
        }
        let trailing = if n > 0 && self.rng.chance(20) { "," } else { "" };
        let sep = if self.rng.chance(15) { ",\n" } else { ", " };
        format!("({}{})", parts.join(sep), trailing)
    }

    fn primary(&mut self, depth: usize, ctx: Ctx) -> String {
        let mut s = self.primary_base(depth);
        if depth == 0 {
            return s;
        }
        for _ in 0..self.rng.below(3) {
            match self.rng.below(5) {
                0 => s = format!("{}.{}", s, self.rng.pick(FIELDS)),
                1 => s = format!("{}[{}]", s, self.expr(depth - 1, Ctx::Normal)),
                2 | 3 => s = format!("{}{}", s, self.args(depth - 1)),
                _ if ctx == Ctx::Normal => {
                    let name = self.rng.pick(&["m", "select", "add", "rep"]);
                    s = format!("{}:{}{}", s, name, self.args(depth - 1))
                }
                _ => s = format!("{}{}", s, self.args(depth - 1)),
            }
        }
        s
    }

    fn call(&mut self, depth: usize) -> String {
        let base = self.primary(depth, Ctx::Normal);
        if self.rng.chance(30) {
            format!("{}:m{}", base, self.args(depth))
        } else {
            format!("{}{}", base, self.args(depth))
        }
    }

    fn table_fields(&mut self, depth: usize) -> String {
        let n = self.rng.below(5);
        let mut fields = Vec::new();
        for _ in 0..n {
            fields.push(match self.rng.below(5) {
                0 => format!("{}: {}", self.rng.pick(&["a", "obj", "_x", "make"]), self.expr(depth, Ctx::Normal)),
                1 => format!("\"{}\": {}", self.rng.pick(&["k", "with space", "go", "1"]), self.expr(depth, Ctx::Normal)),
                2 => format!("[{}]: {}", self.expr(depth, Ctx::Normal), self.expr(depth, Ctx::Normal)),
                _ => self.expr(depth, Ctx::NoMethod),
            });
        }
        let sep = self.rng.pick(&[", ", "; ", "\n"]);
        let trailing = if n > 0 && self.rng.chance(30) { sep.trim_end() } else { "" };
        if sep == "\n" && n > 0 {
            format!("\n{}\n", fields.join("\n"))
        } else {
            format!("{}{}", fields.join(sep), trailing)
        }
    }

    fn func_lit(&mut self, depth: usize) -> String {
        let params = self.params();
        let body = self.block(depth);
        format!("func({}) {}", params, body)
    }

    fn params(&mut self) -> String {
        let mut names: Vec<String> = Vec::new();
        for name in ["p", "q", "_", "r", "_"] {
            if self.rng.chance(40) {
                names.push(name.to_string());
            }
        }
        match self.rng.below(4) {
            0 => names.push("...".into()),
            1 => names.push("rest...".into()),
            _ => {}
        }
        names.join(", ")
    }

    fn expr(&mut self, depth: usize, ctx: Ctx) -> String {
        if depth == 0 {
            return match self.rng.below(3) {
                0 => self.literal(),
                1 => "...".into(),
                _ => self.rng.pick(NAMES).into(),
            };
        }
        match self.rng.below(12) {
            0 | 1 => self.literal(),
            2 | 3 => {
                let op = self.rng.pick(BINOPS);
                let lhs = self.expr(depth - 1, ctx);
                let rhs = self.expr(depth - 1, ctx);
                let newline = if self.rng.chance(10) { "\n" } else { " " };
                format!("{} {}{}{}", lhs, op, newline, rhs)
            }
            4 => {
                let op = self.rng.pick(UNOPS);
                let operand = self.expr(depth - 1, ctx);
                let space = if operand.starts_with('-') || operand.starts_with('=') { " " } else { "" };
                format!("{}{}{}", op, space, operand)
            }
            5 => self.func_lit(depth - 1),
            6 => format!("make(chan{})", if self.rng.chance(50) { format!(", {}", self.expr(depth - 1, Ctx::Normal)) } else { String::new() }),
            7 => format!("{{{}}}", self.table_fields(depth - 1)),
            _ => self.primary(depth, ctx),
        }
    }

    fn expr_list(&mut self, depth: usize) -> String {
        let n = 1 + self.rng.below(3);
        (0..n).map(|_| self.expr(depth, Ctx::Normal)).collect::<Vec<_>>().join(", ")
    }

    fn target(&mut self, depth: usize) -> String {
        match self.rng.below(3) {
            0 => self.rng.pick(NAMES).into(),
            1 => format!("{}.{}", self.primary(depth, Ctx::Normal), self.rng.pick(FIELDS)),
            _ => format!("{}[{}]", self.primary(depth, Ctx::Normal), self.expr(depth, Ctx::Normal)),
        }
    }

    fn names(&mut self) -> String {
        let n = 1 + self.rng.below(3);
        (0..n).map(|_| self.rng.pick(NAMES)).collect::<Vec<_>>().join(", ")
    }

    /// A simple statement; `header` avoids a leading `{` (which would start the body).
    fn simple(&mut self, depth: usize, header: bool) -> String {
        loop {
            let s = match self.rng.below(8) {
                0 => {
                    let call = self.call(depth);
                    if call.starts_with('{') { format!("({})", call) } else { call }
                }
                1 => format!("{} <- {}", self.target(depth), self.expr(depth, Ctx::Normal)),
                2 => format!("{}{}", self.target(depth), self.rng.pick(&["++", "--"])),
                3 => {
                    let n = 1 + self.rng.below(3);
                    let targets: Vec<String> = (0..n).map(|_| self.target(depth)).collect();
                    format!("{} = {}", targets.join(", "), self.expr_list(depth))
                }
                4 => format!("{} {} {}", self.target(depth), self.rng.pick(ASSIGN_OPS), self.expr(depth, Ctx::Normal)),
                5 => format!("<-{}", self.rng.pick(NAMES)),
                _ => format!("{} := {}", self.names(), self.expr_list(depth)),
            };
            if !s.starts_with('{') || !header {
                if s.starts_with('{') {
                    continue; // a statement starting with `{` is a block
                }
                return s;
            }
        }
    }

    fn header_expr(&mut self, depth: usize) -> String {
        let e = self.expr(depth, Ctx::Normal);
        if e.starts_with('{') { format!("({})", e) } else { e }
    }

    fn block(&mut self, depth: usize) -> String {
        self.indent += 1;
        let mut s = String::from("{\n");
        let n = if depth == 0 { 0 } else { self.rng.below(4) };
        for _ in 0..n {
            s.push_str(&"  ".repeat(self.indent));
            s.push_str(&self.stmt(depth - 1));
            s.push('\n');
        }
        self.indent -= 1;
        s.push_str(&"  ".repeat(self.indent));
        s.push('}');
        s
    }

    fn case_list(&mut self, depth: usize) -> String {
        let n = 1 + self.rng.below(3);
        (0..n).map(|_| self.expr(depth, Ctx::NoMethod)).collect::<Vec<_>>().join(", ")
    }

    fn clause_body(&mut self, depth: usize) -> String {
        let mut s = String::new();
        for _ in 0..self.rng.below(3) {
            s.push('\n');
            s.push_str(&"  ".repeat(self.indent + 1));
            s.push_str(&self.stmt(depth));
        }
        s.push('\n');
        s.push_str(&"  ".repeat(self.indent));
        s
    }

    fn label(&mut self) -> String {
        if self.rng.chance(20) {
            format!("{}:{}", self.rng.pick(&["outer", "L"]), self.rng.pick(&[" ", "\n"]))
        } else {
            String::new()
        }
    }

    fn stmt(&mut self, depth: usize) -> String {
        match self.rng.below(22) {
            0..=2 => self.simple(depth, false),
            3 => format!("var {}{}", self.names(), if self.rng.chance(50) { format!(" = {}", self.expr_list(depth)) } else { String::new() }),
            4 => format!("const {} = {}", self.names(), self.expr_list(depth)),
            5 => format!("func {}({}) {}", self.rng.pick(&["f", "select", "g2"]), self.params(), self.block(depth)),
            6 => {
                let init = if self.rng.chance(30) { format!("{}; ", self.simple(depth, true)) } else { String::new() };
                let mut s = format!("if {}{} {}", init, self.expr(depth, Ctx::Normal), self.block(depth));
                match self.rng.below(4) {
                    0 => s.push_str(&format!(" else {}", self.block(depth))),
                    1 => s.push_str(&format!("\nelse if {} {}", self.expr(depth, Ctx::Normal), self.block(depth))),
                    2 => s.push_str(&format!(" elseif {} {}", self.expr(depth, Ctx::Normal), self.block(depth))),
                    _ => {}
                }
                s
            }
            7 => {
                let label = self.label();
                let header = match self.rng.below(4) {
                    0 => String::new(),
                    1 => format!("{} ", self.header_expr(depth)),
                    2 => format!("{}; ", self.simple(depth, true)),
                    _ => format!("{}; {} ", self.simple(depth, true), self.header_expr(depth)),
                };
                let mut s = format!("{}switch {}{{\n", label, header);
                let default_at = self.rng.below(4);
                for i in 0..self.rng.below(4) {
                    s.push_str(&"  ".repeat(self.indent));
                    if i == default_at {
                        s.push_str("default:");
                    } else {
                        s.push_str(&format!("case {}:", self.case_list(depth)));
                    }
                    s.push_str(&self.clause_body(depth));
                }
                s.push('}');
                s
            }
            8 => {
                let label = self.label();
                let mut s = format!("{}select {{\n", label);
                for i in 0..self.rng.below(4) {
                    let comm = match self.rng.below(7) {
                        0 if i == 0 => "default".to_string(),
                        1 => format!("case {} <- {}", self.rng.pick(NAMES), self.expr(depth, Ctx::NoMethod)),
                        2 => format!("case {} := <-{}", self.rng.pick(&["v", "v, ok", "_, ok"]), self.rng.pick(NAMES)),
                        3 => format!("case {} = <-{}", self.rng.pick(&["v", "v, t.ok", "t[1]"]), self.rng.pick(NAMES)),
                        _ => format!("case <-{}", self.primary(depth, Ctx::NoMethod)),
                    };
                    s.push_str(&format!("{}:{}", comm, self.clause_body(depth)));
                }
                s.push('}');
                s
            }
            9 | 10 => {
                let label = self.label();
                let header = match self.rng.below(6) {
                    0 => String::new(),
                    1 => format!("{} ", self.header_expr(depth)),
                    2 => format!("{}; {}; {} ", self.simple(depth, true), self.header_expr(depth), {
                        let post = self.simple(depth, true);
                        if post.contains(":=") { "i++".to_string() } else { post }
                    }),
                    3 => "; ; ".to_string(),
                    4 => format!("{} := range {} ", self.names(), self.expr_list(depth)),
                    _ => format!("range {} ", self.expr(depth, Ctx::Normal)),
                };
                format!("{}for {}{}", label, header, self.block(depth))
            }
            11 => {
                if self.rng.chance(50) {
                    "return".into()
                } else {
                    format!("return {}", self.expr_list(depth))
                }
            }
            12 => self.rng.pick(&["break", "continue", "break outer", "continue L", "fallthrough"]).into(),
            13 => format!("go {}", self.call(depth)),
            14 => format!("defer {}", self.call(depth)),
            15 => self.block(depth),
            16 => format!("{}; {}", self.simple(depth, false), self.simple(depth, false)),
            17 => format!("{} // comment", self.simple(depth, false)),
            18 => format!("/* c */ {} /* multi\nline */", self.simple(depth, false)),
            _ => self.simple(depth, false),
        }
    }

    fn program(&mut self, depth: usize) -> String {
        let mut s = String::new();
        if self.rng.chance(10) {
            s.push_str("#!/usr/bin/env gscript\n");
        }
        for _ in 0..1 + self.rng.below(6) {
            s.push_str(&self.stmt(depth));
            s.push('\n');
        }
        s
    }
}

#[test]
fn random_programs_round_trip() {
    let cases: u64 = std::env::var("ROUNDTRIP_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3000);
    for seed in 1..=cases {
        let mut gen = Gen { rng: Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1), indent: 0 };
        let depth = 1 + gen.rng.below(4);
        let program = gen.program(depth);
        if let Err(d) = syntax::parse(program.as_bytes()) {
            panic!("seed {}: generated program does not parse: {:?}\n{}", seed, d, program);
        }
        assert_round_trip(&program);
    }
}

#[test]
fn tricky_printing_cases_round_trip() {
    for src in [
        "x := - -1",
        "x := -(-1)",
        "x := 1 .x",
        "x := 1.5 .x",
        "f(1...)",
        "f(... ...)",
        "x := ...[1]",
        "x := 0xFFFFFFFFFFFFFFFF + 0x8000000000000000",
        "x := 1e400",
        "x := 9223372036854775808",
        "x := 5e-324",
        "x := {obj: 1, (obj:m()), \"a b\": 2, [\"c\"]: 3, go_: 4, \"go\": 5}",
        "x := {(\"s\":m())}",
        "switch { case (a:b()): f() }",
        "select { case v := <-(a:b()): }",
        "x := \"\\x00\\xff\\n\\t\\r\\\"\\\\é\"",
        "x := `a\r\nb`",
        "x := <-<-ch",
        "x := a - -b",
        "x := 2 ** -2 ** 3",
        "x := -2 ** 2",
        "x := (a .. b) .. c",
        "x := a .. (b .. c)",
        "x := (a + b) * c",
        "x := a < b == c",
        "if x {\n} elseif y {\n} else if z {\n} else {\n}",
        "L:\nfor {\n break L\n}",
        "func select(...) { return select(\"#\", ...) }",
        "x := func(a, rest...) {}",
        "t.go, t.default = 1, 2",
        "for range 3 {}",
        "x := make(chan, 1) + make(chan)",
        "go func() {}()",
        "(f())",
        "((<-ch))",
        "x := {}",
        "x := {{}}",
        "switch x := 1; {\ndefault:\n}",
        "switch f(); x {\n}",
        "for ; ; {\n}",
        "for x := range {1, 2} {}",
    ] {
        assert_round_trip(src);
    }
}
