//! Constant folding, algebraic simplification and common-subexpression elimination.
//!
//! Used while recording (every instruction goes through [`Folder::emit`]) and as a
//! stand-alone pass over a finished trace ([`fold_pass`], for tests and `-jdump`). Only
//! pure instructions are folded or shared, plus the idempotent guards `Unbox` and
//! `GuardNoMeta` (a repeat is proven by the first); guards with constant operands whose
//! outcome is known to hold are dropped.

use crate::ir::*;
use std::collections::HashMap;

/// The folding state of one trace under construction.
#[derive(Default)]
pub struct Folder {
    pub enabled: bool,
    cse: HashMap<(Opc, Ty, IrRef, IrRef, i64), IrRef>,
}

impl Folder {
    pub fn new(enabled: bool) -> Folder {
        Folder { enabled, cse: HashMap::new() }
    }

    fn konst(&mut self, t: &mut Trace, ty: Ty, k: i64) -> IrRef {
        let mut ins = Ins::new(Opc::K, ty, IrRef::NONE, IrRef::NONE);
        ins.k = k;
        self.emit(t, ins)
    }

    /// Appends `ins` (or an equivalent existing/folded value) and returns its ref.
    /// Returns `IrRef::NONE` for a guard that was proven to hold.
    pub fn emit(&mut self, t: &mut Trace, ins: Ins) -> IrRef {
        if !self.enabled {
            return t.push(ins);
        }
        let ki = |r: IrRef| if r.is_none() { None } else { t.konst(r).filter(|_| t.ty(r) == Ty::Int) };
        let kn = |r: IrRef| if r.is_none() { None } else { t.konst(r).filter(|_| t.ty(r) == Ty::Num).map(|b| f64::from_bits(b as u64)) };
        let (ka, kb) = (ki(ins.a), ki(ins.b));
        let (na, nb) = (kn(ins.a), kn(ins.b));
        match ins.op {
            Opc::AddI | Opc::SubI | Opc::MulI => {
                if let (Some(x), Some(y)) = (ka, kb) {
                    let v = match ins.op {
                        Opc::AddI => x.wrapping_add(y),
                        Opc::SubI => x.wrapping_sub(y),
                        _ => x.wrapping_mul(y),
                    };
                    return self.konst(t, Ty::Int, v);
                }
                if matches!(ins.op, Opc::AddI | Opc::SubI) && kb == Some(0) {
                    return ins.a;
                }
                if ins.op == Opc::AddI && ka == Some(0) {
                    return ins.b;
                }
                if ins.op == Opc::MulI && kb == Some(1) {
                    return ins.a;
                }
            }
            Opc::NegI => {
                if let Some(x) = ka {
                    return self.konst(t, Ty::Int, x.wrapping_neg());
                }
            }
            Opc::AddN | Opc::SubN | Opc::MulN | Opc::DivN => {
                if let (Some(x), Some(y)) = (na, nb) {
                    let v = match ins.op {
                        Opc::AddN => x + y,
                        Opc::SubN => x - y,
                        Opc::MulN => x * y,
                        _ => x / y,
                    };
                    // Keep NaN results in the trace (their bits are the hardware's).
                    if !v.is_nan() {
                        return self.konst(t, Ty::Num, v.to_bits() as i64);
                    }
                }
            }
            Opc::NegN => {
                if let Some(x) = na {
                    if !x.is_nan() {
                        return self.konst(t, Ty::Num, (-x).to_bits() as i64);
                    }
                }
            }
            Opc::ConvIN => {
                if let Some(x) = ka {
                    return self.konst(t, Ty::Num, (x as f64).to_bits() as i64);
                }
            }
            Opc::GuardI => {
                if let (Some(x), Some(y)) = (ka, kb) {
                    if ins.cond().eval_int(x, y) {
                        return IrRef::NONE;
                    }
                }
            }
            Opc::GuardN => {
                if let (Some(x), Some(y)) = (na, nb) {
                    if ins.cond().eval_num(x, y) {
                        return IrRef::NONE;
                    }
                }
            }
            Opc::GuardT => {
                if let Some(bits) = t.konst(ins.a) {
                    let truthy = bits as u64 != vm::Value::NIL.0 && bits as u64 != vm::Value::FALSE.0;
                    if truthy == (ins.k != 0) {
                        return IrRef::NONE;
                    }
                }
            }
            Opc::GuardV => {
                if let (Some(x), Some(y)) = (t.konst(ins.a), t.konst(ins.b)) {
                    if (x == y) == (ins.k != 0) {
                        return IrRef::NONE;
                    }
                }
            }
            Opc::Box => {
                if let Some(x) = ka {
                    if vm::value::fits_inline(x) {
                        return self.konst(t, Ty::Val, vm::Value::inline_int(x).0 as i64);
                    }
                }
                if let Some(x) = na {
                    return self.konst(t, Ty::Val, vm::Value::float(x).0 as i64);
                }
            }
            _ => {}
        }
        // Idempotent guards: unboxing the same SSA value as the same type gives the same
        // result, and a table's metatable cannot change inside a trace (no instruction
        // of the IR sets one), so a repeated check is proven by the first.
        // The same holds for a value's type, an upvalue's cell (no trace instruction closes
        // an upvalue) and a byte of an immutable string.
        if matches!(ins.op, Opc::Unbox | Opc::GuardNoMeta | Opc::GuardProto | Opc::GuardType | Opc::UvRef | Opc::StrByte | Opc::GuardMeta) {
            let key = (ins.op, ins.ty, ins.a, ins.b, ins.k);
            if let Some(&r) = self.cse.get(&key) {
                return r;
            }
            let r = t.push(ins);
            self.cse.insert(key, if ins.ty != Ty::None { r } else { IrRef::NONE });
            return r;
        }
        if ins.op.is_pure() {
            let key = (ins.op, ins.ty, ins.a, ins.b, ins.k);
            if let Some(&r) = self.cse.get(&key) {
                return r;
            }
            let r = t.push(ins);
            self.cse.insert(key, r);
            return r;
        }
        t.push(ins)
    }
}

/// Re-emits every instruction of `t` through a [`Folder`] (a stand-alone fold/CSE pass).
pub fn fold_pass(t: &Trace) -> Trace {
    let mut out = Trace { ins: Vec::new(), snaps: t.snaps.clone(), phis: Vec::new() };
    let mut f = Folder::new(true);
    let mut map: Vec<IrRef> = Vec::with_capacity(t.ins.len());
    let m = |map: &Vec<IrRef>, r: IrRef| if r.is_none() { r } else { map[r.idx()] };
    for ins in &t.ins {
        let mut n = *ins;
        n.a = m(&map, ins.a);
        n.b = m(&map, ins.b);
        n.c = m(&map, ins.c);
        let r = f.emit(&mut out, n);
        map.push(r);
    }
    out.phis = t.phis.iter().map(|&(e, x)| (m(&map, e), m(&map, x))).collect();
    for s in &mut out.snaps {
        for e in &mut s.entries {
            e.1 = m(&map, e.1);
        }
    }
    out
}
