//! The GScript virtual machine: values, GC, strings, tables, functions, the interpreter,
//! errors, coroutines and the standard library.
//!
//! Layout: `value` (NaN-boxed values), `object` (heap layouts), `gc` (heap, collector,
//! interning), `slab` (boxed-integer cells), `table`, `function`, `thread` (stacks and
//! frames), `vm` (the state and builtin API), `api` (argument helpers), `call` (calls,
//! returns, unwinding, coroutines), `interp` (dispatch loop), `slow` (metamethod slow paths), `ops`
//! (operator semantics), `error` (messages, tracebacks), `load` (chunks), `number`
//! (numeral parsing/formatting), `shortbytes` (inline short copies/compares), `stdlib`
//! (libraries).

pub mod api;
pub mod asm_interp;
pub mod call;
pub mod channel;
pub mod error;
pub mod function;
pub mod gc;
pub mod hooks;
pub mod interp;
pub mod jit_hooks;
pub mod layout;
pub mod load;
pub mod number;
pub mod object;
pub mod ops;
pub mod shortbytes;
pub mod sched;
pub mod slab;
pub mod slow;
pub mod stdlib;
pub mod table;
pub mod thread;
pub mod value;
pub mod vm;

pub use error::{Fatal, RtError};
pub use value::Value;
pub use vm::Vm;
