//! The compiler driver: the stack of functions being compiled, name resolution
//! (local / upvalue / global, spec 5.7), constant checks, and opening/closing functions.
//!
//! Invariant: `funcs` is never empty while compiling; the last entry is the function
//! whose code is being emitted. Enclosing functions are frozen while a nested function
//! is compiled, so resolving upvalues by name is unambiguous.

use crate::bytecode::{Op, MAX_BX};
use crate::expdesc::{ExpDesc, EK};
use crate::funcstate::{CResult, FuncState};
use crate::proto::Proto;
use std::collections::HashMap;
use std::rc::Rc;
use syntax::ast;
use syntax::{Diagnostic, Span};

/// Where a name resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Local { reg: usize, is_const: bool },
    Upval { idx: usize, is_const: bool },
    Global,
}

pub struct Compiler {
    pub source: Rc<str>,
    pub funcs: Vec<FuncState>,
    /// Top-level constants of the chunk: name -> index of the declaring top-level statement.
    pub const_globals: HashMap<String, usize>,
    /// Index of the top-level statement being compiled.
    pub top_index: usize,
}

pub fn err_at(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(msg, span)
}

impl Compiler {
    pub fn new(source: &str) -> Compiler {
        Compiler { source: Rc::from(source), funcs: Vec::new(), const_globals: HashMap::new(), top_index: 0 }
    }

    /// The function being compiled.
    pub fn fs(&mut self) -> &mut FuncState {
        match self.funcs.last_mut() {
            Some(f) => f,
            None => unreachable!("no function being compiled"),
        }
    }

    pub fn resolve(&mut self, name: &str) -> CResult<Resolved> {
        let level = self.funcs.len() - 1;
        self.resolve_in(level, name, true)
    }

    fn resolve_in(&mut self, level: usize, name: &str, base: bool) -> CResult<Resolved> {
        let fs = &mut self.funcs[level];
        if let Some(reg) = fs.search_local(name) {
            if !base {
                fs.mark_upval(reg);
            }
            return Ok(Resolved::Local { reg, is_const: fs.actvars[reg].is_const });
        }
        if let Some(idx) = fs.search_upvalue(name) {
            return Ok(Resolved::Upval { idx, is_const: fs.upval_const[idx] });
        }
        if level == 0 {
            return Ok(Resolved::Global);
        }
        let (in_stack, index, is_const) = match self.resolve_in(level - 1, name, false)? {
            Resolved::Global => return Ok(Resolved::Global),
            Resolved::Local { reg, is_const } => (true, reg, is_const),
            Resolved::Upval { idx, is_const } => (false, idx, is_const),
        };
        let idx = self.funcs[level].new_upvalue(name, in_stack, index, is_const)?;
        Ok(Resolved::Upval { idx, is_const })
    }

    /// Constant index of a global's name (`GETGLOBAL`/`SETGLOBAL` take a 16-bit index).
    pub fn global_k(&mut self, name: &str) -> CResult<u32> {
        let k = self.fs().str_k(name.as_bytes())?;
        debug_assert!(k <= MAX_BX);
        Ok(k)
    }

    /// A name used as a value.
    pub fn name_expr(&mut self, name: &ast::Name) -> CResult<ExpDesc> {
        if name.is_blank() {
            return Err(err_at("cannot use _ as value", name.span));
        }
        Ok(ExpDesc::new(match self.resolve(&name.name)? {
            Resolved::Local { reg, .. } => EK::Local(reg),
            Resolved::Upval { idx, .. } => EK::Upval(idx),
            Resolved::Global => EK::Global(self.global_k(&name.name)?),
        }))
    }

    /// A name used as an assignment target (`None` for `_`); checks constants.
    pub fn name_target(&mut self, name: &ast::Name) -> CResult<Option<ExpDesc>> {
        if name.is_blank() {
            return Ok(None);
        }
        let const_err = || err_at(format!("cannot assign to constant '{}'", name.name), name.span);
        Ok(Some(ExpDesc::new(match self.resolve(&name.name)? {
            Resolved::Local { is_const: true, .. } | Resolved::Upval { is_const: true, .. } => return Err(const_err()),
            Resolved::Local { reg, .. } => EK::Local(reg),
            Resolved::Upval { idx, .. } => EK::Upval(idx),
            Resolved::Global => {
                if self.const_globals.contains_key(&name.name) {
                    return Err(const_err());
                }
                EK::Global(self.global_k(&name.name)?)
            }
        })))
    }

    /// Checks a top-level declaration of global `name` (statement `self.top_index`).
    pub fn check_top_decl(&self, name: &ast::Name) -> CResult<()> {
        match self.const_globals.get(&name.name) {
            Some(&i) if i != self.top_index => {
                Err(err_at(format!("cannot assign to constant '{}'", name.name), name.span))
            }
            _ => Ok(()),
        }
    }

    // ---------------------------------------------------------------- functions

    pub fn open_function(&mut self, line_defined: u32, last_line: u32, is_vararg: bool) {
        let fs = FuncState::new(self.source.clone(), line_defined, last_line, is_vararg);
        self.funcs.push(fs);
        self.fs().enter_block(false);
    }

    /// Finishes the current function: final return, fix-ups, and returns its prototype.
    pub fn close_function(&mut self, end_line: u32) -> CResult<Proto> {
        let fs = self.fs();
        fs.line = end_line.max(1);
        fs.emit_abc(Op::RETURN0, 0, 0, 0);
        fs.leave_block();
        let mut fs = match self.funcs.pop() {
            Some(f) => f,
            None => unreachable!(),
        };
        if let Some(e) = fs.deferred_error.take() {
            return Err(e);
        }
        if fs.proto.has_defer {
            // RETURN is the op documented to run deferred calls.
            for i in fs.proto.code.iter_mut() {
                match i.op() {
                    Op::RETURN0 => *i = crate::Instr::abc(Op::RETURN, 0, 1, 0),
                    Op::RETURN1 => *i = crate::Instr::abc(Op::RETURN, i.a() as u8, 2, 0),
                    _ => {}
                }
            }
        }
        Ok(fs.proto)
    }

    /// Compiles a function literal into a `CLOSURE` in the current function.
    pub fn func_lit(&mut self, lit: &ast::FuncLit) -> CResult<ExpDesc> {
        if self.funcs.len() >= 250 {
            return Err(err_at("chunk has too many syntax levels", lit.span));
        }
        self.open_function(lit.span.line, lit.body.close.line, lit.variadic);
        self.fs().set_pos(lit.span);
        let nparams = lit.params.len();
        for p in &lit.params {
            let fs = self.fs();
            fs.set_pos(p.span);
            fs.reserve_regs(1)?;
            fs.activate_local(&p.name, false, p.is_blank())?;
        }
        self.fs().proto.num_params = nparams.min(255) as u8;
        if let Some(rest) = &lit.rest {
            let fs = self.fs();
            fs.set_pos(rest.span);
            fs.reserve_regs(1)?;
            fs.emit_abc(Op::PACKREST, nparams, 0, 0);
            fs.activate_local(&rest.name, false, rest.is_blank())?;
        }
        for s in &lit.body.stmts {
            self.stmt(s, false)?;
            let fs = self.fs();
            fs.freereg = fs.nvarstack();
        }
        let proto = self.close_function(lit.body.close.line)?;
        let fs = self.fs();
        fs.set_pos(lit.span);
        let idx = fs.proto.protos.len();
        if idx > MAX_BX as usize {
            return Err(fs.limit_error("functions", MAX_BX as usize + 1));
        }
        fs.proto.protos.push(Rc::new(proto));
        Ok(ExpDesc::new(EK::Reloc(fs.emit_abx(Op::CLOSURE, 0, idx as u32))))
    }

    /// Compiles a whole chunk into the main prototype.
    pub fn chunk(&mut self, chunk: &ast::Chunk) -> CResult<Proto> {
        for (i, s) in chunk.body.iter().enumerate() {
            if let ast::StmtKind::ConstDecl { names, .. } = &s.kind {
                for n in names {
                    if !n.is_blank() {
                        self.const_globals.entry(n.name.clone()).or_insert(i);
                    }
                }
            }
        }
        self.open_function(0, 0, true);
        for (i, s) in chunk.body.iter().enumerate() {
            self.top_index = i;
            self.stmt(s, true)?;
            let fs = self.fs();
            fs.freereg = fs.nvarstack();
        }
        self.close_function(chunk.eof.line)
    }
}
