//! GScript compiler: resolves scopes and emits register bytecode from the AST.
//!
//! Entry point: [`compile`] turns an [`syntax::ast::Chunk`] into the main [`Proto`]
//! (a variadic function). [`disasm`] renders prototypes for `--dump-bytecode`.

pub mod bytecode;
pub mod disasm;
pub mod proto;

pub use bytecode::{Instr, Op};
pub use proto::{Constant, LocalInfo, Proto, UpvalueDesc};

use std::rc::Rc;
use syntax::{ast, Diagnostic};

/// Compiles a parsed chunk. `source` is the chunk name used in positions.
pub fn compile(_chunk: &ast::Chunk, source: &str) -> Result<Rc<Proto>, Diagnostic> {
    let _ = source;
    Err(Diagnostic { message: "compiler not implemented".into(), line: 1, col: 1, incomplete: false })
}

/// Parses and compiles source text.
pub fn compile_source(text: &[u8], source: &str) -> Result<Rc<Proto>, Diagnostic> {
    let chunk = syntax::parse(text)?;
    compile(&chunk, source)
}
