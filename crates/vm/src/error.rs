//! Runtime errors: the error object, Lua-style variable information ("(global 'x')"),
//! function names for tracebacks, and traceback text (spec 9.3, 9.7).
//!
//! Variable information is reconstructed from the bytecode like Lua's `getobjname`: the
//! register is a named local at that pc, or the last instruction that wrote it before pc
//! (ignoring writes inside conditional code) tells where the value came from.

use crate::function::ProtoObj;
use crate::thread::{flags, Frame, Thread};
use crate::value::Value;
use compiler::{Instr, Op};

/// An error in flight: the error value, plus the traceback captured where it was raised
/// (only when nothing can catch it).
#[derive(Clone, Debug)]
pub struct RtError {
    pub value: Value,
    pub traceback: Option<String>,
    /// The innermost `xpcall` handler has already processed this error.
    pub handled: bool,
    /// Set for the conditions that end the whole program (spec 9.8, 11.6): such an error
    /// is not catchable, runs no deferred calls and unwinds straight out of the top-level
    /// `Vm::call`, which resets the scheduler (sched.rs `sched_abort`).
    pub fatal: Option<Fatal>,
}

/// A program-ending condition (spec 9.8, 11.6). The CLI reports it and exits with
/// status 2; an embedding host gets it as an ordinary error and the VM stays usable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fatal {
    /// An uncaught error reached the top of goroutine number `id` (not the main one); the
    /// error's traceback header already reads `stack traceback (goroutine N):`.
    GoroutineDied { id: u64 },
    /// Every goroutine is blocked and no timer is pending; the error value is the
    /// message `all goroutines are asleep - deadlock!`.
    Deadlock,
    /// The host's interrupt arrived while every goroutine was waiting for a timer
    /// (`time.sleep`, `time.after`): no script code was running to raise it, so the run
    /// ends at once with the error value `interrupted`.
    Interrupted,
}

impl RtError {
    pub fn new(value: Value) -> RtError {
        RtError { value, traceback: None, handled: false, fatal: None }
    }
}

/// True if the op writes register A (or a range starting at A).
fn sets_a(op: Op) -> bool {
    !matches!(
        op,
        Op::SETUPVAL
            | Op::SETGLOBAL
            | Op::SETTABLE
            | Op::SETI
            | Op::SETFIELD
            | Op::JMP
            | Op::EQ
            | Op::LT
            | Op::LE
            | Op::EQK
            | Op::EQI
            | Op::LTI
            | Op::LEI
            | Op::GTI
            | Op::GEI
            | Op::TEST
            | Op::RETURN
            | Op::RETURN0
            | Op::RETURN1
            | Op::CLOSE
            | Op::SETLIST
            | Op::DEFER
            | Op::GO
            | Op::SEND
            | Op::TAILCALL
            | Op::EXTRAARG
            | Op::RANGELOOP
    )
}

/// The pc of the last instruction before `last_pc` that wrote `reg` unconditionally,
/// like Lua's `findsetreg`.
fn find_set_reg(code: &[Instr], last_pc: usize, reg: usize) -> Option<usize> {
    let mut set_at: Option<usize> = None;
    let mut jump_target = 0usize;
    for (pc, &i) in code.iter().enumerate().take(last_pc) {
        let a = i.a();
        let change = match i.op() {
            Op::LOADNIL => a <= reg && reg <= a + i.b(),
            Op::CALL | Op::VARARG | Op::SPREAD | Op::SELECT => reg >= a,
            Op::RANGECALL => reg >= a + 3,
            Op::RANGEPREP => reg >= a && reg <= a + 2,
            Op::SELF | Op::RECV => reg == a || reg == a + 1,
            Op::JMP => {
                let dest = pc as i64 + 1 + i.sj() as i64;
                if dest >= 0 && (dest as usize) <= last_pc && dest as usize > jump_target {
                    jump_target = dest as usize;
                }
                false
            }
            op => sets_a(op) && a == reg,
        };
        if change {
            set_at = if pc < jump_target { None } else { Some(pc) };
        }
    }
    set_at
}

fn const_str(p: &ProtoObj, idx: usize) -> Option<String> {
    match p.info.constants.get(idx) {
        Some(compiler::Constant::Str(s)) => Some(String::from_utf8_lossy(s).into_owned()),
        _ => None,
    }
}

/// Describes where register `reg` got its value at `pc`: ("global", "x"), ("local", "x"),
/// ("field", "x"), ("method", "x"), ("upvalue", "x"), ("constant", "abc").
pub fn object_name(p: &ProtoObj, pc: usize, reg: usize) -> Option<(&'static str, String)> {
    if let Some(name) = p.info.local_name(reg, pc) {
        if !name.starts_with('(') {
            return Some(("local", name.to_string()));
        }
    }
    let set_pc = find_set_reg(&p.code, pc, reg)?;
    let i = p.code[set_pc];
    match i.op() {
        Op::MOVE => {
            let b = i.b();
            if b < i.a() {
                return object_name(p, set_pc, b);
            }
            None
        }
        Op::GETUPVAL => p.info.upvalues.get(i.b()).map(|u| ("upvalue", u.name.clone())),
        Op::LOADK => const_str(p, i.bx()).map(|s| ("constant", s)),
        Op::GETGLOBAL => const_str(p, i.bx()).map(|s| ("global", s)),
        Op::GETFIELD => const_str(p, i.c()).map(|s| ("field", s)),
        Op::SELF => const_str(p, i.c()).map(|s| ("method", s)),
        Op::GETTABLE => {
            // A key loaded from a string constant still names a field.
            let key_pc = find_set_reg(&p.code, set_pc, i.c())?;
            let k = p.code[key_pc];
            if k.op() == Op::LOADK {
                const_str(p, k.bx()).map(|s| ("field", s))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The " (kind 'name')" suffix for an operand register, or "".
pub fn var_info(p: &ProtoObj, pc: usize, reg: usize) -> String {
    match object_name(p, pc, reg) {
        Some((kind, name)) => format!(" ({} '{}')", kind, name),
        None => String::new(),
    }
}

/// How the function running in `frames[index]` was called, from its caller's
/// instruction: ("global", "f"), ("method", "m"), ("metamethod", "add"), ...
pub fn function_name(frames: &[Frame], index: usize) -> Option<(&'static str, String)> {
    let frame = &frames[index];
    if frame.flags & flags::TAIL != 0 {
        return None;
    }
    if frame.flags & (flags::PCALL | flags::XPCALL | flags::CO_BASE | flags::FRESH) != 0 {
        return None;
    }
    if frame.flags & (flags::DEFER_RETURN | flags::DEFER_UNWIND) != 0 {
        return Some(("function", "<deferred>".into()));
    }
    let caller = frames.get(index.checked_sub(1)?)?;
    let closure = caller.closure?;
    let p = &closure.proto;
    let pc = caller.pc.checked_sub(1)?;
    let i = *p.code.get(pc)?;
    if frame.flags & flags::FINISH != 0 {
        let event = match i.op() {
            Op::GETTABLE | Op::GETI | Op::GETFIELD | Op::GETGLOBAL | Op::SELF => "index",
            Op::SETTABLE | Op::SETI | Op::SETFIELD | Op::SETGLOBAL => "newindex",
            Op::ADD | Op::ADDI | Op::ADDK => "add",
            Op::SUB | Op::SUBK => "sub",
            Op::MUL | Op::MULK => "mul",
            Op::DIV | Op::DIVK => "div",
            Op::MOD | Op::MODK => "mod",
            Op::POW | Op::POWK => "pow",
            Op::UNM => "unm",
            Op::BAND | Op::BANDK => "band",
            Op::BOR | Op::BORK => "bor",
            Op::BXOR | Op::BXORK => "bxor",
            Op::SHL | Op::SHLI => "shl",
            Op::SHR | Op::SHRI => "shr",
            Op::BNOT => "bnot",
            Op::CONCAT => "concat",
            Op::LEN => "len",
            Op::EQ | Op::EQK | Op::EQI => "eq",
            Op::LT | Op::LTI | Op::GTI => "lt",
            Op::LE | Op::LEI | Op::GEI => "le",
            _ => "?",
        };
        return Some(("metamethod", event.into()));
    }
    match i.op() {
        Op::CALL | Op::TAILCALL => object_name(p, pc, i.a()),
        Op::RANGECALL => Some(("for iterator", "for iterator".into())),
        _ => None,
    }
}

/// Renders "stack traceback:\n\t..." for the frames of `thread`, innermost first,
/// skipping the innermost `skip` logical levels.
pub fn traceback(thread: &Thread, skip: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let frames = &thread.frames;
    for index in (0..frames.len()).rev() {
        let frame = &frames[index];
        let line = match frame.closure {
            Some(c) => {
                let p = &c.proto;
                let cur = p.line_at(frame.pc.saturating_sub(1));
                let what = if index == 0 && thread.is_main && p.info.line_defined == 0 {
                    "main chunk".to_string()
                } else {
                    match function_name(frames, index) {
                        Some(("global", n)) => format!("function '{}'", n),
                        Some(("method", n)) => format!("method '{}'", n),
                        Some((kind, n)) if kind == "local" || kind == "upvalue" || kind == "field" => {
                            format!("{} '{}'", kind, n)
                        }
                        Some(("metamethod", n)) => format!("metamethod '{}'", n),
                        _ if p.info.line_defined == 0 => "main chunk".to_string(),
                        _ => format!("function <{}:{}>", p.source(), p.info.line_defined),
                    }
                };
                format!("{}:{}: in {}", p.source(), cur, what)
            }
            None => {
                let name = builtin_name(thread, frame);
                format!("[builtin]: in function '{}'", name)
            }
        };
        lines.push(line);
        if frame.flags & flags::TAIL != 0 {
            lines.push("(...tail calls...)".into());
        }
        if frame.flags & flags::PCALL != 0 {
            lines.push("[builtin]: in function 'pcall'".into());
        }
        if frame.flags & flags::XPCALL != 0 {
            lines.push("[builtin]: in function 'xpcall'".into());
        }
    }
    let lines: Vec<String> = lines.into_iter().skip(skip).collect();
    let mut out = String::from("stack traceback:");
    let n = lines.len();
    if n > 22 {
        for l in &lines[..10] {
            out.push_str("\n\t");
            out.push_str(l);
        }
        out.push_str(&format!("\n\t...\t(skipping {} levels)", n - 21));
        for l in &lines[n - 11..] {
            out.push_str("\n\t");
            out.push_str(l);
        }
    } else {
        for l in &lines {
            out.push_str("\n\t");
            out.push_str(l);
        }
    }
    out
}

fn builtin_name(thread: &Thread, frame: &Frame) -> String {
    let f = thread.stack.get(frame.func).copied().unwrap_or(Value::NIL);
    match crate::object::value_as::<crate::function::Native>(f) {
        Some(n) => n.qualified.to_string(),
        None => "?".into(),
    }
}
