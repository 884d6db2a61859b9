//! Bytecode disassembler (`gscript --dump-bytecode`).
//!
//! Renders one function per section: a header (`source:line_defined,last_line`,
//! parameters, registers, upvalues, constants), one line per instruction (index, source
//! line, mnemonic, decoded operands and a `;` comment naming constants, globals, fields,
//! upvalues and jump targets), then the constant, local and upvalue tables. Nested
//! prototypes follow their parent, depth first.

use crate::bytecode::{Format, Instr, Op};
use crate::proto::{Constant, Proto};
use std::fmt::Write;

/// Disassembles `proto` and all nested prototypes.
pub fn disassemble(proto: &Proto) -> String {
    let mut out = String::new();
    disassemble_into(proto, &mut out);
    out
}

fn disassemble_into(p: &Proto, out: &mut String) {
    let kind = if p.line_defined == 0 { "main" } else { "function" };
    let _ = writeln!(
        out,
        "{} <{}:{},{}> ({} instructions)",
        kind,
        p.source,
        p.line_defined,
        p.last_line,
        p.code.len()
    );
    let _ = writeln!(
        out,
        "{}{} params, {} registers, {} upvalues, {} constants, {} functions, {} locals{}",
        p.num_params,
        if p.is_vararg { "+" } else { "" },
        p.max_stack,
        p.upvalues.len(),
        p.constants.len(),
        p.protos.len(),
        p.locals.len(),
        if p.has_defer { ", defer" } else { "" }
    );
    for pc in 0..p.code.len() {
        let line = p.lines.get(pc).copied().unwrap_or(0);
        let _ = writeln!(out, "  {:>4}  {:<6} {}", pc, format!("[{}]", line), instruction(p, pc));
    }
    if !p.constants.is_empty() {
        let _ = writeln!(out, "constants ({}):", p.constants.len());
        for (i, k) in p.constants.iter().enumerate() {
            let _ = writeln!(out, "  {:>4}  {}", i, constant(k));
        }
    }
    if !p.locals.is_empty() {
        let _ = writeln!(out, "locals ({}):", p.locals.len());
        for (i, l) in p.locals.iter().enumerate() {
            let _ = writeln!(out, "  {:>4}  {}  r{}  pc {}-{}", i, l.name, l.register, l.start_pc, l.end_pc);
        }
    }
    if !p.upvalues.is_empty() {
        let _ = writeln!(out, "upvalues ({}):", p.upvalues.len());
        for (i, u) in p.upvalues.iter().enumerate() {
            let from = if u.in_stack { "register" } else { "upvalue" };
            let _ = writeln!(out, "  {:>4}  {}  {} {}", i, u.name, from, u.index);
        }
    }
    for child in &p.protos {
        out.push('\n');
        disassemble_into(child, out);
    }
}

/// One instruction: mnemonic, decoded operands and a `;` comment (no pc or line).
pub fn instruction(p: &Proto, pc: usize) -> String {
    let i = p.code[pc];
    let text = format!("{:<10} {}", i.op().name(), operands(i));
    let comment = comment(p, pc, i);
    if comment.is_empty() {
        text.trim_end().to_string()
    } else {
        format!("{:<24} ; {}", text, comment)
    }
}

/// Renders a constant the way a program would write it.
pub fn constant(k: &Constant) -> String {
    match k {
        Constant::Nil => "nil".into(),
        Constant::Bool(b) => b.to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => {
            if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e16 {
                format!("{:.1}", f)
            } else {
                format!("{:?}", f)
            }
        }
        Constant::Str(s) => {
            let mut o = String::from("\"");
            for &b in s.iter() {
                match b {
                    b'"' => o.push_str("\\\""),
                    b'\\' => o.push_str("\\\\"),
                    b'\n' => o.push_str("\\n"),
                    b'\t' => o.push_str("\\t"),
                    0x20..=0x7e => o.push(b as char),
                    _ => {
                        let _ = write!(o, "\\x{:02x}", b);
                    }
                }
            }
            o.push('"');
            o
        }
    }
}

fn operands(i: Instr) -> String {
    let op = i.op();
    let (a, b, c) = (i.a(), i.b(), i.c());
    match op {
        Op::RETURN0 => String::new(),
        Op::LOADFALSE | Op::LOADTRUE | Op::CLOSE | Op::RETURN1 | Op::PACKREST | Op::SPREAD => format!("{}", a),
        Op::MOVE
        | Op::GETUPVAL
        | Op::SETUPVAL
        | Op::UNM
        | Op::BNOT
        | Op::NOT
        | Op::LEN
        | Op::CONCAT
        | Op::LOADNIL
        | Op::TAILCALL
        | Op::RETURN
        | Op::DEFER
        | Op::GO
        | Op::SEND
        | Op::RANGECALL => format!("{} {}", a, b),
        Op::ADDI | Op::SHLI | Op::SHRI => format!("{} {} {}", a, b, i.sc()),
        Op::EQI | Op::LTI | Op::LEI | Op::GTI | Op::GEI => format!("{} {} {}", a, i.sb(), c),
        Op::FORLT | Op::FORLE | Op::FORGT | Op::FORGE => format!("{} {} {}", a, b, i.sc()),
        Op::FORLTR | Op::FORLER => format!("{} {} {}", a, b, c),
        Op::FORLTK | Op::FORLEK => format!("{} {} {}", a, b, i.sc()),
        Op::FORLTI | Op::FORLEI | Op::FORGTI | Op::FORGEI => format!("{} {} {}", a, i.sb(), i.sc()),
        Op::TEST => format!("{} {}", a, c),
        Op::VARARG => format!("{} {}", a, c),
        _ => match op.format() {
            Format::ABC => format!("{} {} {}", a, b, c),
            Format::ABx => format!("{} {}", a, i.bx()),
            Format::AsBx => format!("{} {}", a, i.sbx()),
            Format::Ax => format!("{}", i.ax_field()),
            Format::SJ => format!("{}", i.sj()),
        },
    }
}

fn k_str(p: &Proto, idx: usize) -> String {
    match p.constants.get(idx) {
        Some(k) => constant(k),
        None => format!("K[{}]?", idx),
    }
}

fn k_name(p: &Proto, idx: usize) -> String {
    match p.constants.get(idx) {
        Some(Constant::Str(s)) => String::from_utf8_lossy(s).into_owned(),
        Some(k) => constant(k),
        None => format!("K[{}]?", idx),
    }
}

fn upval_name(p: &Proto, idx: usize) -> String {
    p.upvalues.get(idx).map_or_else(|| format!("U[{}]?", idx), |u| u.name.clone())
}

fn count(n: usize, what: &str, all: &str) -> String {
    if n == 0 {
        all.to_string()
    } else {
        format!("{} {}", n - 1, what)
    }
}

fn comment(p: &Proto, pc: usize, i: Instr) -> String {
    let (b, c) = (i.b(), i.c());
    match i.op() {
        Op::LOADK => k_str(p, i.bx()),
        Op::GETGLOBAL | Op::SETGLOBAL => k_name(p, i.bx()),
        Op::GETFIELD | Op::SELF => k_str(p, c),
        Op::SETFIELD | Op::EQK => k_str(p, b),
        Op::ADDK | Op::SUBK | Op::MULK | Op::MODK | Op::POWK | Op::DIVK | Op::BANDK | Op::BORK | Op::BXORK => {
            k_str(p, c)
        }
        Op::KADD | Op::KSUB | Op::KMUL | Op::KDIV => k_str(p, c),
        Op::EQI | Op::LTI | Op::LEI | Op::GTI | Op::GEI if i.imm_is_float() => format!("{}.0", i.sb()),
        Op::FORLT | Op::FORLE | Op::FORGT | Op::FORGE | Op::FORLTI | Op::FORLEI | Op::FORGTI | Op::FORGEI | Op::FORLTR
        | Op::FORLER | Op::FORLTK | Op::FORLEK => {
            // The JMP it would take is the third (FORxxK: fourth) instruction after it.
            let step = if matches!(i.op(), Op::FORLTR | Op::FORLER) { format!("R[{}]", c) } else { i.sc().to_string() };
            let (bound, jmp) = if matches!(i.op(), Op::FORLTK | Op::FORLEK) { (format!(", bound {}", k_str(p, b)), pc + 4) } else { (String::new(), pc + 3) };
            match p.code.get(jmp) {
                Some(j) if j.op() == Op::JMP => format!("step {}{}, loop to {}", step, bound, jmp as i64 + 1 + j.sj() as i64),
                _ => "?".into(),
            }
        }
        Op::GETUPVAL | Op::SETUPVAL => upval_name(p, b),
        Op::JMP => format!("to {}", pc as i64 + 1 + i.sj() as i64),
        Op::RANGELOOP => format!("to {}", pc as i64 + 1 + i.sbx() as i64),
        Op::CLOSURE => match p.protos.get(i.bx()) {
            Some(child) => format!("function <{}:{}>", child.source, child.line_defined),
            None => "?".into(),
        },
        Op::CALL => format!("{}, {}", count(b, "args", "args to top"), count(c, "results", "all results")),
        Op::TAILCALL | Op::DEFER | Op::GO => count(b, "args", "args to top"),
        Op::RETURN => count(b, "values", "values to top"),
        Op::VARARG => count(c, "values", "all values"),
        Op::SETLIST => {
            let off = if c == 255 {
                p.code.get(pc + 1).map_or(0, |x| x.ax_field())
            } else {
                c
            };
            if b == 0 {
                format!("items to top at {}", off + 1)
            } else {
                format!("{} items at {}", b, off + 1)
            }
        }
        Op::EXTRAARG => {
            if pc > 0 && p.code[pc - 1].op() == Op::SELECT {
                match p.constants.get(i.ax_field()) {
                    Some(Constant::Int(m)) => format!("send mask {:#b}", m),
                    _ => String::new(),
                }
            } else {
                String::new()
            }
        }
        _ => String::new(),
    }
}
