//! Snapshot slot liveness: drops snapshot entries of VM registers that are dead at the
//! snapshot's pc (`-jopt=-snap` turns it off).
//!
//! A snapshot lists the registers a trace modified; an exit writes them to the frame,
//! and `Loop` writes back the non-PHI ones every iteration. A register that the
//! bytecode writes before it reads it on every path from the snapshot's pc (a temporary
//! of an expression) needs no write: the interpreter never sees the stale value. Removing
//! it from the loop snapshot removes the per-iteration store at `Loop`; removing it from
//! exit snapshots shortens the exit stubs and the values' live ranges (DCE then removes
//! values only snapshots used).
//!
//! Why this is sound for `Loop`: an exit in the next iteration at pc P whose snapshot
//! lacks register r reads r from the stack, where the last write-back left an older
//! value. Either r was dropped from P's snapshot (dead at P), or the trace path from the
//! loop header to P does not write r; then if r were live at P it would be live at the
//! header, where it was found dead.
//!
//! [`Liveness`] is a conservative bytecode analysis (a bounded depth-first search): r is
//! dead at pc only if every path from pc writes r before reading it. Unknown
//! instructions, multi-value calls/returns, budget overruns and registers captured by a
//! closure of the function (readable through an open upvalue by any code that runs)
//! count as live.

use crate::ir::*;
use compiler::Op;
use vm::function::ProtoObj;
use vm::object::Gc;

/// Maximum number of bytecode instructions one liveness query visits.
const BUDGET: usize = 400;

/// Per-function register liveness oracle.
pub struct Liveness {
    proto: Gc<ProtoObj>,
    /// Registers captured by a child closure (always live).
    captured: Vec<bool>,
}

/// How an instruction uses a register.
enum Use {
    Read,
    Write,
    /// Neither: continue with these successors.
    Next([usize; 3], usize),
    Unknown,
}

impl Liveness {
    pub fn new(proto: &Gc<ProtoObj>) -> Liveness {
        let mut captured = vec![false; proto.max_stack + 1];
        for child in proto.children.iter() {
            for &(in_stack, idx) in child.upvalue_descs.iter() {
                if in_stack {
                    if let Some(c) = captured.get_mut(idx as usize) {
                        *c = true;
                    } else {
                        captured.resize(idx as usize + 1, true);
                    }
                }
            }
        }
        Liveness { proto: *proto, captured }
    }

    /// Register `slot` is dead at `pc`: written before read on every path from `pc`.
    pub fn dead(&self, pc: usize, slot: u16) -> bool {
        let s = slot as usize;
        if self.captured.get(s).copied().unwrap_or(true) {
            return false;
        }
        let code = &self.proto.code;
        let mut seen = vec![false; code.len()];
        let mut stack = vec![pc];
        let mut visited = 0;
        while let Some(p) = stack.pop() {
            if p >= code.len() {
                return false;
            }
            if seen[p] {
                continue;
            }
            seen[p] = true;
            visited += 1;
            if visited > BUDGET {
                return false;
            }
            match use_of(code, p, s) {
                Use::Read | Use::Unknown => return false,
                Use::Write => {}
                Use::Next(succ, n) => stack.extend_from_slice(&succ[..n]),
            }
        }
        true
    }
}

fn in_range(s: usize, first: usize, count: usize) -> bool {
    s >= first && s < first + count
}

/// How the instruction at `pc` uses register `s` (reads take precedence over writes).
fn use_of(code: &[compiler::Instr], pc: usize, s: usize) -> Use {
    let i = code[pc];
    let (a, b, c) = (i.a(), i.b(), i.c());
    let next = Use::Next([pc + 1, 0, 0], 1);
    let branch = Use::Next([pc + 1, pc + 2, 0], 2);
    let rw = |reads: &[usize], writes: &[usize], then: Use| {
        if reads.contains(&s) {
            Use::Read
        } else if writes.contains(&s) {
            Use::Write
        } else {
            then
        }
    };
    match i.op() {
        Op::MOVE => rw(&[b], &[a], next),
        Op::LOADK | Op::LOADI | Op::LOADF | Op::LOADFALSE | Op::LOADTRUE | Op::GETUPVAL | Op::GETGLOBAL | Op::NEWTABLE => rw(&[], &[a], next),
        Op::LOADNIL => {
            if in_range(s, a, b + 1) {
                Use::Write
            } else {
                next
            }
        }
        Op::SETUPVAL | Op::SETGLOBAL => rw(&[a], &[], next),
        Op::GETTABLE => rw(&[b, c], &[a], next),
        Op::GETI | Op::GETFIELD => rw(&[b], &[a], next),
        Op::SETTABLE => rw(&[a, b, c], &[], next),
        Op::SETI | Op::SETFIELD => rw(&[a, c], &[], next),
        Op::SELF => rw(&[b], &[a, a + 1], next),
        Op::ADDI
        | Op::ADDK
        | Op::SUBK
        | Op::MULK
        | Op::MODK
        | Op::POWK
        | Op::DIVK
        | Op::BANDK
        | Op::BORK
        | Op::BXORK
        | Op::SHLI
        | Op::SHRI
        | Op::KADD
        | Op::KSUB
        | Op::KMUL
        | Op::KDIV
        | Op::UNM
        | Op::BNOT
        | Op::NOT
        | Op::LEN => rw(&[b], &[a], next),
        Op::ADD | Op::SUB | Op::MUL | Op::MOD | Op::POW | Op::DIV | Op::BAND | Op::BOR | Op::BXOR | Op::SHL | Op::SHR => rw(&[b, c], &[a], next),
        Op::CONCAT => {
            if in_range(s, a, b) {
                Use::Read
            } else {
                next
            }
        }
        Op::JMP => Use::Next([(pc as i64 + 1 + i.sj() as i64).max(0) as usize, 0, 0], 1),
        Op::EQ | Op::LT | Op::LE => rw(&[a, b], &[], branch),
        Op::EQK | Op::EQI | Op::LTI | Op::LEI | Op::GTI | Op::GEI | Op::TEST => rw(&[a], &[], branch),
        Op::CALL => {
            if b == 0 || c == 0 {
                return if s < a { next } else { Use::Unknown };
            }
            if in_range(s, a, b) {
                Use::Read
            } else if in_range(s, a, c - 1) {
                Use::Write
            } else {
                next
            }
        }
        Op::RETURN0 => Use::Write,
        Op::RETURN1 => rw(&[a], &[], Use::Write),
        Op::RETURN | Op::TAILCALL => {
            // RETURN reads R[A]..R[A+B-2], TAILCALL R[A]..R[A+B-1]; B = 0: up to top.
            let count = if i.op() == Op::RETURN { b.saturating_sub(1) } else { b };
            if (b == 0 && s >= a) || in_range(s, a, count) {
                Use::Read
            } else {
                // The frame ends: nothing reads its registers again.
                Use::Write
            }
        }
        Op::FORLT | Op::FORLE | Op::FORGT | Op::FORGE | Op::FORLTI | Op::FORLEI | Op::FORGTI | Op::FORGEI | Op::FORLTR | Op::FORLER | Op::FORLTK | Op::FORLEK => {
            let reads: &[usize] = match i.op() {
                Op::FORLTI | Op::FORLEI | Op::FORGTI | Op::FORGEI | Op::FORLTK | Op::FORLEK => &[a],
                Op::FORLTR | Op::FORLER => &[a, b, c],
                _ => &[a, b],
            };
            if reads.contains(&s) {
                return Use::Read;
            }
            // Slow path: the original step instructions at pc + 1. Fast path: the target
            // of the backward JMP that ends them, or the instruction after that JMP.
            let Some(j) = (pc + 1..(pc + 6).min(code.len())).find(|&q| code[q].op() == Op::JMP) else { return Use::Unknown };
            let target = (j as i64 + 1 + code[j].sj() as i64).max(0) as usize;
            Use::Next([pc + 1, target, j + 1], 3)
        }
        _ => Use::Unknown,
    }
}

/// Drops the entries of every snapshot whose register `dead(pc, slot)` says is dead at
/// the snapshot's pc. PHI slots stay in the loop snapshot (`Loop` skips them anyway).
pub fn prune(t: &Trace, dead: impl Fn(usize, u16) -> bool) -> Trace {
    let mut out = t.clone();
    let loop_snap = t.ins.last().filter(|i| i.op == Opc::Loop).map(|i| i.snap);
    let phi_slots: Vec<i64> = t.phis.iter().map(|p| t.get(p.0).k).collect();
    // Many snapshots share a pc (unrolled inner loops, guards of one instruction): each
    // (pc, slot) query runs once.
    let npc = t.snaps.iter().map(|s| s.pc + 1).max().unwrap_or(0);
    let mut known: Vec<Vec<(u16, bool)>> = vec![Vec::new(); npc];
    for (si, s) in out.snaps.iter_mut().enumerate() {
        let is_loop = loop_snap == Some(SnapId(si as u32));
        let pc = s.pc;
        if !s.frames.is_empty() {
            // Inside inlined calls: `pc` is a callee's and `dead` knows only the traced
            // function's registers; everything stays.
            continue;
        }
        s.entries.retain(|&(slot, _)| {
            if is_loop && phi_slots.contains(&(slot as i64)) {
                return true;
            }
            let memo = &mut known[pc];
            let d = match memo.iter().find(|m| m.0 == slot) {
                Some(&(_, d)) => d,
                None => {
                    let d = dead(pc, slot);
                    memo.push((slot, d));
                    d
                }
            };
            !d
        });
    }
    out
}
