//! The goroutine-facing library: the `sync` module (spec 12.11), the blocking parts of
//! `time` (`time.sleep`, `time.after`, spec 12.10) and the channel builtins `close` and
//! `cap` (spec 11.4). The scheduling machinery they use is in `sched.rs`.
//!
//! `sync.WaitGroup()` and `sync.Mutex()` are library objects (spec 12.0.4): empty tables
//! sharing a per-kind metatable (`__index` = the methods, `__name` = the kind). Their
//! native state ([`SyncObj`]) is kept out of the table, in the scheduler's side table
//! keyed by the table's address, so `pairs` sees nothing; the entry is dropped by the
//! collector when the table dies (`Vm::sched_sweep_weak`).
//!
//! `mu:lock()`, `wg:wait()` and `time.sleep` are `NativeKind::Blocking` builtins: when
//! they must wait they park the goroutine (`Vm::park_builtin`) and return no results; the
//! goroutine continues after the call once woken. A mutex is handed directly to the first
//! waiter on unlock (FIFO, no barging).

use crate::channel::Channel;
use crate::error::RtError;
use crate::function::{Args, NativeFn, NativeKind};
use crate::object::{value_as, Gc};
use crate::sched::SyncObj;
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;
use std::collections::VecDeque;

type R = Result<usize, RtError>;

/// Installs `sync`, `close`, `cap`, `time.sleep` and `time.after`. Must run after the
/// `time` module is opened (it adds to, or creates, the global `time` table).
pub fn open(vm: &mut Vm) {
    let g = vm.globals;
    vm.register(g, "close", "close", close);
    vm.register(g, "cap", "cap", cap);

    let time = match value_as::<Table>(vm.get_field(g, "time")) {
        Some(t) => t,
        None => {
            let t = vm.new_table(0, 4);
            vm.set_field(g, "time", Vm::table_value(t));
            t
        }
    };
    let sleep_fn = vm.new_native("sleep", "time.sleep", sleep, NativeKind::Blocking, Vec::new());
    vm.set_field(time, "sleep", sleep_fn);
    vm.register(time, "after", "time.after", after);

    let sync = vm.new_table(0, 4);
    vm.set_field(g, "sync", Vm::table_value(sync));
    vm.register(sync, "WaitGroup", "sync.WaitGroup", new_waitgroup);
    vm.register(sync, "Mutex", "sync.Mutex", new_mutex);

    let mutex_methods: &[(&'static str, &'static str, NativeFn, NativeKind)] = &[
        ("lock", "sync.Mutex.lock", mutex_lock, NativeKind::Blocking),
        ("unlock", "sync.Mutex.unlock", mutex_unlock, NativeKind::Normal),
        ("tryLock", "sync.Mutex.tryLock", mutex_trylock, NativeKind::Normal),
    ];
    vm.sched.mutex_meta = Some(make_meta(vm, "sync.Mutex", mutex_methods));
    let wg_methods: &[(&'static str, &'static str, NativeFn, NativeKind)] = &[
        ("add", "sync.WaitGroup.add", wg_add, NativeKind::Normal),
        ("done", "sync.WaitGroup.done", wg_done, NativeKind::Normal),
        ("wait", "sync.WaitGroup.wait", wg_wait, NativeKind::Blocking),
    ];
    vm.sched.waitgroup_meta = Some(make_meta(vm, "sync.WaitGroup", wg_methods));
}

fn make_meta(vm: &mut Vm, kind: &str, methods: &[(&'static str, &'static str, NativeFn, NativeKind)]) -> Gc<Table> {
    let meta = vm.new_table(0, 4);
    let index = vm.new_table(0, methods.len());
    for &(name, qualified, func, nk) in methods {
        let f = vm.new_native(name, qualified, func, nk, Vec::new());
        vm.set_field(index, name, f);
    }
    vm.set_field(meta, "__index", Vm::table_value(index));
    let n = vm.str_value(kind.as_bytes());
    vm.set_field(meta, "__name", n);
    meta
}

// ---------------------------------------------------------------- channels

fn check_channel(vm: &mut Vm, a: Args) -> Result<Gc<Channel>, RtError> {
    let v = vm.arg(a, 1);
    match value_as::<Channel>(v) {
        Some(c) => Ok(c),
        None => Err(vm.type_error(1, "channel", v, a.count >= 1)),
    }
}

fn close(vm: &mut Vm, a: Args) -> R {
    if a.count >= 1 && vm.arg(a, 1).is_nil() {
        return Err(vm.rt_error("close of nil channel"));
    }
    let ch = check_channel(vm, a)?;
    vm.close_channel(ch)?;
    Ok(0)
}

fn cap(vm: &mut Vm, a: Args) -> R {
    let ch = check_channel(vm, a)?;
    let n = vm.int(ch.cap.min(i64::MAX as usize) as i64);
    vm.ret1(n)
}

// ---------------------------------------------------------------- time

fn sleep(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_f64(a, 1)?;
    vm.sleep_builtin(s)?;
    Ok(0)
}

fn after(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_f64(a, 1)?;
    let ch = vm.after_channel(s);
    vm.ret1(ch)
}

// ---------------------------------------------------------------- sync objects

fn new_object(vm: &mut Vm, meta: Option<Gc<Table>>, state: SyncObj) -> R {
    let mut t = vm.new_table(0, 0);
    t.meta = meta;
    vm.sched.sync_objects.insert(t.addr(), state);
    vm.ret1(Vm::table_value(t))
}

fn new_mutex(vm: &mut Vm, _a: Args) -> R {
    let meta = vm.sched.mutex_meta;
    new_object(vm, meta, SyncObj::Mutex { locked: false, waiters: VecDeque::new() })
}

fn new_waitgroup(vm: &mut Vm, _a: Args) -> R {
    let meta = vm.sched.waitgroup_meta;
    new_object(vm, meta, SyncObj::WaitGroup { count: 0, waiters: Vec::new() })
}

/// The `self` argument of a sync method: a table of the right kind.
fn check_self(vm: &mut Vm, a: Args, mutex: bool) -> Result<Gc<Table>, RtError> {
    let v = vm.arg(a, 1);
    let meta = if mutex { vm.sched.mutex_meta } else { vm.sched.waitgroup_meta };
    if let Some(t) = value_as::<Table>(v) {
        if t.meta.is_some() && t.meta == meta {
            let ok = matches!(
                (vm.sync_object(t), mutex),
                (Some(SyncObj::Mutex { .. }), true) | (Some(SyncObj::WaitGroup { .. }), false)
            );
            if ok {
                return Ok(t);
            }
        }
    }
    let kind = if mutex { "sync.Mutex" } else { "sync.WaitGroup" };
    Err(vm.type_error(1, kind, v, a.count >= 1))
}

fn mutex_lock(vm: &mut Vm, a: Args) -> R {
    let t = check_self(vm, a, true)?;
    if let Some(SyncObj::Mutex { locked, .. }) = vm.sync_object(t) {
        if !*locked {
            *locked = true;
            return Ok(0);
        }
    }
    let waiter = vm.park_builtin()?;
    if let Some(SyncObj::Mutex { waiters, .. }) = vm.sync_object(t) {
        waiters.push_back(waiter);
    }
    Ok(0)
}

fn mutex_unlock(vm: &mut Vm, a: Args) -> R {
    let t = check_self(vm, a, true)?;
    let mut queue = match vm.sync_object(t) {
        Some(SyncObj::Mutex { locked: true, waiters }) => std::mem::take(waiters),
        _ => return Err(vm.rt_error("sync: unlock of unlocked mutex")),
    };
    // Hand the lock to the first live waiter, or release it.
    let handed = vm.wake_one(&mut queue);
    if let Some(SyncObj::Mutex { locked, waiters }) = vm.sync_object(t) {
        *locked = handed;
        *waiters = queue;
    }
    Ok(0)
}

fn mutex_trylock(vm: &mut Vm, a: Args) -> R {
    let t = check_self(vm, a, true)?;
    let got = match vm.sync_object(t) {
        Some(SyncObj::Mutex { locked, .. }) if !*locked => {
            *locked = true;
            true
        }
        _ => false,
    };
    vm.ret1(Value::bool(got))
}

fn wg_change(vm: &mut Vm, t: Gc<Table>, delta: i64) -> R {
    let released = match vm.sync_object(t) {
        Some(SyncObj::WaitGroup { count, waiters }) => {
            let new = count.checked_add(delta);
            match new {
                Some(n) if n >= 0 => {
                    *count = n;
                    if n == 0 {
                        std::mem::take(waiters)
                    } else {
                        Vec::new()
                    }
                }
                _ => return Err(vm.rt_error("sync: negative WaitGroup counter")),
            }
        }
        _ => Vec::new(),
    };
    vm.wake_all(released);
    Ok(0)
}

fn wg_add(vm: &mut Vm, a: Args) -> R {
    let t = check_self(vm, a, false)?;
    let n = vm.check_int(a, 2)?;
    wg_change(vm, t, n)
}

fn wg_done(vm: &mut Vm, a: Args) -> R {
    let t = check_self(vm, a, false)?;
    wg_change(vm, t, -1)
}

fn wg_wait(vm: &mut Vm, a: Args) -> R {
    let t = check_self(vm, a, false)?;
    if let Some(SyncObj::WaitGroup { count: 0, .. }) = vm.sync_object(t) {
        return Ok(0);
    }
    let waiter = vm.park_builtin()?;
    if let Some(SyncObj::WaitGroup { waiters, .. }) = vm.sync_object(t) {
        waiters.push(waiter);
    }
    Ok(0)
}
