//! Text form of the IR (for `-jdump` and for optimiser tests written as text files).
//!
//! ```text
//! %0 int sload k=2 @0        ; instruction: ref, type, opcode, operands, k=immediate, @snapshot
//! %1 int k k=1
//! %2 int addi %0 %1
//! %3 none guardi %2 %0 k=lt @1
//! %4 none loop @2
//! snap 0 pc=5
//! snap 1 pc=7 2=%2          ; slot=ref pairs
//! snap 2 pc=3 frame=9:4:1 2=%2 ; inside an inlined call (frame=CALLPC:FUNCSLOT:WANT)
//! phi %0 %2                 ; loop-carried value: entry sload, next value
//! ```
//!
//! Conditions print by name, `num` constants as floats, other immediates as integers.
//! Lines starting with `;` or `#` and empty lines are ignored by the parser; refs must be
//! numbered in order.

use crate::ir::*;
use std::fmt::Write;

/// Prints a trace.
pub fn print(t: &Trace) -> String {
    let mut s = String::new();
    for (i, ins) in t.ins.iter().enumerate() {
        let _ = write!(s, "%{} {} {}", i, ins.ty.name(), ins.op.name());
        for r in ins.operands() {
            let _ = write!(s, " {}", r);
        }
        match ins.op {
            Opc::K if ins.ty == Ty::Num => {
                let _ = write!(s, " k={:?}", f64::from_bits(ins.k as u64));
            }
            Opc::GuardI | Opc::GuardN => {
                let _ = write!(s, " k={}", ins.cond().name());
            }
            _ => {
                if ins.k != 0 || matches!(ins.op, Opc::K | Opc::SLoad | Opc::HLoad | Opc::HStore | Opc::GuardT | Opc::GuardV | Opc::GuardType | Opc::UvRef) {
                    let _ = write!(s, " k={}", ins.k);
                }
            }
        }
        if !ins.snap.is_none() {
            let _ = write!(s, " @{}", ins.snap.0);
        }
        s.push('\n');
    }
    for (entry, next) in &t.phis {
        let _ = writeln!(s, "phi {} {}", entry, next);
    }
    for (i, snap) in t.snaps.iter().enumerate() {
        let _ = write!(s, "snap {} pc={}", i, snap.pc);
        for f in &snap.frames {
            let _ = write!(s, " frame={}:{}:{}", f.call_pc, f.func, f.want);
        }
        for (slot, r) in &snap.entries {
            let _ = write!(s, " {}={}", slot, r);
        }
        s.push('\n');
    }
    s
}

fn parse_ref(w: &str) -> Result<IrRef, String> {
    w.strip_prefix('%').and_then(|n| n.parse().ok()).map(IrRef).ok_or_else(|| format!("bad ref '{}'", w))
}

/// Parses the text form back into a trace.
pub fn parse(text: &str) -> Result<Trace, String> {
    let mut t = Trace::default();
    for (lno, line) in text.lines().enumerate() {
        let line = line.split(';').next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |m: String| format!("line {}: {}", lno + 1, m);
        let words: Vec<&str> = line.split_whitespace().collect();
        if words[0] == "phi" {
            let (Some(a), Some(b)) = (words.get(1), words.get(2)) else { return Err(err("phi needs two refs".into())) };
            t.phis.push((parse_ref(a).map_err(err)?, parse_ref(b).map_err(err)?));
            continue;
        }
        if words[0] == "snap" {
            let id: usize = words.get(1).and_then(|w| w.parse().ok()).ok_or_else(|| err("bad snap id".into()))?;
            if id != t.snaps.len() {
                return Err(err(format!("snapshot {} out of order", id)));
            }
            let pc = words.get(2).and_then(|w| w.strip_prefix("pc=")).and_then(|w| w.parse().ok()).ok_or_else(|| err("missing pc=".into()))?;
            let mut entries = Vec::new();
            let mut frames = Vec::new();
            for w in &words[3..] {
                if let Some(f) = w.strip_prefix("frame=") {
                    let parts: Vec<Option<u32>> = f.split(':').map(|x| x.parse().ok()).collect();
                    let [Some(call_pc), Some(func), Some(want)] = parts[..] else { return Err(err(format!("bad frame '{}'", w))) };
                    frames.push(SnapFrame { call_pc, func: func as u16, want: want as u16 });
                    continue;
                }
                let (slot, r) = w.split_once('=').ok_or_else(|| err(format!("bad entry '{}'", w)))?;
                let slot: u16 = slot.parse().map_err(|_| err(format!("bad slot '{}'", slot)))?;
                entries.push((slot, parse_ref(r).map_err(err)?));
            }
            t.snaps.push(Snapshot { pc, entries, frames });
            continue;
        }
        let r = parse_ref(words[0]).map_err(err)?;
        if r.idx() != t.ins.len() {
            return Err(err(format!("{} out of order", r)));
        }
        let ty = words.get(1).and_then(|w| Ty::from_name(w)).ok_or_else(|| err("bad type".into()))?;
        let op = words.get(2).and_then(|w| Opc::from_name(w)).ok_or_else(|| err("bad opcode".into()))?;
        let mut ins = Ins::new(op, ty, IrRef::NONE, IrRef::NONE);
        let mut refs = Vec::new();
        for w in &words[3..] {
            if w.starts_with('%') {
                refs.push(parse_ref(w).map_err(err)?);
            } else if let Some(k) = w.strip_prefix("k=") {
                ins.k = if matches!(op, Opc::GuardI | Opc::GuardN) {
                    cond_index(Cond::from_name(k).ok_or_else(|| err(format!("bad condition '{}'", k)))?)
                } else if op == Opc::K && ty == Ty::Num {
                    k.parse::<f64>().map_err(|_| err(format!("bad float '{}'", k)))?.to_bits() as i64
                } else {
                    k.parse::<i64>().map_err(|_| err(format!("bad immediate '{}'", k)))?
                };
            } else if let Some(s) = w.strip_prefix('@') {
                ins.snap = SnapId(s.parse().map_err(|_| err(format!("bad snapshot '{}'", s)))?);
            } else {
                return Err(err(format!("unexpected '{}'", w)));
            }
        }
        if refs.len() > 3 {
            return Err(err("too many operands".into()));
        }
        let mut it = refs.into_iter();
        ins.a = it.next().unwrap_or(IrRef::NONE);
        ins.b = it.next().unwrap_or(IrRef::NONE);
        ins.c = it.next().unwrap_or(IrRef::NONE);
        t.ins.push(ins);
    }
    Ok(t)
}
