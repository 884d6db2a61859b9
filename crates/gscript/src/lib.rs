//! GScript — Go syntax, Lua 5.4 semantics, goroutines — as a library.
//!
//! This crate is both the `gscript` command (its REPL lives in [`repl`]) and the
//! embedding API for Rust programs:
//!
//! * [`Engine`] — an interpreter with its own globals: run code, evaluate expressions,
//!   read and write globals, register Rust functions and user data types, set limits
//!   (instruction budget, memory) and interrupt scripts from other threads.
//! * [`IntoValue`] / [`FromValue`] (and [`IntoValues`] / [`FromValues`] for argument and
//!   result lists) convert between Rust and GScript values; [`Value`] holds any value.
//! * [`Function`], [`Table`], [`AnyUserData`], [`UserDataRef`] — handles to script objects
//!   that keep them alive.
//! * [`Error`] — compile and runtime errors with message, kind and traceback.
//!
//! ```
//! use gscript::{Engine, Function};
//!
//! let mut engine = Engine::sandboxed();
//! engine.register_fn("shout", |s: String| s.to_uppercase()).unwrap();
//! engine.run(r#"
//!     func greet(name) { return shout("hello, " .. name) }
//! "#).unwrap();
//! let greet: Function = engine.get_global("greet").unwrap();
//! let text: String = greet.call(&mut engine, "world").unwrap();
//! assert_eq!(text, "HELLO, WORLD");
//! ```
//!
//! See `docs/embedding.md` in the repository for a guide.

mod callback;
mod convert;
pub mod display;
mod engine;
mod error;
mod handles;
pub mod repl;

pub use callback::{FromArg, IntoCallback, IntoMethod, Plain, WithContext};
pub use convert::{FromValue, FromValues, IntoValue, IntoValues, OtherValue, Value, Variadic};
pub use engine::{AsContext, Context, Engine, InterruptHandle, DEFAULT_CHUNK_NAME, SANDBOX_REMOVED};
pub use error::{Error, ErrorKind, Result};
pub use handles::{AnyUserData, Function, Table, UserDataRef};

use vm::{RtError, Vm};

/// Sets the global `arg` table (spec 13.2): `arg[0]` is the script, `arg[-1]` the interpreter.
pub fn set_arg_table(vm: &mut Vm, interpreter: &str, script: &str, args: &[vm::Value]) {
    let mut t = vm.new_table(args.len(), 2);
    for (i, &a) in args.iter().enumerate() {
        t.set_small_int(i as i64 + 1, a);
    }
    let s = vm.str_value(script.as_bytes());
    t.set_small_int(0, s);
    let interp = vm.str_value(interpreter.as_bytes());
    t.set_small_int(-1, interp);
    vm.set_field(vm.globals, "arg", Vm::table_value(t));
}

/// The message of an uncaught error value (spec 9.8).
pub fn error_message(vm: &mut Vm, v: vm::Value) -> String {
    if let Some(b) = Vm::str_bytes(v) {
        return String::from_utf8_lossy(b).into_owned();
    }
    if v.is_number() || !vm.metamethod(v, vm::vm::Tm::ToString).is_nil() {
        if let Ok(s) = vm.tostring(v) {
            if let Some(b) = Vm::str_bytes(s) {
                return String::from_utf8_lossy(b).into_owned();
            }
        }
    }
    format!("(error object is a {} value)", v.type_name())
}

/// Reports an error that ended the main chunk on standard error as the command does
/// (spec 9.8, 11.6) and returns the exit status: `gscript: MESSAGE` and the traceback
/// (status 1, or 2 for an error in another goroutine, whose traceback header names it),
/// or `fatal error: all goroutines are asleep - deadlock!` (status 2).
pub fn report_uncaught(vm: &mut Vm, e: &RtError) -> u8 {
    if e.fatal == Some(vm::Fatal::Deadlock) {
        eprintln!("fatal error: {}", vm::sched::DEADLOCK_MESSAGE);
        return 2;
    }
    let msg = error_message(vm, e.value);
    let mut out = format!("gscript: {}\n", msg);
    if let Some(tb) = &e.traceback {
        out.push_str(tb);
        out.push('\n');
    }
    eprint!("{}", out);
    match e.fatal {
        Some(vm::Fatal::GoroutineDied { .. } | vm::Fatal::Deadlock) => 2,
        _ => 1,
    }
}
