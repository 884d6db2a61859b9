//! Function prototypes: the compiler's output, the VM's input.
//!
//! A [`Proto`] is VM-independent: constants are plain Rust values; the VM turns them
//! into runtime values (interning strings) when it loads a chunk.

use crate::bytecode::Instr;
use std::rc::Rc;

/// A constant of a prototype.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<[u8]>),
}

/// How a closure captures one upvalue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpvalueDesc {
    /// True: register `index` of the enclosing function's frame.
    /// False: upvalue `index` of the enclosing closure.
    pub in_stack: bool,
    pub index: u8,
    /// The captured variable's name (for error messages and tracebacks).
    pub name: String,
}

/// Debug information for one local variable: it lives in `register` while
/// `start_pc <= pc < end_pc`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalInfo {
    pub name: String,
    pub register: u8,
    pub start_pc: u32,
    pub end_pc: u32,
}

/// A compiled function.
#[derive(Clone, Debug, Default)]
pub struct Proto {
    pub code: Vec<Instr>,
    /// Source line of each instruction (same length as `code`).
    pub lines: Vec<u32>,
    pub constants: Vec<Constant>,
    /// Nested function prototypes (`CLOSURE A Bx` refers to `protos[Bx]`).
    pub protos: Vec<Rc<Proto>>,
    pub upvalues: Vec<UpvalueDesc>,
    /// Number of named parameters (not counting a rest parameter).
    pub num_params: u8,
    /// Accepts extra arguments (`...` or `name...`; always true for a main chunk).
    pub is_vararg: bool,
    /// Number of registers the frame needs.
    pub max_stack: u8,
    pub locals: Vec<LocalInfo>,
    /// Line of the `func` keyword (0 for a main chunk).
    pub line_defined: u32,
    /// Line of the closing `}` (0 for a main chunk).
    pub last_line: u32,
    /// True if the function contains a `defer` statement.
    pub has_defer: bool,
    /// Chunk name for positions (`test.gs`, `[string "..."]`, `(command line)`).
    pub source: Rc<str>,
}

impl Proto {
    /// The name of the local living in `register` at `pc`, if any (the innermost).
    pub fn local_name(&self, register: usize, pc: usize) -> Option<&str> {
        self.locals
            .iter()
            .rev()
            .find(|l| l.register as usize == register && (l.start_pc as usize) <= pc && pc < l.end_pc as usize)
            .map(|l| l.name.as_str())
    }
}
