//! The GScript virtual machine: values, GC, strings, tables, functions, the interpreter,
//! errors, coroutines and the standard library.

pub mod number;
pub mod stdlib;
