//! GScript front end: lexer, parser, AST, spans and diagnostics.
//!
//! Entry point: [`parse`] turns the bytes of a chunk into an [`ast::Chunk`] or a
//! [`Diagnostic`]. The parser never panics and never overflows the Rust stack: nesting
//! beyond [`MAX_NESTING`] levels is the compile error `chunk has too many syntax levels`.

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
