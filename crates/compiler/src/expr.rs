//! Expression compilation: literals, names, indexing, calls (including method calls,
//! spread and multiple results), function literals, table constructors, channel
//! expressions and operators.
//!
//! Left-nested operator chains (`a + b + c ...`, `a || b || c ...`) are compiled
//! iteratively along their left spine so that long chains do not deepen the Rust stack.

use crate::bytecode::{Instr, Op};
use crate::expdesc::{ExpDesc, EK};
use crate::funcstate::{CResult, FIELDS_PER_FLUSH};
use crate::scope::{err_at, Compiler};
use std::rc::Rc;
use syntax::ast::{self, Expr, ExprKind, TableField};

/// One step of a left spine: an operator and its right operand.
enum SpineOp<'a> {
    Bin(ast::BinOp, &'a Expr, u32),
    Logic(ast::LogicOp, &'a Expr),
}

impl Compiler {
    pub fn expr(&mut self, e: &Expr) -> CResult<ExpDesc> {
        self.fs().set_pos(e.span);
        let line = e.span.line;
        Ok(match &e.kind {
            ExprKind::Nil => ExpDesc::new(EK::Nil),
            ExprKind::True => ExpDesc::new(EK::True),
            ExprKind::False => ExpDesc::new(EK::False),
            ExprKind::Int(i) => ExpDesc::new(EK::Int(*i)),
            ExprKind::Float(f) => ExpDesc::new(EK::Float(*f)),
            ExprKind::Str(s) => ExpDesc::new(EK::Str(Rc::from(s.as_slice()))),
            ExprKind::Vararg => {
                let fs = self.fs();
                if !fs.proto.is_vararg {
                    return Err(err_at("cannot use '...' outside a vararg function", e.span));
                }
                ExpDesc::new(EK::Vararg(fs.emit_abc(Op::VARARG, 0, 0, 1)))
            }
            ExprKind::Name(n) => self.name_expr(n)?,
            ExprKind::Index { obj, key } => {
                let mut t = self.expr(obj)?;
                let treg = self.fs().exp2anyreg(&mut t)?;
                let mut k = self.expr(key)?;
                self.fs().exp2val(&mut k)?;
                self.fs().line = line;
                ExpDesc::new(self.fs().indexed(treg, &mut k)?)
            }
            ExprKind::Field { obj, name } => {
                let mut t = self.expr(obj)?;
                let treg = self.fs().exp2anyreg(&mut t)?;
                let mut k = ExpDesc::new(EK::Str(Rc::from(name.name.as_bytes())));
                self.fs().line = line;
                ExpDesc::new(self.fs().indexed(treg, &mut k)?)
            }
            ExprKind::Call { .. } | ExprKind::MethodCall { .. } => {
                let (base, b, open) = self.call_prefix_and_args(e)?;
                let fs = self.fs();
                fs.line = open;
                let pc = fs.emit_abc(Op::CALL, base, b, 2);
                fs.freereg = base + 1;
                ExpDesc::new(EK::Call(pc))
            }
            ExprKind::Func(lit) => self.func_lit(lit)?,
            ExprKind::Table(fields) => self.table(fields)?,
            ExprKind::MakeChan(cap) => match cap {
                Some(c) => {
                    let mut v = self.expr(c)?;
                    let fs = self.fs();
                    let r = fs.exp2anyreg(&mut v)?;
                    fs.free_exp(&v);
                    fs.line = line;
                    ExpDesc::new(EK::Reloc(fs.emit_abc(Op::MAKECHAN, 0, r, 1)))
                }
                None => ExpDesc::new(EK::Reloc(self.fs().emit_abc(Op::MAKECHAN, 0, 0, 0))),
            },
            ExprKind::Unary { op, operand } => {
                let mut v = self.expr(operand)?;
                self.fs().line = line;
                self.fs().prefix(*op, &mut v)?;
                v
            }
            ExprKind::Binary { .. } | ExprKind::Logical { .. } => self.operator_chain(e)?,
            ExprKind::Paren(inner) => {
                let mut v = self.expr(inner)?;
                self.fs().discharge_vars(&mut v);
                v
            }
        })
    }

    /// Compiles a left-nested chain of binary/logical operators iteratively.
    fn operator_chain(&mut self, e: &Expr) -> CResult<ExpDesc> {
        let mut spine = Vec::new();
        let mut cur = e;
        loop {
            match &cur.kind {
                ExprKind::Binary { op, lhs, rhs } => {
                    spine.push(SpineOp::Bin(*op, rhs, cur.span.line));
                    cur = lhs;
                }
                ExprKind::Logical { op, lhs, rhs } => {
                    spine.push(SpineOp::Logic(*op, rhs));
                    cur = lhs;
                }
                _ => break,
            }
        }
        let mut v = self.expr(cur)?;
        while let Some(step) = spine.pop() {
            match step {
                SpineOp::Bin(op, rhs, line) => {
                    self.fs().infix(op, &mut v)?;
                    let v2 = self.expr(rhs)?;
                    self.fs().posfix(op, &mut v, v2, line)?;
                }
                SpineOp::Logic(op, rhs) => {
                    self.fs().logical_infix(op, &mut v)?;
                    let v2 = self.expr(rhs)?;
                    self.fs().logical_posfix(op, &mut v, v2);
                }
            }
        }
        Ok(v)
    }

    /// Evaluates the callee (or `SELF` for a method call) into a fresh register `base` and
    /// the arguments above it. Returns (base, B operand, line of the `(`).
    pub fn call_prefix_and_args(&mut self, e: &Expr) -> CResult<(usize, usize, u32)> {
        match &e.kind {
            ExprKind::Call { func, args, spread, open } => {
                let mut f = self.expr(func)?;
                self.fs().exp2nextreg(&mut f)?;
                let base = f.reg();
                let b = self.call_args(base, args, *spread)?;
                Ok((base, b, open.line))
            }
            ExprKind::MethodCall { obj, name, args, spread, open } => {
                let mut o = self.expr(obj)?;
                let fs = self.fs();
                let oreg = fs.exp2anyreg(&mut o)?;
                fs.free_exp(&o);
                let base = fs.freereg;
                fs.reserve_regs(2)?;
                fs.line = open.line;
                let k = fs.str_k(name.name.as_bytes())? as usize;
                if k <= 255 {
                    fs.emit_abc(Op::SELF, base, oreg, k);
                } else {
                    fs.emit_abc(Op::MOVE, base + 1, oreg, 0);
                    fs.emit_abx(Op::LOADK, base, k as u32);
                    fs.emit_abc(Op::GETTABLE, base, base + 1, base);
                }
                let b = self.call_args(base, args, *spread)?;
                Ok((base, b, open.line))
            }
            _ => Err(err_at("syntax error: expression is not a statement", e.span)),
        }
    }

    /// Compiles call arguments into `base+1...`; returns the B operand (0: up to top).
    fn call_args(&mut self, base: usize, args: &[Expr], spread: bool) -> CResult<usize> {
        let n = args.len();
        let mut multret = false;
        for (i, a) in args.iter().enumerate() {
            let mut v = self.expr(a)?;
            if i + 1 == n {
                if spread {
                    let fs = self.fs();
                    fs.exp2nextreg(&mut v)?;
                    fs.set_pos(a.span);
                    fs.emit_abc(Op::SPREAD, v.reg(), 0, 0);
                    multret = true;
                } else if v.is_multret() {
                    self.fs().set_returns(&mut v, -1)?;
                    multret = true;
                } else {
                    self.fs().exp2nextreg(&mut v)?;
                }
            } else {
                self.fs().exp2nextreg(&mut v)?;
            }
        }
        Ok(if multret { 0 } else { self.fs().freereg - base })
    }

    /// Compiles an expression list into exactly `n` consecutive fresh registers
    /// (spec 6.13: the last expression expands, extra values are evaluated and dropped,
    /// missing ones are nil). A lone unparenthesised receive with `n == 2` yields
    /// (value, ok).
    pub fn explist_to_regs(&mut self, exprs: &[Expr], n: usize) -> CResult<()> {
        if n == 2 && exprs.len() == 1 {
            if let ExprKind::Unary { op: ast::UnOp::Recv, operand } = &exprs[0].kind {
                let mut c = self.expr(operand)?;
                let fs = self.fs();
                let r = fs.exp2anyreg(&mut c)?;
                fs.free_exp(&c);
                let base = fs.freereg;
                fs.reserve_regs(2)?;
                fs.set_pos(exprs[0].span);
                fs.emit_abc(Op::RECV, base, r, 1);
                return Ok(());
            }
        }
        if exprs.is_empty() {
            let fs = self.fs();
            fs.check_stack(n)?;
            let base = fs.freereg;
            fs.load_nil(base, n);
            return fs.reserve_regs(n);
        }
        let nexps = exprs.len();
        for (i, x) in exprs.iter().enumerate() {
            let mut v = self.expr(x)?;
            if i + 1 < nexps {
                self.fs().exp2nextreg(&mut v)?;
                continue;
            }
            // Last expression: adjust (Lua's adjust_assign).
            let fs = self.fs();
            let needed = n as i64 - nexps as i64;
            if needed > 0 {
                // Check before emitting: register operands are 8 bits.
                fs.check_stack(needed as usize + 1)?;
            }
            if v.is_multret() {
                let extra = (needed + 1).max(0);
                fs.set_returns(&mut v, extra as i32)?;
            } else {
                fs.exp2nextreg(&mut v)?;
                if needed > 0 {
                    let r = fs.freereg;
                    fs.load_nil(r, needed as usize);
                }
            }
            if needed > 0 {
                fs.reserve_regs(needed as usize)?;
            } else {
                fs.freereg = (fs.freereg as i64 + needed) as usize;
            }
        }
        Ok(())
    }

    /// Table constructor (spec 6.11): fields evaluated and stored in source order;
    /// positional items are batched with SETLIST and flushed before any `[k]: v` field.
    fn table(&mut self, fields: &[TableField]) -> CResult<ExpDesc> {
        let fs = self.fs();
        let treg = fs.freereg;
        fs.reserve_regs(1)?;
        let pc = fs.emit_abc(Op::NEWTABLE, treg, 0, 0);
        let mut pending = 0usize;
        let mut stored = 0usize;
        let (mut narray, mut nhash) = (0usize, 0usize);
        let nfields = fields.len();
        for (idx, field) in fields.iter().enumerate() {
            match field {
                TableField::Positional(x) => {
                    let mut v = self.expr(x)?;
                    narray += 1;
                    if idx + 1 == nfields && v.is_multret() {
                        let fs = self.fs();
                        fs.set_returns(&mut v, -1)?;
                        fs.set_pos(x.span);
                        Self::flush_setlist(fs, treg, 0, stored)?;
                        pending = 0;
                        // The trailing call still counts once in the size hint: it
                        // usually yields at least one value, and SETLIST then fits.
                    } else {
                        self.fs().exp2nextreg(&mut v)?;
                        pending += 1;
                        if pending == FIELDS_PER_FLUSH {
                            Self::flush_setlist(self.fs(), treg, pending, stored)?;
                            stored += pending;
                            pending = 0;
                        }
                    }
                }
                TableField::Named { key, key_span, value } => {
                    nhash += 1;
                    let mut v = self.expr(value)?;
                    let fs = self.fs();
                    let r = fs.exp2anyreg(&mut v)?;
                    fs.set_pos(*key_span);
                    let k = fs.str_k(key)? as usize;
                    if k <= 255 {
                        fs.emit_abc(Op::SETFIELD, treg, k, r);
                    } else {
                        let kr = fs.freereg;
                        fs.reserve_regs(1)?;
                        fs.emit_abx(Op::LOADK, kr, k as u32);
                        fs.emit_abc(Op::SETTABLE, treg, kr, r);
                    }
                    fs.freereg = treg + 1 + pending;
                }
                TableField::Keyed { key, value } => {
                    nhash += 1;
                    if pending > 0 {
                        Self::flush_setlist(self.fs(), treg, pending, stored)?;
                        stored += pending;
                        pending = 0;
                    }
                    let mut k = self.expr(key)?;
                    self.fs().exp2val(&mut k)?;
                    let target = ExpDesc::new(self.fs().indexed(treg, &mut k)?);
                    let mut v = self.expr(value)?;
                    let fs = self.fs();
                    fs.set_pos(key.span);
                    fs.store_var(&target, &mut v)?;
                    fs.freereg = treg + 1;
                }
            }
        }
        let fs = self.fs();
        if pending > 0 {
            Self::flush_setlist(fs, treg, pending, stored)?;
        }
        fs.set_instr(pc, Instr::abc(Op::NEWTABLE, treg as u8, narray.min(255) as u8, nhash.min(255) as u8));
        fs.freereg = treg + 1;
        Ok(ExpDesc::new(EK::NonReloc(treg)))
    }

    fn flush_setlist(fs: &mut crate::funcstate::FuncState, treg: usize, n: usize, stored: usize) -> CResult<()> {
        if stored < 255 {
            fs.emit_abc(Op::SETLIST, treg, n, stored);
        } else {
            fs.emit_abc(Op::SETLIST, treg, n, 255);
            if stored > crate::bytecode::MAX_AX as usize {
                return Err(fs.error("table constructor too long"));
            }
            fs.emit(Instr::ax(Op::EXTRAARG, stored as u32));
        }
        fs.freereg = treg + 1;
        Ok(())
    }
}
