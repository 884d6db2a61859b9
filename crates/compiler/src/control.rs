//! Control-flow statements: `if`, the four `for` forms, `switch` and `select`, with
//! their scopes, labels, `break`/`continue` targets and upvalue closing.
//!
//! Closing rules (spec 5.5, 7.7, 7.8): a loop body block never closes by itself; instead
//! the loop emits `CLOSE base` at its continue point (end of every iteration, before the
//! post statement) if any local at or above the loop's base register was captured, which
//! makes loop variables and body locals fresh per iteration. `break`s jump to the exit,
//! where the same condition emits one `CLOSE base` (shared with the normal exit path).

use crate::bytecode::{Instr, Op, OFFSET_SBX, OFFSET_SC};
use crate::expdesc::{ExpDesc, EK};
use crate::funcstate::{BreakKind, Breakable, CResult, FuncState, NO_JUMP};
use crate::proto::Constant;
use crate::scope::{err_at, Compiler};
use syntax::ast::{self, CommCase, Else, Expr, ExprKind, ForKind, Name, RecvTargets, Stmt, StmtKind, TableField};

impl Compiler {
    fn define_label(&mut self, label: &Option<Name>) -> CResult<Option<String>> {
        match label {
            None => Ok(None),
            Some(l) => {
                let fs = self.fs();
                if !fs.labels.insert(l.name.clone()) {
                    return Err(err_at(format!("label {} already defined", l.name), l.span));
                }
                Ok(Some(l.name.clone()))
            }
        }
    }

    fn push_breakable(&mut self, label: Option<String>, kind: BreakKind, base: usize) {
        self.fs().breakables.push(Breakable {
            label,
            kind,
            base,
            breaks: Vec::new(),
            continues: Vec::new(),
            captured_inside: false,
        });
    }

    /// The continue point of the innermost loop: patches `continue`s here and closes
    /// the per-iteration variables (registers >= `level`) if needed.
    fn continue_point(&mut self, level: usize, force_close: bool) {
        let fs = self.fs();
        let here = fs.get_label();
        let Some(b) = fs.breakables.last_mut() else { return };
        let conts = std::mem::take(&mut b.continues);
        let close = b.captured_inside || force_close;
        for j in conts {
            fs.fix_jump(j, here);
        }
        if close {
            fs.emit_abc(Op::CLOSE, level, 0, 0);
        }
    }

    /// Ends the innermost breakable construct at the current pc (its exit).
    fn end_breakable(&mut self, always_close: bool) {
        let fs = self.fs();
        let Some(b) = fs.breakables.pop() else { return };
        let here = fs.get_label();
        for &j in &b.breaks {
            fs.fix_jump(j, here);
        }
        if b.captured_inside && (always_close || !b.breaks.is_empty()) {
            fs.emit_abc(Op::CLOSE, b.base, 0, 0);
        }
        // Captures inside also concern enclosing constructs (their base is lower).
        if b.captured_inside {
            for outer in fs.breakables.iter_mut() {
                if outer.base <= b.base {
                    outer.captured_inside = true;
                }
            }
        }
    }

    fn loop_body(&mut self, b: &ast::Block) -> CResult<()> {
        self.fs().enter_block(true);
        self.stmts(&b.stmts)?;
        self.fs().set_pos(b.close);
        self.fs().leave_block();
        Ok(())
    }

    // ---------------------------------------------------------------- if

    pub fn if_stmt(&mut self, first: &ast::IfStmt) -> CResult<()> {
        let mut escapes = NO_JUMP;
        let mut scopes = 0;
        let mut cur = first;
        loop {
            if let Some(init) = &cur.init {
                self.fs().enter_block(false);
                scopes += 1;
                self.stmt(init, false)?;
                let fs = self.fs();
                fs.freereg = fs.nvarstack();
            }
            let mut c = self.expr(&cur.cond)?;
            self.fs().go_if_true(&mut c)?;
            let fs = self.fs();
            fs.freereg = fs.nvarstack();
            let jf = c.f;
            self.block(&cur.then)?;
            match &cur.els {
                None => {
                    self.fs().patch_to_here(jf);
                    break;
                }
                Some(Else::Block(b)) => {
                    let fs = self.fs();
                    let j = fs.jump();
                    fs.concat(&mut escapes, j);
                    fs.patch_to_here(jf);
                    self.block(b)?;
                    break;
                }
                Some(Else::If(next, span)) => {
                    let fs = self.fs();
                    fs.set_pos(*span);
                    let j = fs.jump();
                    fs.concat(&mut escapes, j);
                    fs.patch_to_here(jf);
                    cur = next;
                }
            }
        }
        let fs = self.fs();
        fs.patch_to_here(escapes);
        for _ in 0..scopes {
            fs.leave_block();
        }
        Ok(())
    }

    // ---------------------------------------------------------------- for

    pub fn for_stmt(&mut self, f: &ast::ForStmt) -> CResult<()> {
        let label = self.define_label(&f.label)?;
        match &f.kind {
            ForKind::Infinite => self.cond_loop(None, label, f),
            ForKind::Cond(c) => self.cond_loop(Some(c), label, f),
            ForKind::Clause { init, cond, post } => {
                self.clause_loop(init.as_ref(), cond.as_ref(), post.as_ref(), label, f)
            }
            ForKind::Range { names, exprs } => self.range_loop(names, exprs, label, f),
        }
    }

    fn cond_loop(&mut self, cond: Option<&Expr>, label: Option<String>, f: &ast::ForStmt) -> CResult<()> {
        let base = self.fs().nvarstack();
        self.push_breakable(label, BreakKind::Loop, base);
        // Rotated loop: jump to the condition at the bottom, which jumps back into the
        // body while true (one conditional jump per iteration).
        let to_cond = if cond.is_some() { Some(self.fs().jump()) } else { None };
        let start = self.fs().get_label();
        self.loop_body(&f.body)?;
        self.continue_point(base, false);
        self.bottom_test(cond, to_cond, start, f)?;
        self.end_breakable(false);
        Ok(())
    }

    /// Emits the loop test at the bottom: back to `start` while `cond` is true (always,
    /// without a condition). `to_cond` is the entry jump that skips the first body run.
    fn bottom_test(&mut self, cond: Option<&Expr>, to_cond: Option<i32>, start: usize, f: &ast::ForStmt) -> CResult<()> {
        match cond {
            Some(c) => {
                let fs = self.fs();
                if let Some(j) = to_cond {
                    fs.patch_to_here(j);
                }
                let mut v = self.expr(c)?;
                let fs = self.fs();
                fs.go_if_false(&mut v)?;
                fs.freereg = fs.nvarstack();
                fs.patch_list(v.t, start);
            }
            None => {
                let fs = self.fs();
                fs.set_pos(f.body.close);
                fs.jump_to(start);
            }
        }
        Ok(())
    }

    fn clause_loop(
        &mut self,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        label: Option<String>,
        f: &ast::ForStmt,
    ) -> CResult<()> {
        let fs = self.fs();
        fs.enter_block(true);
        let base = fs.nvarstack();
        self.push_breakable(label, BreakKind::Loop, base);
        if let Some(init) = init {
            self.stmt(init, false)?;
            let fs = self.fs();
            fs.freereg = fs.nvarstack();
        }
        let to_cond = if cond.is_some() { Some(self.fs().jump()) } else { None };
        let start = self.fs().get_label();
        self.loop_body(&f.body)?;
        // Fresh loop variables per iteration: close before post (Go 1.22).
        let post_captures = post.is_some_and(stmt_has_func);
        let has_loop_vars = self.fs().nvarstack() > base;
        self.continue_point(base, post_captures && has_loop_vars);
        // A counted loop (`i++` / `i += k` / `i -= k` and `i < n`-like condition) gets a
        // FORxx step op in front of the post statement (patched below).
        let step_pc = match (post, cond) {
            (Some(p), Some(c)) if self.counted_loop_shape(p, c) => {
                let fs = self.fs();
                fs.set_pos(p.span);
                Some(fs.emit(Instr::jump(Op::JMP, 0)))
            }
            _ => None,
        };
        if let Some(post) = post {
            self.stmt(post, false)?;
            let fs = self.fs();
            fs.freereg = fs.nvarstack();
        }
        self.bottom_test(cond, to_cond, start, f)?;
        if let Some(p) = step_pc {
            self.patch_loop_step(p, start);
        }
        self.end_breakable(true);
        self.fs().leave_block();
        Ok(())
    }

    /// Source shape of a counted loop: post `v++`, `v--`, `v += k` or `v -= k` (k a small
    /// integer literal) on a local `v`, and a condition `v < x`, `x >= v`, ... where x is
    /// a local or a small integer literal; or post `v += s` (s a local) and an increasing
    /// condition `v < x` / `v <= x` / `x > v` / `x >= v` with x a local. The emitted code
    /// is checked again afterwards (patch_loop_step).
    fn counted_loop_shape(&mut self, post: &Stmt, cond: &Expr) -> bool {
        let local = |c: &mut Compiler, e: &Expr| match &e.kind {
            ExprKind::Name(n) => c.fs().search_local(&n.name).is_some().then_some(n.name.clone()),
            _ => None,
        };
        let (var, reg_step) = match &post.kind {
            StmtKind::IncDec { target, .. } => (local(self, target), false),
            StmtKind::CompoundAssign { target, op, value } => match (op, &value.kind) {
                (ast::BinOp::Add | ast::BinOp::Sub, ExprKind::Int(k)) if (-127..=127).contains(k) => (local(self, target), false),
                (ast::BinOp::Add, ExprKind::Name(_)) if local(self, value).is_some() => (local(self, target), true),
                _ => (None, false),
            },
            _ => (None, false),
        };
        let Some(var) = var else { return false };
        let ExprKind::Binary { op, lhs, rhs } = &cond.kind else { return false };
        let (l, r) = (local(self, lhs), local(self, rhs));
        let small = |e: &Expr| matches!(e.kind, ExprKind::Int(-128..=127));
        // A large literal bound becomes a constant of FORLTK/FORLEK: it needs a C-sized
        // constant index (added now, so that the shape check below cannot fail on it).
        let int = |c: &mut Compiler, e: &Expr| match e.kind {
            ExprKind::Int(n) if (-(1i64 << 47)..(1i64 << 47)).contains(&n) => matches!(c.fs().add_k(Constant::Int(n)), Ok(k) if k <= 255),
            _ => false,
        };
        match op {
            ast::BinOp::Lt | ast::BinOp::Le if reg_step => l.as_deref() == Some(&var) && r.is_some(),
            ast::BinOp::Gt | ast::BinOp::Ge if reg_step => r.as_deref() == Some(&var) && l.is_some(),
            // Increasing loops also take a large integer literal bound (FORLTK/FORLEK).
            ast::BinOp::Lt | ast::BinOp::Le => {
                (l.as_deref() == Some(&var) && (r.is_some() || small(rhs) || int(self, rhs)))
                    || (r.as_deref() == Some(&var) && (l.is_some() || small(lhs)))
            }
            ast::BinOp::Gt | ast::BinOp::Ge => {
                (l.as_deref() == Some(&var) && (r.is_some() || small(rhs)))
                    || (r.as_deref() == Some(&var) && (l.is_some() || small(lhs) || int(self, lhs)))
            }
            _ => false,
        }
    }

    /// Turns the placeholder at `p` into the FORxx op for the code after it (step at p+1,
    /// comparison at p+2, backward JMP to `start` at p+3), when that code has exactly the
    /// expected shape; otherwise it stays a no-op `JMP 0`.
    fn patch_loop_step(&mut self, p: usize, start: usize) {
        if self.fs().pc() == p + 5 {
            self.patch_loop_step_k(p, start);
            return;
        }
        let fs = self.fs();
        if fs.pc() != p + 4 {
            return;
        }
        let (step, cmp, jmp) = (fs.instr(p + 1), fs.instr(p + 2), fs.instr(p + 3));
        let var = step.a();
        if jmp.op() != Op::JMP || jmp.sj() >= 0 || (p as i64 + 4 + jmp.sj() as i64) as usize != start || !cmp.k() {
            return;
        }
        if step.op() == Op::ADD && step.b() == var {
            // Register step (`j += i`), increasing loops only.
            let op = match cmp.op() {
                Op::LT if cmp.a() == var => Op::FORLTR,
                Op::LE if cmp.a() == var => Op::FORLER,
                _ => return,
            };
            fs.set_instr(p, Instr::abc(op, var as u8, cmp.b() as u8, step.c() as u8));
            return;
        }
        let Some(delta) = immediate_step(fs, step, var) else { return };
        let (op, b) = match cmp.op() {
            Op::LT if cmp.a() == var => (Op::FORLT, cmp.b()),
            Op::LE if cmp.a() == var => (Op::FORLE, cmp.b()),
            Op::LT if cmp.b() == var => (Op::FORGT, cmp.a()),
            Op::LE if cmp.b() == var => (Op::FORGE, cmp.a()),
            Op::LTI if cmp.a() == var => (Op::FORLTI, cmp.b()),
            Op::LEI if cmp.a() == var => (Op::FORLEI, cmp.b()),
            Op::GTI if cmp.a() == var => (Op::FORGTI, cmp.b()),
            Op::GEI if cmp.a() == var => (Op::FORGEI, cmp.b()),
            _ => return,
        };
        fs.set_instr(p, Instr::abc(op, var as u8, b as u8, (delta + OFFSET_SC as i64) as u8));
    }

    /// FORLTK/FORLEK: the condition loads a large integer bound into a temporary first
    /// (step at p+1, LOADI/LOADK T at p+2, LT/LE v T at p+3, backward JMP at p+4).
    fn patch_loop_step_k(&mut self, p: usize, start: usize) {
        let fs = self.fs();
        let (step, load, cmp, jmp) = (fs.instr(p + 1), fs.instr(p + 2), fs.instr(p + 3), fs.instr(p + 4));
        let var = step.a();
        let Some(delta) = immediate_step(fs, step, var) else { return };
        if jmp.op() != Op::JMP || jmp.sj() >= 0 || (p as i64 + 5 + jmp.sj() as i64) as usize != start || !cmp.k() {
            return;
        }
        let bound = match (load.op(), fs.proto.constants.get(load.bx())) {
            (Op::LOADI, _) => load.sbx() as i64,
            (Op::LOADK, Some(Constant::Int(n))) => *n,
            _ => return,
        };
        let temp = load.a();
        let op = match cmp.op() {
            Op::LT if cmp.a() == var && cmp.b() == temp => Op::FORLTK,
            Op::LE if cmp.a() == var && cmp.b() == temp => Op::FORLEK,
            _ => return,
        };
        // The fast path needs the bound inline (|n| < 2^47) and in a C-sized constant slot.
        if !(-(1i64 << 47)..(1i64 << 47)).contains(&bound) {
            return;
        }
        let Ok(kidx) = fs.add_k(Constant::Int(bound)) else { return };
        if kidx > 255 {
            return;
        }
        fs.set_instr(p, Instr::abc(op, var as u8, kidx as u8, (delta + OFFSET_SC as i64) as u8));
    }

    fn range_loop(&mut self, names: &[Name], exprs: &[Expr], label: Option<String>, f: &ast::ForStmt) -> CResult<()> {
        let fs = self.fs();
        fs.enter_block(true);
        let base = fs.freereg;
        self.explist_to_regs(exprs, 3)?;
        let nvars = names.len();
        if nvars > 200 {
            return Err(self.fs().limit_error("local variables", 200));
        }
        let fs = self.fs();
        fs.reserve_regs(4 + nvars)?;
        for _ in 0..3 {
            fs.activate_local("(range state)", false, true)?;
        }
        self.push_breakable(label, BreakKind::Loop, base);
        let fs = self.fs();
        fs.set_pos(f.body.span);
        fs.emit_abc(Op::RANGEPREP, base, nvars, (exprs.len() == 1) as usize);
        let to_call = fs.jump();
        let body_start = fs.get_label();
        for n in names {
            fs.set_pos(n.span);
            fs.activate_local(&n.name, false, n.is_blank())?;
        }
        for _ in 0..4 {
            fs.activate_local("(range scratch)", false, true)?;
        }
        self.loop_body(&f.body)?;
        self.continue_point(base + 3, false);
        let fs = self.fs();
        fs.set_pos(f.body.span);
        fs.patch_to_here(to_call);
        fs.emit_abc(Op::RANGECALL, base, nvars, 0);
        let off = body_start as i64 - (fs.pc() as i64 + 1);
        if off >= -(OFFSET_SBX as i64) {
            fs.emit_asbx(Op::RANGELOOP, base, off as i32);
        } else {
            // Body too long for sBx: hop over an exit jump to a long back jump.
            fs.emit_asbx(Op::RANGELOOP, base, 1);
            let exit = fs.jump();
            fs.jump_to(body_start);
            fs.patch_to_here(exit);
        }
        self.end_breakable(false);
        self.fs().leave_block();
        Ok(())
    }

    // ---------------------------------------------------------------- switch

    pub fn switch_stmt(&mut self, sw: &ast::SwitchStmt) -> CResult<()> {
        let label = self.define_label(&sw.label)?;
        let fs = self.fs();
        fs.enter_block(true);
        let base = fs.nvarstack();
        self.push_breakable(label, BreakKind::Switch, base);
        if let Some(init) = &sw.init {
            self.stmt(init, false)?;
            let fs = self.fs();
            fs.freereg = fs.nvarstack();
        }
        let tag = match &sw.tag {
            Some(t) => {
                let mut v = self.expr(t)?;
                let fs = self.fs();
                fs.exp2nextreg(&mut v)?;
                fs.activate_local("(switch tag)", false, true)?;
                Some(v.reg())
            }
            None => None,
        };
        let n = sw.clauses.len();
        let mut body_lists = vec![NO_JUMP; n];
        let mut default_idx = None;
        for (i, cl) in sw.clauses.iter().enumerate() {
            if cl.is_default {
                default_idx = Some(i);
                continue;
            }
            for x in &cl.exprs {
                let mut v = match tag {
                    Some(r) => {
                        let mut lhs = ExpDesc::new(EK::NonReloc(r));
                        self.fs().infix(ast::BinOp::Eq, &mut lhs)?;
                        let rhs = self.expr(x)?;
                        self.fs().posfix(ast::BinOp::Eq, &mut lhs, rhs, x.span.line)?;
                        lhs
                    }
                    None => self.expr(x)?,
                };
                let fs = self.fs();
                fs.go_if_false(&mut v)?;
                fs.concat(&mut body_lists[i], v.t);
                fs.freereg = fs.nvarstack();
            }
        }
        let mut exits = Vec::new();
        let fs = self.fs();
        fs.set_pos(sw.close);
        let j = fs.jump();
        match default_idx {
            Some(d) => fs.concat(&mut body_lists[d], j),
            None => exits.push(j as usize),
        }
        for (i, cl) in sw.clauses.iter().enumerate() {
            let fs = self.fs();
            fs.set_pos(cl.span);
            fs.patch_to_here(body_lists[i]);
            let (body, ft) = match cl.body.last() {
                Some(s) if matches!(s.kind, StmtKind::Fallthrough) => {
                    if i + 1 == n {
                        return Err(err_at("cannot fallthrough final case in switch", s.span));
                    }
                    (&cl.body[..cl.body.len() - 1], true)
                }
                _ => (&cl.body[..], false),
            };
            self.fs().enter_block(false);
            self.stmts(body)?;
            self.fs().leave_block();
            if !ft && i + 1 != n {
                exits.push(self.fs().jump() as usize);
            }
        }
        let fs = self.fs();
        let here = fs.get_label();
        for j in exits {
            fs.fix_jump(j, here);
        }
        self.end_breakable(true);
        self.fs().leave_block();
        Ok(())
    }

    // ---------------------------------------------------------------- select

    pub fn select_stmt(&mut self, sel: &ast::SelectStmt) -> CResult<()> {
        let label = self.define_label(&sel.label)?;
        let ncases = sel.clauses.iter().filter(|c| !matches!(c.comm, CommCase::Default)).count();
        let has_default = ncases < sel.clauses.len();
        let fs = self.fs();
        if ncases > 64 {
            return Err(fs.limit_error("cases in select", 64));
        }
        fs.enter_block(true);
        let base = fs.nvarstack();
        let nregs = (2 * ncases).max(3);
        fs.reserve_regs(nregs)?;
        for _ in 0..nregs {
            fs.activate_local("(select)", false, true)?;
        }
        self.push_breakable(label, BreakKind::Select, base);
        // Channel operands and send values, in source order.
        let mut mask: i64 = 0;
        let mut case_index = Vec::with_capacity(sel.clauses.len());
        let mut idx = 0usize;
        for cl in &sel.clauses {
            match &cl.comm {
                CommCase::Default => {
                    case_index.push(ncases);
                    continue;
                }
                CommCase::Send { chan, value } => {
                    self.expr_to_reg(chan, base + 2 * idx)?;
                    self.expr_to_reg(value, base + 2 * idx + 1)?;
                    mask |= 1 << idx;
                }
                CommCase::Recv { chan, .. } => self.expr_to_reg(chan, base + 2 * idx)?,
            }
            case_index.push(idx);
            idx += 1;
        }
        let fs = self.fs();
        fs.set_pos(sel.clauses.first().map_or(sel.close, |c| c.span));
        fs.emit_abc(Op::SELECT, base, ncases, has_default as usize);
        let k = fs.add_k(Constant::Int(mask))?;
        fs.emit(Instr::ax(Op::EXTRAARG, k));
        let n = sel.clauses.len();
        let mut body_jumps = vec![NO_JUMP; n];
        for i in 0..n.saturating_sub(1) {
            fs.emit_abc(Op::EQI, base, case_index[i] + 128, 1);
            body_jumps[i] = fs.jump();
        }
        if n > 1 {
            // No test matched: the last clause (bodies follow in source order, so the
            // fall-through would otherwise reach the first clause's body).
            body_jumps[n - 1] = fs.jump();
        }
        let mut exits = Vec::new();
        for (i, cl) in sel.clauses.iter().enumerate() {
            let fs = self.fs();
            fs.set_pos(cl.span);
            fs.patch_to_here(body_jumps[i]);
            fs.enter_block(false);
            if let CommCase::Recv { targets, .. } = &cl.comm {
                match targets {
                    RecvTargets::None => {}
                    RecvTargets::Declare(names) => {
                        let keep = names.iter().rposition(|n| !n.is_blank()).map_or(0, |p| p + 1);
                        for (k, name) in names[..keep].iter().enumerate() {
                            let fs = self.fs();
                            fs.set_pos(name.span);
                            let r = fs.freereg;
                            fs.reserve_regs(1)?;
                            fs.emit_abc(Op::MOVE, r, base + 1 + k, 0);
                            fs.activate_local(&name.name, false, name.is_blank())?;
                        }
                    }
                    RecvTargets::Assign(ts) => {
                        let mut vars = Vec::with_capacity(ts.len());
                        for t in ts {
                            vars.push(self.target(t)?);
                        }
                        let fs = self.fs();
                        fs.set_pos(cl.span);
                        for (k, v) in vars.iter().enumerate() {
                            if let Some(v) = v {
                                fs.store_from_reg(v, base + 1 + k)?;
                            }
                        }
                        fs.freereg = fs.nvarstack();
                    }
                }
            }
            self.stmts(&cl.body)?;
            self.fs().leave_block();
            if i + 1 != n {
                exits.push(self.fs().jump() as usize);
            }
        }
        let fs = self.fs();
        let here = fs.get_label();
        for j in exits {
            fs.fix_jump(j, here);
        }
        self.end_breakable(true);
        self.fs().leave_block();
        Ok(())
    }

    /// Evaluates `e` (one value) into the fixed register `reg`.
    fn expr_to_reg(&mut self, e: &Expr, reg: usize) -> CResult<()> {
        let mut v = self.expr(e)?;
        let fs = self.fs();
        fs.exp2reg(&mut v, reg)?;
        fs.freereg = fs.nvarstack();
        Ok(())
    }
}

/// True if a (simple) statement contains a function literal (conservatively true for
/// compound statements).
fn stmt_has_func(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Expr(e) => expr_has_func(e),
        StmtKind::Send { chan, value } => expr_has_func(chan) || expr_has_func(value),
        StmtKind::IncDec { target, .. } => expr_has_func(target),
        StmtKind::Assign { targets, values } => targets.iter().chain(values).any(expr_has_func),
        StmtKind::CompoundAssign { target, value, .. } => expr_has_func(target) || expr_has_func(value),
        StmtKind::Empty => false,
        _ => true,
    }
}

fn expr_has_func(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Func(_) => true,
        ExprKind::Index { obj, key } => expr_has_func(obj) || expr_has_func(key),
        ExprKind::Field { obj, .. } => expr_has_func(obj),
        ExprKind::Call { func, args, .. } => expr_has_func(func) || args.iter().any(expr_has_func),
        ExprKind::MethodCall { obj, args, .. } => expr_has_func(obj) || args.iter().any(expr_has_func),
        ExprKind::Table(fields) => fields.iter().any(|f| match f {
            TableField::Named { value, .. } => expr_has_func(value),
            TableField::Keyed { key, value } => expr_has_func(key) || expr_has_func(value),
            TableField::Positional(v) => expr_has_func(v),
        }),
        ExprKind::MakeChan(c) => c.as_deref().is_some_and(expr_has_func),
        ExprKind::Unary { operand, .. } => expr_has_func(operand),
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::Logical { lhs, rhs, .. } => {
            expr_has_func(lhs) || expr_has_func(rhs)
        }
        ExprKind::Paren(x) => expr_has_func(x),
        _ => false,
    }
}

/// The small constant step of a loop's post statement `var += k` / `var -= k` (ADDI, or
/// SUBK with an integer constant in -127..=127), as the delta added to `var` each
/// iteration; None for any other step instruction.
fn immediate_step(fs: &FuncState, step: Instr, var: usize) -> Option<i64> {
    match step.op() {
        Op::ADDI if step.b() == var => Some(step.sc()),
        Op::SUBK if step.b() == var => match fs.proto.constants.get(step.c()) {
            Some(Constant::Int(k)) if (-127..=127).contains(k) => Some(-k),
            _ => None,
        },
        _ => None,
    }
}
