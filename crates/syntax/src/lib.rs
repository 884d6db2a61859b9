//! GScript front end: lexer, parser, AST, spans, diagnostics and pretty-printer.
//!
//! * [`parse`] turns the bytes of a chunk into an [`ast::Chunk`] or a [`Diagnostic`]. The
//!   parser never panics and never overflows the Rust stack: nesting beyond
//!   [`MAX_NESTING`] levels is the compile error `chunk has too many syntax levels`, which
//!   also bounds the depth of every AST it returns (so recursive walks and `Drop` are safe).
//!   Worst-case stack use is about 0.5 MiB in release builds (1 MiB at opt-level 1).
//! * [`lexer::tokenize`] / [`lexer::Lexer`] expose the token stream (with inserted
//!   semicolons) for tooling such as highlighting and the REPL.
//! * [`pretty::chunk_to_source`] prints an AST back as source that re-parses to the same
//!   tree ([`pretty::clear_spans`] helps comparing trees ignoring positions).

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod pretty;
pub mod span;
pub mod token;

pub use span::{Diagnostic, Span};

/// Maximum syntactic nesting (blocks, parentheses, constructors, unary operators, ...).
pub const MAX_NESTING: usize = 200;

/// Parses a whole chunk.
pub fn parse(source: &[u8]) -> Result<ast::Chunk, Diagnostic> {
    parser::parse_chunk(source)
}
