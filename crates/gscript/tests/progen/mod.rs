//! Random well-formed GScript programs with their Lua 5.4 translations, for differential
//! testing (tests/differential.rs, examples/difftest.rs; docs/reliability.md).
//!
//! [`program`] turns a seed into a [`Program`]: the same block of statements written in
//! GScript and in Lua. Everything is deterministic from the seed. The generator keeps a
//! typed scope (int, float, string, bool, array of ints, int function), so programs are
//! well-formed and their behaviour is defined by both languages identically: integer
//! arithmetic with wraparound, mixed int/float arithmetic, comparisons, bitwise operators,
//! concatenation and `string.format` of numbers, tables (arrays, records iterated in sorted
//! key order), closures and upvalues, loops with break/continue, pcall with error values,
//! multiple results and varargs.
//!
//! Avoided on purpose (they differ by design, spec 14): `**` on integers (only float
//! operands: Lua's `^`), `pairs` order on hash keys, error positions (messages are printed
//! without their `chunk:line:` prefix), addresses, integer division or modulo by zero,
//! recursion deeper than GScript's frame limit. The sign of a NaN produced by arithmetic
//! on NaNs depends on the hardware's operand order, so outputs are compared after
//! [`normalize`] (`-nan` -> `nan`, `-0.0` -> `0.0`: Lua 5.4 compiles `x - k` for an integer
//! constant k as `x + (-k)`, so `(-0.0) - 0` prints `0.0` in Lua and `-0.0` in GScript,
//! which is the IEEE result).

/// One generated program: GScript and Lua source of the same statements (no trailing
/// newline handling needed; each is a block meant to be wrapped by the caller).
pub struct Program {
    pub gs: String,
    pub lua: String,
}

/// splitmix64: small, fast, deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    Int,
    Float,
    Str,
    Bool,
    /// A non-empty array of integers.
    Arr,
    /// A function from one integer to one integer.
    Fun,
}

/// A piece of code in both languages.
#[derive(Clone)]
struct Code {
    gs: String,
    lua: String,
}

fn same(s: &str) -> Code {
    Code { gs: s.to_string(), lua: s.to_string() }
}

fn code(gs: String, lua: String) -> Code {
    Code { gs, lua }
}

struct Gen {
    rng: Rng,
    /// Variables in scope: (name, type, assignable).
    vars: Vec<(String, Ty, bool)>,
    next_name: usize,
    next_label: usize,
    out: Code,
    indent: usize,
    /// Labels of the enclosing loops' `continue` targets (Lua `goto`).
    loops: Vec<String>,
    /// Statements emitted so far (bounds the program size).
    budget: usize,
}

const INT_SPECIAL: &[&str] = &["0", "1", "2", "3", "7", "10", "255", "1000", "65536", "2147483647", "4294967296", "9007199254740993"];
const NONZERO: &[&str] = &["1", "2", "3", "5", "7", "16", "(-1)", "(-3)", "(-8)", "1000"];
const FLOATS: &[&str] = &["0.5", "1.5", "2.0", "3.25", "(-2.5)", "0.1", "1e10", "1e200", "100.0", "2.5e-3", "123456789.125"];
const WORDS: &[&str] = &["a", "bc", "xyz", "hello", "", "Go", "lua", "0", "12", " sp "];

impl Gen {
    fn line(&mut self, c: Code) {
        let pad = "    ".repeat(self.indent);
        self.out.gs.push_str(&pad);
        self.out.gs.push_str(&c.gs);
        self.out.gs.push('\n');
        self.out.lua.push_str(&pad);
        self.out.lua.push_str(&c.lua);
        self.out.lua.push('\n');
    }

    fn fresh(&mut self) -> String {
        self.next_name += 1;
        format!("v{}", self.next_name)
    }

    fn var_of(&mut self, ty: Ty, assignable: bool) -> Option<String> {
        let names: Vec<String> = self.vars.iter().filter(|(_, t, a)| *t == ty && (*a || !assignable)).map(|(n, _, _)| n.clone()).collect();
        if names.is_empty() {
            None
        } else {
            Some(names[self.rng.below(names.len())].clone())
        }
    }

    // ---- expressions ----

    fn expr(&mut self, ty: Ty, depth: usize) -> Code {
        match ty {
            Ty::Int => self.int(depth),
            Ty::Float => self.float(depth),
            Ty::Str => self.str(depth),
            Ty::Bool => self.bool(depth),
            Ty::Arr => self.arr(depth),
            Ty::Fun => self.fun(),
        }
    }

    fn bin(&mut self, a: Code, gs_op: &str, lua_op: &str, b: Code) -> Code {
        code(format!("({} {} {})", a.gs, gs_op, b.gs), format!("({} {} {})", a.lua, lua_op, b.lua))
    }

    fn call1(&mut self, f: &str, a: Code) -> Code {
        code(format!("{}({})", f, a.gs), format!("{}({})", f, a.lua))
    }

    fn int(&mut self, depth: usize) -> Code {
        let leaf = depth == 0 || self.rng.chance(25);
        if leaf {
            return match self.rng.below(6) {
                0 | 1 => match self.var_of(Ty::Int, false) {
                    Some(v) => same(&v),
                    None => same(&self.rng.below(20).to_string()),
                },
                2 => {
                    let n = self.rng.below(41) as i64 - 20;
                    if n < 0 { same(&format!("({})", n)) } else { same(&n.to_string()) }
                }
                3 => same(self.rng.pick(INT_SPECIAL)),
                4 => same(self.rng.pick(&["math.maxinteger", "math.mininteger", "(-math.maxinteger)"])),
                _ => {
                    let s = self.str(0);
                    code(format!("#{}", s.gs), format!("#{}", s.lua))
                }
            };
        }
        let d = depth - 1;
        match self.rng.below(16) {
            0..=2 => {
                let (a, b) = (self.int(d), self.int(d));
                let op = self.rng.pick(&["+", "-", "*"]);
                self.bin(a, op, op, b)
            }
            3 => {
                let a = self.int(d);
                let b = same(self.rng.pick(NONZERO));
                self.bin(a, "%", "%", b)
            }
            4 => {
                let a = self.int(d);
                let b = same(self.rng.pick(NONZERO));
                code(format!("math.idiv({}, {})", a.gs, b.gs), format!("({} // {})", a.lua, b.lua))
            }
            5 => {
                let (a, b) = (self.int(d), self.int(d));
                match self.rng.below(4) {
                    0 => self.bin(a, "&", "&", b),
                    1 => self.bin(a, "|", "|", b),
                    2 => self.bin(a, "^", "~", b),
                    _ => code(format!("({} &^ {})", a.gs, b.gs), format!("({} & ~{})", a.lua, b.lua)),
                }
            }
            6 => {
                let a = self.int(d);
                let s = self.rng.below(80) as i64 - 8;
                let s = if s < 0 { format!("({})", s) } else { s.to_string() };
                let op = self.rng.pick(&["<<", ">>"]);
                self.bin(a, op, op, same(&s))
            }
            7 => {
                let a = self.int(d);
                if self.rng.chance(50) {
                    code(format!("(-{})", a.gs), format!("(- {})", a.lua))
                } else {
                    code(format!("(^{})", a.gs), format!("(~ {})", a.lua))
                }
            }
            8 => {
                let t = self.arr(d);
                code(format!("#{}", t.gs), format!("#{}", t.lua))
            }
            9 => {
                // An element of an array variable (arrays are never empty).
                match self.var_of(Ty::Arr, false) {
                    Some(t) => {
                        let i = self.int(d);
                        code(format!("{t}[(math.abs({}) % #{t}) + 1]", i.gs), format!("{t}[(math.abs({}) % #{t}) + 1]", i.lua))
                    }
                    None => self.int(d),
                }
            }
            10 => match self.var_of(Ty::Fun, false) {
                Some(f) => {
                    // Bounded argument: functions may be recursive, and recursion deeper
                    // than GScript's frame limit (200,000) is allowed to differ from Lua.
                    let a = self.int(d);
                    code(format!("{}({} % 50)", f, a.gs), format!("{}({} % 50)", f, a.lua))
                }
                None => self.int(d),
            },
            11 => {
                let c = self.bool(d);
                let (a, b) = (self.int(d), self.int(d));
                code(format!("({} && {} || {})", c.gs, a.gs, b.gs), format!("({} and {} or {})", c.lua, a.lua, b.lua))
            }
            12 => {
                let (a, b) = (self.int(d), self.int(d));
                let f = self.rng.pick(&["math.max", "math.min"]);
                code(format!("{}({}, {})", f, a.gs, b.gs), format!("{}({}, {})", f, a.lua, b.lua))
            }
            13 => {
                let a = self.int(d);
                self.call1("math.abs", a)
            }
            14 => {
                // Number of values: select("#", ...) over a literal list.
                let n = self.rng.below(4);
                let args: Vec<Code> = (0..n).map(|_| self.int(d)).collect();
                let gs = args.iter().map(|c| c.gs.clone()).collect::<Vec<_>>().join(", ");
                let lua = args.iter().map(|c| c.lua.clone()).collect::<Vec<_>>().join(", ");
                if n == 0 {
                    same("select(\"#\")")
                } else {
                    code(format!("select(\"#\", {})", gs), format!("select(\"#\", {})", lua))
                }
            }
            _ => {
                // Float with an exact integer value -> integer (math.tointeger) or a floor.
                let a = self.int(d);
                code(format!("math.floor({} / 2)", a.gs), format!("math.floor({} / 2)", a.lua))
            }
        }
    }

    fn float(&mut self, depth: usize) -> Code {
        let leaf = depth == 0 || self.rng.chance(25);
        if leaf {
            if self.rng.chance(40) {
                if let Some(v) = self.var_of(Ty::Float, false) {
                    return same(&v);
                }
            }
            return same(self.rng.pick(FLOATS));
        }
        let d = depth - 1;
        match self.rng.below(8) {
            0..=2 => {
                // Mixed int/float arithmetic.
                let a = self.float(d);
                let b = if self.rng.chance(50) { self.int(d) } else { self.float(d) };
                let op = self.rng.pick(&["+", "-", "*"]);
                if self.rng.chance(50) { self.bin(a, op, op, b) } else { self.bin(b, op, op, a) }
            }
            3 => {
                let a = if self.rng.chance(50) { self.int(d) } else { self.float(d) };
                let b = same(self.rng.pick(&["2", "3", "(-4)", "0.5", "7.5", "1e3", "(-0.25)"]));
                self.bin(a, "/", "/", b)
            }
            4 => {
                // Non-negative base: a negative one gives NaN, whose sign after further
                // arithmetic is not specified (x86 keeps the first operand's).
                let a = self.float(d);
                let a = self.call1("math.abs", a);
                let b = same(self.rng.pick(&["0.5", "2.0", "3.0", "(-1.0)", "1.5"]));
                self.bin(a, "**", "^", b)
            }
            5 => {
                let a = self.float(d);
                let b = same(self.rng.pick(&["2.5", "(-3.5)", "1.0", "0.75"]));
                self.bin(a, "%", "%", b)
            }
            6 => {
                let a = self.float(d);
                let f = self.rng.pick(&["math.abs", "math.sqrt"]);
                if f == "math.sqrt" {
                    let a = self.call1("math.abs", a);
                    self.call1(f, a)
                } else {
                    self.call1(f, a)
                }
            }
            _ => {
                let a = self.float(d);
                code(format!("(-{})", a.gs), format!("(- {})", a.lua))
            }
        }
    }

    fn str(&mut self, depth: usize) -> Code {
        let leaf = depth == 0 || self.rng.chance(30);
        if leaf {
            if self.rng.chance(40) {
                if let Some(v) = self.var_of(Ty::Str, false) {
                    return same(&v);
                }
            }
            return same(&format!("\"{}\"", self.rng.pick(WORDS)));
        }
        let d = depth - 1;
        match self.rng.below(9) {
            0 | 1 => {
                let a = self.str(d);
                let b = match self.rng.below(3) {
                    0 => self.str(d),
                    1 => self.int(d),
                    _ => self.float(d),
                };
                self.bin(a, "..", "..", b)
            }
            2 => {
                let a = if self.rng.chance(50) { self.int(d) } else { self.float(d) };
                self.call1("tostring", a)
            }
            3 => {
                let b = self.bool(d);
                self.call1("tostring", b)
            }
            4 => {
                let fmt = self.rng.pick(&["%d", "%5d", "%-6d|", "%x", "%X", "%+d", "%05d"]);
                let a = self.int(d);
                code(format!("string.format(\"{}\", {})", fmt, a.gs), format!("string.format(\"{}\", {})", fmt, a.lua))
            }
            5 => {
                let fmt = self.rng.pick(&["%.3f", "%g", "%.14g", "%10.2f", "%e", "%.1f", "%5.0f"]);
                let a = if self.rng.chance(70) { self.float(d) } else { self.int(d) };
                code(format!("string.format(\"{}\", {})", fmt, a.gs), format!("string.format(\"{}\", {})", fmt, a.lua))
            }
            6 => {
                let a = self.str(d);
                let n = self.rng.below(4);
                code(format!("string.rep({}, {})", a.gs, n), format!("string.rep({}, {})", a.lua, n))
            }
            7 => {
                let a = self.str(d);
                let (i, j) = (self.rng.below(7) as i64 - 3, self.rng.below(9) as i64 - 3);
                code(format!("string.sub({}, {}, {})", a.gs, i, j), format!("string.sub({}, {}, {})", a.lua, i, j))
            }
            _ => {
                let a = self.str(d);
                let f = self.rng.pick(&["string.upper", "string.reverse", "string.lower"]);
                self.call1(f, a)
            }
        }
    }

    fn bool(&mut self, depth: usize) -> Code {
        let leaf = depth == 0 || self.rng.chance(20);
        if leaf {
            if self.rng.chance(30) {
                if let Some(v) = self.var_of(Ty::Bool, false) {
                    return same(&v);
                }
            }
            return same(self.rng.pick(&["true", "false"]));
        }
        let d = depth - 1;
        let cmp = self.rng.pick(&["<", "<=", ">", ">=", "==", "!="]);
        let lua_cmp = if cmp == "!=" { "~=" } else { cmp };
        match self.rng.below(7) {
            0 | 1 => {
                let (a, b) = (self.int(d), self.int(d));
                self.bin(a, cmp, lua_cmp, b)
            }
            2 => {
                let a = self.int(d);
                let b = self.float(d);
                if self.rng.chance(50) { self.bin(a, cmp, lua_cmp, b) } else { self.bin(b, cmp, lua_cmp, a) }
            }
            3 => {
                let (a, b) = (self.str(d), self.str(d));
                self.bin(a, cmp, lua_cmp, b)
            }
            4 => {
                let a = self.bool(d);
                code(format!("(!{})", a.gs), format!("(not {})", a.lua))
            }
            5 => {
                let (a, b) = (self.bool(d), self.bool(d));
                if self.rng.chance(50) { self.bin(a, "&&", "and", b) } else { self.bin(a, "||", "or", b) }
            }
            _ => {
                let (a, b) = (self.float(d), self.float(d));
                self.bin(a, cmp, lua_cmp, b)
            }
        }
    }

    fn arr(&mut self, depth: usize) -> Code {
        if self.rng.chance(60) {
            if let Some(v) = self.var_of(Ty::Arr, false) {
                return same(&v);
            }
        }
        let n = 1 + self.rng.below(5);
        let d = depth.saturating_sub(1).min(1);
        let items: Vec<Code> = (0..n).map(|_| self.int(d)).collect();
        let gs = items.iter().map(|c| c.gs.clone()).collect::<Vec<_>>().join(", ");
        let lua = items.iter().map(|c| c.lua.clone()).collect::<Vec<_>>().join(", ");
        code(format!("{{{}}}", gs), format!("{{{}}}", lua))
    }

    fn fun(&mut self) -> Code {
        if let Some(v) = self.var_of(Ty::Fun, false) {
            return same(&v);
        }
        let k = self.int(0);
        code(format!("func(x) {{ return x + {} }}", k.gs), format!("function(x) return x + {} end", k.lua))
    }

    // ---- statements ----

    fn printable(&mut self) -> Code {
        let ty = self.rng.pick(&[Ty::Int, Ty::Int, Ty::Float, Ty::Str, Ty::Bool]);
        let depth = 1 + self.rng.below(3);
        self.expr(ty, depth)
    }

    fn block(&mut self, n: usize) {
        let saved = self.vars.len();
        self.indent += 1;
        for _ in 0..n {
            self.stmt();
        }
        self.indent -= 1;
        self.vars.truncate(saved);
    }

    fn stmt(&mut self) {
        if self.budget == 0 {
            return;
        }
        self.budget -= 1;
        let nested = self.indent < 4;
        match self.rng.below(if nested { 15 } else { 6 }) {
            0 | 1 => {
                // Declaration.
                let ty = self.rng.pick(&[Ty::Int, Ty::Int, Ty::Float, Ty::Str, Ty::Bool, Ty::Arr, Ty::Fun]);
                let depth = 1 + self.rng.below(3);
                let e = self.expr(ty, depth);
                let name = self.fresh();
                self.line(code(format!("{} := {}", name, e.gs), format!("local {} = {}", name, e.lua)));
                self.vars.push((name, ty, true));
            }
            2 => {
                let n = 1 + self.rng.below(3);
                let items: Vec<Code> = (0..n).map(|_| self.printable()).collect();
                let gs = items.iter().map(|c| c.gs.clone()).collect::<Vec<_>>().join(", ");
                let lua = items.iter().map(|c| c.lua.clone()).collect::<Vec<_>>().join(", ");
                self.line(code(format!("print({})", gs), format!("print({})", lua)));
            }
            3 => {
                // Assignment / compound assignment to a variable of the same type.
                let ty = self.rng.pick(&[Ty::Int, Ty::Float, Ty::Str, Ty::Bool]);
                if let Some(v) = self.var_of(ty, true) {
                    let e = self.expr(ty, 2);
                    if ty == Ty::Int && self.rng.chance(50) {
                        let op = self.rng.pick(&["+", "-", "*"]);
                        self.line(code(format!("{} {}= {}", v, op, e.gs), format!("{v} = {v} {} {}", op, e.lua)));
                    } else if ty == Ty::Str && self.rng.chance(50) {
                        // Append a literal only: appending an expression that may contain
                        // the variable doubles it per loop iteration (gigabytes; the
                        // maximum string sizes of the two implementations differ).
                        let w = self.rng.pick(WORDS);
                        self.line(code(format!("{} ..= \"{}\"", v, w), format!("{v} = {v} .. \"{}\"", w)));
                    } else if ty == Ty::Str {
                        // Plain assignment: keep the length bounded the same way.
                        let e = self.str(1);
                        let e = code(format!("string.sub({}, 1, 40)", e.gs), format!("string.sub({}, 1, 40)", e.lua));
                        self.line(code(format!("{} = {}", v, e.gs), format!("{} = {}", v, e.lua)));
                    } else {
                        self.line(code(format!("{} = {}", v, e.gs), format!("{} = {}", v, e.lua)));
                    }
                    if ty == Ty::Int && self.rng.chance(30) {
                        self.line(code(format!("{}++", v), format!("{v} = {v} + 1")));
                    }
                }
            }
            4 => {
                // Append to an array.
                if let Some(t) = self.var_of(Ty::Arr, false) {
                    let e = self.int(2);
                    if self.rng.chance(50) {
                        self.line(code(format!("{t}[#{t} + 1] = {}", e.gs), format!("{t}[#{t} + 1] = {}", e.lua)));
                    } else {
                        self.line(code(format!("table.insert({t}, {})", e.gs), format!("table.insert({t}, {})", e.lua)));
                    }
                }
            }
            5 => {
                let c = self.bool(2);
                self.line(code(format!("if {} {{", c.gs), format!("if {} then", c.lua)));
                let n = 1 + self.rng.below(3);
                self.block(n);
                if self.rng.chance(50) {
                    self.line(code("} else {".into(), "else".into()));
                    let n = 1 + self.rng.below(3);
                    self.block(n);
                }
                self.line(code("}".into(), "end".into()));
            }
            6 | 7 => self.for_loop(),
            8 => self.while_loop(),
            9 => self.closure_counter(),
            10 => self.pcall_stmt(),
            11 => self.varargs_stmt(),
            12 => self.ipairs_stmt(),
            13 => self.record_stmt(),
            _ => self.recursion_stmt(),
        }
    }

    fn loop_body(&mut self, label: &str) {
        let saved = self.vars.len();
        self.indent += 1;
        let n = 1 + self.rng.below(4);
        for _ in 0..n {
            if self.rng.chance(15) {
                let c = self.bool(1);
                if self.rng.chance(50) {
                    self.line(code(format!("if {} {{ break }}", c.gs), format!("if {} then break end", c.lua)));
                } else {
                    self.line(code(format!("if {} {{ continue }}", c.gs), format!("if {} then goto {} end", c.lua, label)));
                }
            } else {
                self.stmt();
            }
        }
        self.indent -= 1;
        self.vars.truncate(saved);
        self.indent += 1;
        self.line(code(String::new(), format!("::{}::", label)));
        self.indent -= 1;
    }

    fn label(&mut self) -> String {
        self.next_label += 1;
        format!("continue{}", self.next_label)
    }

    fn for_loop(&mut self) {
        let i = self.fresh();
        let a = self.rng.below(4) as i64 - 1;
        let b = a + self.rng.below(6) as i64;
        let step = self.rng.pick(&[1i64, 1, 2, -1]);
        let (from, to) = if step < 0 { (b, a) } else { (a, b) };
        let cond = if step < 0 { ">=" } else { "<=" };
        let post = match step {
            1 => format!("{i}++"),
            -1 => format!("{i}--"),
            s => format!("{i} += {s}"),
        };
        let label = self.label();
        self.line(code(format!("for {i} := {from}; {i} {cond} {to}; {post} {{"), format!("for {i} = {from}, {to}, {step} do")));
        self.vars.push((i.clone(), Ty::Int, false));
        self.loops.push(label.clone());
        self.loop_body(&label);
        self.loops.pop();
        self.vars.retain(|(n, _, _)| *n != i);
        self.line(code("}".into(), "end".into()));
    }

    fn while_loop(&mut self) {
        let w = self.fresh();
        let n = 1 + self.rng.below(6);
        let label = self.label();
        self.line(code(format!("{w} := 0"), format!("local {w} = 0")));
        self.line(code(format!("for {w} < {n} {{"), format!("while {w} < {n} do")));
        self.indent += 1;
        self.line(code(format!("{w}++"), format!("{w} = {w} + 1")));
        self.indent -= 1;
        self.vars.push((w.clone(), Ty::Int, false));
        self.loop_body(&label);
        self.line(code("}".into(), "end".into()));
    }

    fn closure_counter(&mut self) {
        // A closure over a local (upvalue shared by two closures), called a few times.
        let (n, inc, get) = (self.fresh(), self.fresh(), self.fresh());
        let start = self.int(1);
        let step = self.int(1);
        self.line(code(format!("{n} := {}", start.gs), format!("local {n} = {}", start.lua)));
        self.line(code(
            format!("{inc} := func(by) {{ {n} = {n} + by + {}; return {n} }}", step.gs),
            format!("local {inc} = function(by) {n} = {n} + by + {}; return {n} end", step.lua),
        ));
        self.line(code(format!("{get} := func() {{ return {n} }}"), format!("local {get} = function() return {n} end")));
        let times = 1 + self.rng.below(3);
        for k in 0..times {
            self.line(code(format!("print({inc}({k}), {get}())"), format!("print({inc}({k}), {get}())")));
        }
        self.vars.push((n, Ty::Int, true));
    }

    fn pcall_stmt(&mut self) {
        let (ok, e) = (self.fresh(), self.fresh());
        match self.rng.below(4) {
            0 => {
                let v = self.int(2);
                self.line(code(
                    format!("{ok}, {e} := pcall(func() {{ error({{code: {}}}) }})", v.gs),
                    format!("local {ok}, {e} = pcall(function() error({{code = {}}}) end)", v.lua),
                ));
                self.line(code(format!("print({ok}, {e}.code)"), format!("print({ok}, {e}.code)")));
            }
            1 => {
                let s = self.str(2);
                self.line(code(
                    format!("{ok}, {e} := pcall(func() {{ error({}, 0) }})", s.gs),
                    format!("local {ok}, {e} = pcall(function() error({}, 0) end)", s.lua),
                ));
                self.line(code(format!("print({ok}, {e})"), format!("print({ok}, {e})")));
            }
            2 => {
                let (a, b) = (self.int(2), self.str(1));
                self.line(code(
                    format!("print(pcall(func(x, y) {{ return y, x }}, {}, {}))", a.gs, b.gs),
                    format!("print(pcall(function(x, y) return y, x end, {}, {}))", a.lua, b.lua),
                ));
            }
            _ => {
                // A runtime error of the language; compare the message without position.
                let a = self.int(1);
                let bad = self.rng.pick(&["nil", "{}", "true"]);
                self.line(code(
                    format!("{ok}, {e} := pcall(func() {{ return {} + {} }})", a.gs, bad),
                    format!("local {ok}, {e} = pcall(function() return {} + {} end)", a.lua, bad),
                ));
                self.line(code(
                    format!("print({ok}, (string.gsub({e}, \"^[^:]*:%d+: \", \"\")))"),
                    format!("print({ok}, (string.gsub({e}, \"^[^:]*:%d+: \", \"\")))"),
                ));
            }
        }
    }

    fn varargs_stmt(&mut self) {
        let f = self.fresh();
        self.line(code(
            format!("{f} := func(a, ...) {{ return select(\"#\", ...), a, ... }}"),
            format!("local {f} = function(a, ...) return select(\"#\", ...), a, ... end"),
        ));
        let n = self.rng.below(4);
        let args: Vec<Code> = (0..n).map(|_| self.printable()).collect();
        let gs = args.iter().map(|c| c.gs.clone()).collect::<Vec<_>>().join(", ");
        let lua = args.iter().map(|c| c.lua.clone()).collect::<Vec<_>>().join(", ");
        self.line(code(format!("print({f}({gs}))"), format!("print({f}({lua}))")));
        let (x, y, z) = (self.fresh(), self.fresh(), self.fresh());
        self.line(code(format!("{x}, {y}, {z} := {f}({gs})"), format!("local {x}, {y}, {z} = {f}({lua})")));
        self.line(code(format!("print({x}, {y}, {z})"), format!("print({x}, {y}, {z})")));
        self.line(code(format!("print(#{{{f}({gs})}}, ({f}({gs})))"), format!("print(#{{{f}({lua})}}, ({f}({lua})))")));
    }

    fn ipairs_stmt(&mut self) {
        let t = self.arr(2);
        let (s, i, v) = (self.fresh(), self.fresh(), self.fresh());
        self.line(code(format!("{s} := 0"), format!("local {s} = 0")));
        self.line(code(
            format!("for {i}, {v} := range ipairs({}) {{ {s} = {s} + {i} * {v} }}", t.gs),
            format!("for {i}, {v} in ipairs({}) do {s} = {s} + {i} * {v} end", t.lua),
        ));
        self.line(code(format!("print({s})"), format!("print({s})")));
        self.vars.push((s, Ty::Int, true));
    }

    fn record_stmt(&mut self) {
        // A record table, iterated in sorted key order.
        let (r, keys, k) = (self.fresh(), self.fresh(), self.fresh());
        let n = 1 + self.rng.below(4);
        let mut gs_fields = Vec::new();
        let mut lua_fields = Vec::new();
        for j in 0..n {
            let e = self.printable();
            let key = format!("{}{}", self.rng.pick(&["k", "name", "z", "a"]), j);
            gs_fields.push(format!("{}: {}", key, e.gs));
            lua_fields.push(format!("{} = {}", key, e.lua));
        }
        self.line(code(format!("{r} := {{{}}}", gs_fields.join(", ")), format!("local {r} = {{{}}}", lua_fields.join(", "))));
        self.line(code(format!("{keys} := {{}}"), format!("local {keys} = {{}}")));
        self.line(code(
            format!("for {k} := range {r} {{ {keys}[#{keys} + 1] = {k} }}"),
            format!("for {k} in pairs({r}) do {keys}[#{keys} + 1] = {k} end"),
        ));
        self.line(code(format!("table.sort({keys})"), format!("table.sort({keys})")));
        self.line(code(
            format!("for _, {k} := range ipairs({keys}) {{ print({k}, {r}[{k}]) }}"),
            format!("for _, {k} in ipairs({keys}) do print({k}, {r}[{k}]) end"),
        ));
    }

    fn recursion_stmt(&mut self) {
        let f = self.fresh();
        let k = self.int(1);
        self.line(code(format!("var {f}"), format!("local {f}")));
        self.line(code(
            format!("{f} = func(n) {{ if n <= 0 {{ return {} }}; return n + {f}(n - 1) }}", k.gs),
            format!("{f} = function(n) if n <= 0 then return {} end; return n + {f}(n - 1) end", k.lua),
        ));
        let n = self.rng.below(30);
        self.line(code(format!("print({f}({n}))"), format!("print({f}({n}))")));
        self.vars.push((f, Ty::Fun, false));
    }
}

/// The program for `seed`: 5 to 24 top-level statements in a block of its own.
pub fn program(seed: u64) -> Program {
    let mut rng = Rng::new(seed);
    let budget = 5 + rng.below(20);
    let mut g = Gen {
        rng,
        vars: Vec::new(),
        next_name: 0,
        next_label: 0,
        out: Code { gs: String::new(), lua: String::new() },
        indent: 1,
        loops: Vec::new(),
        budget: budget * 2,
    };
    for _ in 0..budget {
        g.stmt();
    }
    Program { gs: g.out.gs, lua: g.out.lua }
}

/// Several programs as one file per language: each program runs in a block and a
/// protected call of its own, preceded by a header line, so that one file checks many
/// programs and an unexpected error is reported (without its position) instead of ending
/// the file.
pub fn batch(seeds: std::ops::Range<u64>) -> Program {
    let mut gs = String::new();
    let mut lua = String::new();
    for seed in seeds {
        let p = program(seed);
        gs.push_str(&format!(
            "{{\nprint(\"== {seed}\")\nok, err := pcall(func() {{\n{}}})\nif !ok {{ print(\"error\", (string.gsub(tostring(err), \"^[^:]*:%d+: \", \"\"))) }}\n}}\n",
            p.gs
        ));
        lua.push_str(&format!(
            "do\nprint(\"== {seed}\")\nlocal ok, err = pcall(function()\n{}end)\nif not ok then print(\"error\", (string.gsub(tostring(err), \"^[^:]*:%d+: \", \"\"))) end\nend\n",
            p.lua
        ));
    }
    Program { gs, lua }
}

/// Output as compared: `-nan` and `nan` are the same (the sign of a NaN computed from two
/// NaNs is not specified by IEEE 754 and differs between compiled C and GScript), and so
/// are `-0.0` and `0.0` (Lua 5.4 compiles `x - k` for an integer constant k, also one
/// produced by constant folding, as `x + (-k)`, so `-0.0 - 0` is `0.0` in Lua; GScript
/// gives the IEEE result `-0.0`).
pub fn normalize(out: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(out).replace("-nan", "nan");
    let bytes = text.as_bytes();
    let mut res = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let zero = bytes[i..].starts_with(b"-0.0")
            && !bytes.get(i + 4).is_some_and(|c| c.is_ascii_digit() || *c == b'e')
            && !(i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.' || bytes[i - 1] == b'e'));
        if zero {
            i += 1; // drop the sign
            continue;
        }
        res.push(bytes[i]);
        i += 1;
    }
    res
}
