//! GScript compiler: resolves scopes and emits register bytecode from the AST.
//!
//! Entry point: [`compile`] turns an [`syntax::ast::Chunk`] into the main [`Proto`]
//! (a variadic function). [`disasm`] renders prototypes for `--dump-bytecode`.
//!
//! Module map: `funcstate` (per-function emission state, jumps, registers, locals),
//! `expdesc` (expression descriptors and discharge), `operators` (operator codegen),
//! `fold` (constant folding), `scope` (compiler driver and name resolution), `expr`
//! (expressions), `stmt` (simple statements), `control` (if/for/switch/select).

pub mod bytecode;
pub mod disasm;
pub mod proto;

mod control;
mod expdesc;
mod expr;
mod fold;
mod funcstate;
mod operators;
mod scope;
mod stmt;

pub use bytecode::{Instr, Op};
pub use proto::{Constant, LocalInfo, Proto, UpvalueDesc};

use std::rc::Rc;
use syntax::{ast, Diagnostic};

/// Compiles a parsed chunk. `source` is the chunk name used in positions.
pub fn compile(chunk: &ast::Chunk, source: &str) -> Result<Rc<Proto>, Diagnostic> {
    let mut c = scope::Compiler::new(source);
    Ok(Rc::new(c.chunk(chunk)?))
}

/// Parses and compiles source text.
pub fn compile_source(text: &[u8], source: &str) -> Result<Rc<Proto>, Diagnostic> {
    let chunk = syntax::parse(text)?;
    compile(&chunk, source)
}
