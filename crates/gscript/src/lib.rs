//! The `gscript` library crate: helpers shared by the command-line tool (argument
//! table, uncaught-error reporting) and the REPL. The embedding API grows here.

pub mod repl;

use vm::{RtError, Value, Vm};

/// Sets the global `arg` table (spec 13.2): arg[0] is the script, arg[-1] the interpreter.
pub fn set_arg_table(vm: &mut Vm, interpreter: &str, script: &str, args: &[Value]) {
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
pub fn error_message(vm: &mut Vm, v: Value) -> String {
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

/// Writes `gscript: MESSAGE` and the traceback to standard error.
pub fn report_uncaught(vm: &mut Vm, e: &RtError, goroutine: Option<u64>) {
    let msg = error_message(vm, e.value);
    let mut out = format!("gscript: {}\n", msg);
    if let Some(tb) = &e.traceback {
        match goroutine {
            Some(n) => out.push_str(&tb.replacen("stack traceback:", &format!("stack traceback (goroutine {}):", n), 1)),
            None => out.push_str(tb),
        }
        out.push('\n');
    }
    eprint!("{}", out);
}
