//! The `debug` library (spec 12.13): only `debug.traceback`.

use crate::error::RtError;
use crate::function::Args;
use crate::vm::Vm;

type R = Result<usize, RtError>;

pub fn open(vm: &mut Vm) {
    let t = vm.new_table(0, 1);
    vm.register(t, "traceback", "debug.traceback", traceback);
    vm.set_field(vm.globals, "debug", Vm::table_value(t));
}

/// `debug.traceback([message [, level]])`: a non-string, non-number message is returned
/// unchanged; otherwise message, a newline and the traceback from `level` (default 1, the
/// caller of `traceback`).
fn traceback(vm: &mut Vm, a: Args) -> R {
    let msg = vm.arg(a, 1);
    if !msg.is_nil() && !msg.is_str() && !msg.is_number() {
        return vm.ret1(msg);
    }
    let level = vm.opt_int(a, 2, 1)?;
    let mut text: Vec<u8> = Vec::new();
    if !msg.is_nil() {
        crate::ops::concat_piece(msg, &mut text);
        text.push(b'\n');
    }
    let skip = usize::try_from(level).unwrap_or(0);
    text.extend_from_slice(crate::error::traceback(&vm.current, skip).as_bytes());
    let v = vm.string_value_owned(text);
    vm.ret1(v)
}
