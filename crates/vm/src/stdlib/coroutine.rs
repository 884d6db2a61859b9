//! The coroutine library (spec 10, 12.7). `resume`, `yield` and wrap functions are
//! implemented by the interpreter (call.rs); the rest is here.

use crate::error::RtError;
use crate::function::{Args, NativeKind};
use crate::object::{value_as, Gc};
use crate::thread::{CoStatus, Thread};
use crate::value::Value;
use crate::vm::Vm;

type R = Result<usize, RtError>;

pub fn open(vm: &mut Vm) {
    let t = vm.new_table(0, 8);
    vm.register(t, "create", "coroutine.create", create);
    vm.register(t, "status", "coroutine.status", status);
    vm.register(t, "running", "coroutine.running", running);
    vm.register(t, "isyieldable", "coroutine.isyieldable", isyieldable);
    vm.register(t, "wrap", "coroutine.wrap", wrap);
    vm.register(t, "close", "coroutine.close", close);
    let resume = vm.new_native("resume", "coroutine.resume", super::base::unreachable_native, NativeKind::Resume, Vec::new());
    vm.set_field(t, "resume", resume);
    let yield_ = vm.new_native("yield", "coroutine.yield", super::base::unreachable_native, NativeKind::Yield, Vec::new());
    vm.set_field(t, "yield", yield_);
    vm.set_field(vm.globals, "coroutine", Vm::table_value(t));
}

fn check_co(vm: &mut Vm, a: Args, n: usize) -> Result<Gc<Thread>, RtError> {
    let v = vm.arg(a, n);
    match value_as::<Thread>(v) {
        Some(t) => Ok(t),
        None => Err(vm.type_error(n, "coroutine", v, n <= a.count)),
    }
}

fn new_coroutine(vm: &mut Vm, a: Args) -> Result<Value, RtError> {
    let f = vm.arg(a, 1);
    if !f.is_function() {
        return Err(vm.type_error(1, "function", f, a.count >= 1));
    }
    let mut co = vm.heap.alloc(Thread::new(false), 0);
    co.body = f;
    Ok(Vm::object_value(co))
}

fn create(vm: &mut Vm, a: Args) -> R {
    let co = new_coroutine(vm, a)?;
    vm.ret1(co)
}

fn wrap(vm: &mut Vm, a: Args) -> R {
    let co = new_coroutine(vm, a)?;
    let f = vm.new_native("wrap", "wrap", super::base::unreachable_native, NativeKind::WrapCall, vec![co]);
    vm.ret1(f)
}

fn status(vm: &mut Vm, a: Args) -> R {
    let co = check_co(vm, a, 1)?;
    let s = match co.status {
        CoStatus::Suspended => "suspended",
        CoStatus::Running => {
            if co == vm.current {
                "running"
            } else {
                "normal"
            }
        }
        CoStatus::Normal => "normal",
        CoStatus::Dead => "dead",
    };
    let v = vm.str_value(s.as_bytes());
    vm.ret1(v)
}

fn running(vm: &mut Vm, a: Args) -> R {
    let _ = a;
    let cur = vm.current;
    vm.ret(&[Vm::object_value(cur), Value::bool(cur.is_main)])
}

fn isyieldable(vm: &mut Vm, a: Args) -> R {
    let co = if a.count >= 1 { check_co(vm, a, 1)? } else { vm.current };
    vm.ret1(Value::bool(!co.is_main && co.non_yieldable == 0))
}

fn close(vm: &mut Vm, a: Args) -> R {
    let mut co = check_co(vm, a, 1)?;
    match co.status {
        CoStatus::Running => {
            let msg = if co == vm.current { "cannot close a running coroutine" } else { "cannot close a normal coroutine" };
            return Err(vm.rt_error(msg));
        }
        CoStatus::Normal => return Err(vm.rt_error("cannot close a normal coroutine")),
        _ => {}
    }
    // Run pending deferred calls, innermost function first, each LIFO.
    let mut error: Option<Value> = co.death_error.take();
    let frames = std::mem::take(&mut co.frames);
    let pending: Vec<Box<[Value]>> = frames.into_iter().rev().flat_map(|mut f| f.take_defers().into_iter().rev()).collect();
    co.status = CoStatus::Dead;
    co.close_all_upvalues();
    for call in pending {
        // Keep the remaining calls reachable while running script code.
        for &v in call.iter() {
            vm.pinned.push(v);
        }
        let r = vm.call(call[0], &call[1..]);
        for _ in call.iter() {
            vm.pinned.pop();
        }
        if let Err(e) = r {
            error = Some(e.value);
        }
    }
    co.top = 0;
    match error {
        None => vm.ret1(Value::TRUE),
        Some(e) => vm.ret(&[Value::FALSE, e]),
    }
}
