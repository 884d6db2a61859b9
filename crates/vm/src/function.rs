//! Function objects: runtime prototypes, script closures and builtin functions.
//!
//! A [`ProtoObj`] is the VM's form of a compiled `compiler::Proto`: constants become
//! values (strings interned), nested prototypes become heap objects, and it records the
//! globals table (`env`) of the chunk it was loaded into. A [`Closure`] pairs a
//! prototype with its captured upvalues. A [`Native`] is a builtin: a Rust function plus
//! optional bound values (`data`) and its names for messages.

use crate::error::RtError;
use crate::object::{GcHeader, Gc, HeapObject, ObjKind, Upvalue};
use crate::value::Value;
use crate::vm::Vm;
use compiler::Instr;
use std::cell::Cell;
use std::rc::Rc;

#[repr(C)]
pub struct ProtoObj {
    pub header: GcHeader,
    pub code: Box<[Instr]>,
    pub constants: Box<[Value]>,
    pub children: Box<[Gc<ProtoObj>]>,
    /// (in_stack, index) per upvalue.
    pub upvalue_descs: Box<[(bool, u8)]>,
    pub num_params: usize,
    pub is_vararg: bool,
    pub max_stack: usize,
    /// `max_stack` for a fixed-arity function; for a vararg one, a value so large that
    /// the interpreter's inline call check (`base + args + need < stack.len()`) always
    /// fails: one comparison tests both "not vararg" and "the stack has room".
    pub fixed_call_need: usize,
    /// The compiler's prototype: lines, local names, upvalue names, source name.
    pub info: Rc<compiler::Proto>,
    /// The globals table of the chunk.
    pub env: Value,
    /// Per-constant cache for GETGLOBAL/SETGLOBAL and SELF: the entry index of the key
    /// in the hash part of the table it was last found in (a hint; always re-validated).
    pub global_cache: Box<[Cell<u32>]>,
}
impl HeapObject for ProtoObj {
    const KIND: ObjKind = ObjKind::Proto;
}

#[repr(C)]
pub struct Closure {
    pub header: GcHeader,
    pub proto: Gc<ProtoObj>,
    pub upvalues: Box<[Gc<Upvalue>]>,
}
impl HeapObject for Closure {
    const KIND: ObjKind = ObjKind::Closure;
}

/// Arguments of a builtin call: `count` values starting at stack index `base`.
#[derive(Clone, Copy, Debug)]
pub struct Args {
    pub base: usize,
    pub count: usize,
}

/// A builtin's Rust function. It reads its arguments from the stack, pushes its
/// results (`Vm::push`) and returns how many it pushed.
pub type NativeFn = fn(&mut Vm, Args) -> Result<usize, RtError>;

/// Builtins that the interpreter executes itself (they manipulate frames or threads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NativeKind {
    Normal,
    Pcall,
    Xpcall,
    Resume,
    Yield,
    /// A function made by `coroutine.wrap` (data[0] is the coroutine).
    WrapCall,
    /// A builtin that may park the running goroutine (sched.rs `call_blocking_native`):
    /// `time.sleep`, `mu:lock()`, `wg:wait()`.
    Blocking,
}

#[repr(C)]
pub struct Native {
    pub header: GcHeader,
    pub func: NativeFn,
    pub kind: NativeKind,
    /// Short name for `bad argument` messages (`rep`).
    pub name: &'static str,
    /// Qualified name for tracebacks (`string.rep`).
    pub qualified: &'static str,
    pub data: Box<[Value]>,
}
impl HeapObject for Native {
    const KIND: ObjKind = ObjKind::Native;
}

impl std::fmt::Debug for Native {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "builtin {}", self.qualified)
    }
}

impl ProtoObj {
    /// Source line of the instruction at `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        self.info.lines.get(pc).copied().unwrap_or(self.info.line_defined)
    }
    pub fn source(&self) -> &str {
        &self.info.source
    }
}
