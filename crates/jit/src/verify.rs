//! The IR verifier: structural and type checks, run after every pass in debug builds
//! (and always by the optimiser tests).

use crate::ir::*;

fn want(cond: bool, i: usize, msg: &str) -> Result<(), String> {
    if cond {
        Ok(())
    } else {
        Err(format!("%{}: {}", i, msg))
    }
}

/// Checks the trace; returns a description of the first problem.
pub fn verify(t: &Trace) -> Result<(), String> {
    let n = t.ins.len();
    want(n > 0, 0, "empty trace")?;
    for (i, ins) in t.ins.iter().enumerate() {
        for r in ins.operands() {
            want(r.idx() < i, i, "operand does not precede its use")?;
        }
        let ty = |r: IrRef| t.ins[r.idx()].ty;
        want(ins.op.is_guard() == !ins.snap.is_none(), i, "guards (and only guards) have a snapshot")?;
        if !ins.snap.is_none() {
            let snap = t.snaps.get(ins.snap.idx()).ok_or_else(|| format!("%{}: missing snapshot", i))?;
            for (_, r) in &snap.entries {
                want(r.idx() < i, i, "snapshot refers to a later value")?;
                want(ty(*r) != Ty::None, i, "snapshot refers to a value-less instruction")?;
            }
        }
        let nops = ins.operands().count();
        let (ok_ty, ok_ops) = match ins.op {
            Opc::K => (ins.ty != Ty::None, nops == 0),
            Opc::SLoad => (ins.ty != Ty::None, nops == 0),
            Opc::AddI | Opc::SubI | Opc::MulI | Opc::ModI | Opc::BAndI | Opc::BOrI | Opc::BXorI | Opc::ShlI | Opc::ShrI => (ins.ty == Ty::Int, nops == 2 && ty(ins.a) == Ty::Int && ty(ins.b) == Ty::Int),
            Opc::NegI | Opc::AbsI => (ins.ty == Ty::Int, nops == 1 && ty(ins.a) == Ty::Int),
            Opc::FloorNI => (ins.ty == Ty::Int, nops == 1 && ty(ins.a) == Ty::Num),
            Opc::AddN | Opc::SubN | Opc::MulN | Opc::DivN => (ins.ty == Ty::Num, nops == 2 && ty(ins.a) == Ty::Num && ty(ins.b) == Ty::Num),
            Opc::NegN | Opc::SqrtN | Opc::AbsN => (ins.ty == Ty::Num, nops == 1 && ty(ins.a) == Ty::Num),
            Opc::ConvIN => (ins.ty == Ty::Num, nops == 1 && ty(ins.a) == Ty::Int),
            Opc::GuardI => (ins.ty == Ty::None, nops == 2 && ty(ins.a) == Ty::Int && ty(ins.b) == Ty::Int),
            Opc::GuardN => (ins.ty == Ty::None, nops == 2 && ty(ins.a) == Ty::Num && ty(ins.b) == Ty::Num),
            Opc::GuardV => (ins.ty == Ty::None, nops == 2 && ty(ins.a) == Ty::Val && ty(ins.b) == Ty::Val),
            Opc::GuardT => (ins.ty == Ty::None, nops == 1 && ty(ins.a) == Ty::Val),
            Opc::Unbox => (matches!(ins.ty, Ty::Int | Ty::Num | Ty::Tab), nops == 1 && ty(ins.a) == Ty::Val),
            Opc::Box => (ins.ty == Ty::Val, nops == 1 && matches!(ty(ins.a), Ty::Int | Ty::Num)),
            Opc::NewTab => (ins.ty == Ty::Tab, nops == 0),
            Opc::GuardNoMeta => (ins.ty == Ty::None, nops == 1 && ty(ins.a) == Ty::Tab),
            Opc::GuardProto => (ins.ty == Ty::None, nops == 1 && ty(ins.a) == Ty::Val && ins.k != 0),
            Opc::ALoad => (ins.ty == Ty::Val, nops == 2 && ty(ins.a) == Ty::Tab && ty(ins.b) == Ty::Int),
            Opc::ABase | Opc::ASize => (ins.ty == Ty::Int, nops == 1 && ty(ins.a) == Ty::Tab),
            Opc::ALoadB => (ins.ty == Ty::Val, nops == 3 && ty(ins.a) == Ty::Int && ty(ins.b) == Ty::Int && ty(ins.c) == Ty::Int && t.ins[ins.a.idx()].op == Opc::ABase),
            Opc::AStore | Opc::APush => (ins.ty == Ty::None, nops == 3 && ty(ins.a) == Ty::Tab && ty(ins.b) == Ty::Int && matches!(ty(ins.c), Ty::Val | Ty::Tab)),
            Opc::HLoad => (ins.ty == Ty::Val, nops == 2 && ty(ins.a) == Ty::Tab && ty(ins.b) == Ty::Val && ins.k >= 0),
            Opc::HStore => (ins.ty == Ty::None, nops == 3 && ty(ins.a) == Ty::Tab && ty(ins.b) == Ty::Val && matches!(ty(ins.c), Ty::Val | Ty::Tab) && ins.k >= 0),
            Opc::ALen => (ins.ty == Ty::Int, nops == 1 && ty(ins.a) == Ty::Tab),
            Opc::CurFn => (ins.ty == Ty::Val, nops == 0),
            Opc::CArg => (ins.ty == Ty::None, nops == 1 && matches!(ty(ins.a), Ty::Val | Ty::Tab) && (0..crate::callout::MAX_ARGS as i64).contains(&ins.k)),
            Opc::CallN => (ins.ty == Ty::Val, nops == 0 && ins.k != 0),
            Opc::GuardMeta => (ins.ty == Ty::None, nops == 1 && ty(ins.a) == Ty::Tab && ins.k != 0),
            Opc::CRes => (ins.ty == Ty::Val, nops == 0 && (1..=crate::callout::MAX_EXTRA_RESULTS as i64).contains(&ins.k) && i > 0 && matches!(t.ins[i - 1].op, Opc::CallN | Opc::CRes)),
            Opc::TGet => (ins.ty == Ty::Val, nops == 2 && ty(ins.a) == Ty::Tab && ty(ins.b) == Ty::Val),
            Opc::TSet => (ins.ty == Ty::None, nops == 3 && ty(ins.a) == Ty::Tab && ty(ins.b) == Ty::Val && matches!(ty(ins.c), Ty::Val | Ty::Tab)),
            Opc::UvRef => (ins.ty == Ty::Int, nops == 1 && ty(ins.a) == Ty::Val && ins.k >= 0),
            Opc::UvLoad => (ins.ty == Ty::Val, nops == 1 && t.ins[ins.a.idx()].op == Opc::UvRef),
            Opc::UvStore => (ins.ty == Ty::None, nops == 2 && t.ins[ins.a.idx()].op == Opc::UvRef && matches!(ty(ins.b), Ty::Val | Ty::Tab)),
            Opc::TNext => (ins.ty == Ty::Int, nops == 2 && ty(ins.a) == Ty::Tab && ty(ins.b) == Ty::Int && (0..=1).contains(&ins.k)),
            Opc::TLen => (ins.ty == Ty::Int, nops == 1 && ty(ins.a) == Ty::Tab),
            Opc::TPosAfter => (ins.ty == Ty::Int, nops == 2 && ty(ins.a) == Ty::Tab && matches!(ty(ins.b), Ty::Val | Ty::Tab)),
            Opc::TNextK | Opc::TNextV => (ins.ty == Ty::Val, nops == 2 && ty(ins.a) == Ty::Tab && ty(ins.b) == Ty::Int),
            Opc::GuardType => (ins.ty == Ty::None, nops == 1 && ty(ins.a) == Ty::Val && (0..=5).contains(&ins.k)),
            Opc::StrLen => (ins.ty == Ty::Int, nops == 1 && ty(ins.a) == Ty::Val),
            Opc::StrByte => (ins.ty == Ty::Int, nops == 2 && ty(ins.a) == Ty::Val && ty(ins.b) == Ty::Int),
            Opc::Loop | Opc::Head | Opc::Exit => (ins.ty == Ty::None, nops == 0),
        };
        want(ok_ty, i, "bad result type")?;
        want(ok_ops, i, "bad operands")?;
        if matches!(ins.op, Opc::GuardI | Opc::GuardN) {
            want((0..10).contains(&ins.k), i, "bad condition")?;
        }
        if matches!(ins.op, Opc::Loop | Opc::Exit) {
            want(i == n - 1, i, "loop must be last")?;
        }
    }
    want(matches!(t.ins[n - 1].op, Opc::Loop | Opc::Exit), n - 1, "trace must end with loop or exit")?;
    let heads = t.ins.iter().filter(|i| i.op == Opc::Head).count();
    want(heads <= 1, n - 1, "more than one head")?;
    let head = t.head();
    want(t.phis.is_empty() || head.is_some(), n - 1, "phis without a head")?;
    for &(entry, next) in &t.phis {
        want(entry.idx() < n && next.idx() < n, n - 1, "phi refers to a missing value")?;
        let e = &t.ins[entry.idx()];
        want(e.op == Opc::SLoad && head.is_some_and(|h| entry.idx() < h), n - 1, "phi entry must be a pre-header sload")?;
        want(e.ty == t.ins[next.idx()].ty, n - 1, "phi operand types differ")?;
        want(t.phis.iter().filter(|p| p.0 == entry).count() == 1, n - 1, "two phis for one entry")?;
    }
    if let Some(h) = head {
        // The pre-header's values cannot depend on the body.
        for (i, ins) in t.ins.iter().enumerate().take(h) {
            want(ins.op != Opc::Loop, i, "loop in the pre-header")?;
        }
    }
    Ok(())
}
