//! Simple statements: expression statements, send, assignments (plain, multiple,
//! compound, `++`/`--`), declarations (`:=`, `var`, `const`, `func`), `return`,
//! `break`/`continue`, `go`, `defer` and blocks. Control-flow statements are in
//! `control.rs`.
//!
//! Invariant: every statement starts and ends with `freereg == nvarstack()` (the caller
//! resets it after each statement).

use crate::bytecode::Op;
use crate::expdesc::{ExpDesc, EK};
use crate::funcstate::{BreakKind, CResult};
use crate::scope::{err_at, Compiler};
use syntax::ast::{self, Expr, ExprKind, Name, Stmt, StmtKind};

impl Compiler {
    /// Compiles one statement; `top` is true for statements directly in the chunk.
    pub fn stmt(&mut self, s: &Stmt, top: bool) -> CResult<()> {
        self.fs().set_pos(s.span);
        match &s.kind {
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { chan, value } => {
                let mut c = self.expr(chan)?;
                let rc = self.fs().exp2anyreg(&mut c)?;
                let mut v = self.expr(value)?;
                let fs = self.fs();
                let rv = fs.exp2anyreg(&mut v)?;
                fs.set_pos(s.span);
                fs.emit_abc(Op::SEND, rc, rv, 0);
                Ok(())
            }
            StmtKind::IncDec { target, inc } => {
                let op = if *inc { ast::BinOp::Add } else { ast::BinOp::Sub };
                self.compound_assign(target, op, None, s)
            }
            StmtKind::Assign { targets, values } => self.assign(targets, values, s),
            StmtKind::CompoundAssign { target, op, value } => self.compound_assign(target, *op, Some(value), s),
            StmtKind::ShortVarDecl { names, values } | StmtKind::VarDecl { names, values } => {
                self.declare(names, values, false, top)
            }
            StmtKind::ConstDecl { names, values } => self.declare(names, values, true, top),
            StmtKind::FuncDecl { name, func } => self.func_decl(name, func, top),
            StmtKind::If(i) => self.if_stmt(i),
            StmtKind::Switch(sw) => self.switch_stmt(sw),
            StmtKind::Select(sel) => self.select_stmt(sel),
            StmtKind::For(f) => self.for_stmt(f),
            StmtKind::Return(values) => self.return_stmt(values, s),
            StmtKind::Break(label) => self.break_stmt(label.as_ref(), s),
            StmtKind::Continue(label) => self.continue_stmt(label.as_ref(), s),
            StmtKind::Fallthrough => Err(err_at("fallthrough statement out of place", s.span)),
            StmtKind::Go(e) => self.go_defer(e, Op::GO, s),
            StmtKind::Defer(e) => {
                self.fs().proto.has_defer = true;
                self.go_defer(e, Op::DEFER, s)
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::Empty => Ok(()),
        }
    }

    /// Compiles statements in the current scope.
    pub fn stmts(&mut self, stmts: &[Stmt]) -> CResult<()> {
        for s in stmts {
            self.stmt(s, false)?;
            let fs = self.fs();
            fs.freereg = fs.nvarstack();
        }
        Ok(())
    }

    pub fn block(&mut self, b: &ast::Block) -> CResult<()> {
        self.fs().enter_block(false);
        self.stmts(&b.stmts)?;
        self.fs().set_pos(b.close);
        self.fs().leave_block();
        Ok(())
    }

    fn expr_stmt(&mut self, e: &Expr) -> CResult<()> {
        let mut v = self.expr(e)?;
        let fs = self.fs();
        if let EK::Call(pc) = v.k {
            let i = fs.instr(pc).with_c(1);
            fs.set_instr(pc, i);
        } else {
            fs.exp2nextreg(&mut v)?;
        }
        Ok(())
    }

    /// Compiles an assignment target (prefix and key into registers); `None` for `_`.
    pub fn target(&mut self, t: &Expr) -> CResult<Option<ExpDesc>> {
        match &t.kind {
            ExprKind::Name(n) => self.name_target(n),
            ExprKind::Index { .. } | ExprKind::Field { .. } => {
                let v = self.expr(t)?;
                Ok(Some(v))
            }
            _ => Err(err_at("syntax error: cannot assign to this expression", t.span)),
        }
    }

    fn assign(&mut self, targets: &[Expr], values: &[Expr], s: &Stmt) -> CResult<()> {
        if targets.len() == 1 && values.len() == 1 {
            let var = self.target(&targets[0])?;
            let mut v = self.expr(&values[0])?;
            let fs = self.fs();
            fs.set_oneret(&mut v);
            fs.set_pos(s.span);
            match var {
                Some(var) => fs.store_var(&var, &mut v)?,
                None => fs.exp2nextreg(&mut v)?,
            }
            return Ok(());
        }
        // Phase 1: prefixes and keys of all targets, then the values.
        let mut vars = Vec::with_capacity(targets.len());
        for t in targets {
            vars.push(self.target(t)?);
        }
        self.protect_target_operands(&mut vars)?;
        let base = self.fs().freereg;
        self.explist_to_regs(values, targets.len())?;
        // Phase 2: stores left to right.
        let fs = self.fs();
        fs.set_pos(s.span);
        for (i, var) in vars.iter().enumerate() {
            if let Some(var) = var {
                fs.store_from_reg(var, base + i)?;
            }
        }
        Ok(())
    }

    /// In `i, t[i] = ...` the store to local `i` happens before the store to `t[i]`,
    /// which must still use the old `i`: copy such operands to fresh registers.
    fn protect_target_operands(&mut self, vars: &mut [Option<ExpDesc>]) -> CResult<()> {
        let local_targets: Vec<usize> = vars
            .iter()
            .filter_map(|v| match v.as_ref().map(|v| &v.k) {
                Some(EK::Local(r)) => Some(*r),
                _ => None,
            })
            .collect();
        if local_targets.is_empty() {
            return Ok(());
        }
        let fs = self.fs();
        let copy = |fs: &mut crate::funcstate::FuncState, r: usize| -> CResult<usize> {
            if local_targets.contains(&r) {
                let n = fs.freereg;
                fs.reserve_regs(1)?;
                fs.emit_abc(Op::MOVE, n, r, 0);
                Ok(n)
            } else {
                Ok(r)
            }
        };
        for v in vars.iter_mut().flatten() {
            v.k = match v.k {
                EK::Indexed { t, key } => {
                    let t = copy(fs, t)?;
                    let key = copy(fs, key)?;
                    EK::Indexed { t, key }
                }
                EK::IndexStr { t, k } => EK::IndexStr { t: copy(fs, t)?, k },
                EK::IndexInt { t, i } => EK::IndexInt { t: copy(fs, t)?, i },
                ref other => other.clone(),
            };
        }
        Ok(())
    }

    /// `target op= value` (value `None`: the `1` of `++`/`--`).
    fn compound_assign(&mut self, target: &Expr, op: ast::BinOp, value: Option<&Expr>, s: &Stmt) -> CResult<()> {
        if let ExprKind::Name(n) = &target.kind {
            if n.is_blank() {
                return Err(err_at("cannot use _ as value", n.span));
            }
        }
        let var = match self.target(target)? {
            Some(v) => v,
            None => return Err(err_at("cannot use _ as value", target.span)),
        };
        let mut lhs = self.fs().read_var_keep(&var);
        self.fs().infix(op, &mut lhs)?;
        let rhs = match value {
            Some(v) => self.expr(v)?,
            None => ExpDesc::new(EK::Int(1)),
        };
        let fs = self.fs();
        fs.posfix(op, &mut lhs, rhs, s.span.line)?;
        fs.set_pos(s.span);
        fs.store_var(&var, &mut lhs)
    }

    /// `:=`, `var`, `const` (spec 5.3/5.4).
    fn declare(&mut self, names: &[Name], values: &[Expr], is_const: bool, top: bool) -> CResult<()> {
        if top {
            for n in names {
                if !n.is_blank() {
                    self.check_top_decl(n)?;
                }
            }
            let base = self.fs().freereg;
            self.explist_to_regs(values, names.len())?;
            for (i, n) in names.iter().enumerate() {
                if n.is_blank() {
                    continue;
                }
                let k = self.global_k(&n.name)?;
                let fs = self.fs();
                fs.set_pos(n.span);
                fs.emit_abx(Op::SETGLOBAL, base + i, k);
            }
            return Ok(());
        }
        self.explist_to_regs(values, names.len())?;
        // Trailing blanks need no register; earlier ones become hidden locals.
        let keep = names.iter().rposition(|n| !n.is_blank()).map_or(0, |p| p + 1);
        for n in &names[..keep] {
            let fs = self.fs();
            fs.set_pos(n.span);
            fs.activate_local(&n.name, is_const, n.is_blank())?;
        }
        let fs = self.fs();
        fs.freereg = fs.nvarstack();
        Ok(())
    }

    fn func_decl(&mut self, name: &Name, func: &ast::FuncLit, top: bool) -> CResult<()> {
        if top || name.is_blank() {
            if top && !name.is_blank() {
                self.check_top_decl(name)?;
            }
            let mut f = self.func_lit(func)?;
            if name.is_blank() {
                return self.fs().exp2nextreg(&mut f);
            }
            let k = self.global_k(&name.name)?;
            let fs = self.fs();
            let r = fs.exp2anyreg(&mut f)?;
            fs.set_pos(name.span);
            fs.emit_abx(Op::SETGLOBAL, r, k);
            return Ok(());
        }
        // Local function: the variable is visible inside its own body.
        let fs = self.fs();
        fs.set_pos(name.span);
        let reg = fs.freereg;
        fs.reserve_regs(1)?;
        fs.activate_local(&name.name, false, false)?;
        let mut f = self.func_lit(func)?;
        self.fs().exp2reg(&mut f, reg)
    }

    fn return_stmt(&mut self, values: &[Expr], s: &Stmt) -> CResult<()> {
        if values.is_empty() {
            let fs = self.fs();
            fs.set_pos(s.span);
            fs.emit_abc(Op::RETURN0, 0, 0, 0);
            return Ok(());
        }
        if values.len() == 1 {
            let mut v = self.expr(&values[0])?;
            let fs = self.fs();
            if let EK::Call(pc) = v.k {
                if matches!(values[0].kind, ExprKind::Call { .. } | ExprKind::MethodCall { .. }) {
                    let i = fs.instr(pc);
                    fs.set_instr(pc, crate::Instr::abc(Op::TAILCALL, i.a() as u8, i.b() as u8, 0));
                    return Ok(());
                }
            }
            if v.is_multret() {
                fs.set_returns(&mut v, -1)?;
                let base = match v.k {
                    EK::Vararg(pc) | EK::Call(pc) => fs.instr(pc).a(),
                    _ => fs.nvarstack(),
                };
                fs.set_pos(s.span);
                fs.emit_abc(Op::RETURN, base, 0, 0);
                return Ok(());
            }
            let r = fs.exp2anyreg(&mut v)?;
            fs.set_pos(s.span);
            fs.emit_abc(Op::RETURN1, r, 0, 0);
            return Ok(());
        }
        let base = self.fs().freereg;
        let n = values.len();
        let mut multret = false;
        for (i, x) in values.iter().enumerate() {
            let mut v = self.expr(x)?;
            let fs = self.fs();
            if i + 1 == n && v.is_multret() {
                fs.set_returns(&mut v, -1)?;
                multret = true;
            } else {
                fs.exp2nextreg(&mut v)?;
            }
        }
        let fs = self.fs();
        fs.set_pos(s.span);
        fs.emit_abc(Op::RETURN, base, if multret { 0 } else { n + 1 }, 0);
        Ok(())
    }

    fn break_stmt(&mut self, label: Option<&Name>, s: &Stmt) -> CResult<()> {
        let fs = self.fs();
        let idx = match label {
            Some(l) => match fs.breakables.iter().rposition(|b| b.label.as_deref() == Some(l.name.as_str())) {
                Some(i) => i,
                None => return Err(err_at(format!("invalid break label {}", l.name), l.span)),
            },
            None => match fs.breakables.len().checked_sub(1) {
                Some(i) => i,
                None => return Err(err_at("break is not in a loop, switch, or select", s.span)),
            },
        };
        let j = fs.jump() as usize;
        fs.breakables[idx].breaks.push(j);
        Ok(())
    }

    fn continue_stmt(&mut self, label: Option<&Name>, s: &Stmt) -> CResult<()> {
        let fs = self.fs();
        let idx = match label {
            Some(l) => match fs
                .breakables
                .iter()
                .rposition(|b| b.label.as_deref() == Some(l.name.as_str()) && b.kind == BreakKind::Loop)
            {
                Some(i) => i,
                None => return Err(err_at(format!("invalid continue label {}", l.name), l.span)),
            },
            None => match fs.breakables.iter().rposition(|b| b.kind == BreakKind::Loop) {
                Some(i) => i,
                None => return Err(err_at("continue is not in a loop", s.span)),
            },
        };
        let j = fs.jump() as usize;
        fs.breakables[idx].continues.push(j);
        Ok(())
    }

    fn go_defer(&mut self, e: &Expr, op: Op, s: &Stmt) -> CResult<()> {
        if !matches!(e.kind, ExprKind::Call { .. } | ExprKind::MethodCall { .. }) {
            let what = if op == Op::GO { "go" } else { "defer" };
            return Err(err_at(format!("expression in {} must be function call", what), s.span));
        }
        let (base, b, open) = self.call_prefix_and_args(e)?;
        let fs = self.fs();
        fs.line = open;
        fs.emit_abc(op, base, b, 0);
        fs.freereg = base;
        Ok(())
    }
}
