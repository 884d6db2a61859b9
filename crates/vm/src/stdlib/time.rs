//! The `time` module (spec 12.10). Time values are plain tables (`year`, `month`, `day`,
//! `hour`, `min`, `sec`, `nsec`, `unix`, `weekday`, `yearday`, `tz`); functions taking one
//! read only its `unix` field and, for formatting/`add`, its `tz` (`"UTC"` or local).
//!
//! TODO(goroutines): `time.sleep` is a plain blocking `std::thread::sleep` for now; it must
//! become a scheduler-aware sleep (blocking only the calling goroutine, waking in deadline
//! order), and `time.after(seconds)` (a capacity-1 channel receiving `time.now()` once) is
//! still to be added by the goroutines engineer — register it in `open` below.

use crate::error::RtError;
use crate::function::Args;
use crate::object::value_as;
use crate::stdlib::strftime::{self, Tm};
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;

type R = Result<usize, RtError>;

pub fn open(vm: &mut Vm) {
    let t = vm.new_table(0, 24);
    let funcs: &[(&'static str, &'static str, crate::function::NativeFn)] = &[
        ("now", "time.now", now),
        ("unix", "time.unix", unix),
        ("date", "time.date", date),
        ("since", "time.since", since),
        ("diff", "time.diff", diff),
        ("add", "time.add", add),
        ("isBefore", "time.isBefore", is_before),
        ("isAfter", "time.isAfter", is_after),
        ("weekday", "time.weekday", weekday),
        ("month", "time.month", month),
        ("format", "time.format", format),
        ("parse", "time.parse", parse),
        ("sleep", "time.sleep", sleep),
    ];
    for &(name, q, f) in funcs {
        vm.register(t, name, q, f);
    }
    for (k, v) in [("SECOND", 1.0), ("MINUTE", 60.0), ("HOUR", 3600.0), ("DAY", 86400.0)] {
        vm.set_field(t, k, Value::float(v));
    }
    vm.set_field(vm.globals, "time", Vm::table_value(t));
}

/// An instant: whole seconds since the epoch and nanoseconds.
#[derive(Clone, Copy)]
struct Instant {
    secs: i64,
    nsec: u32,
}

impl Instant {
    fn from_f64(x: f64) -> Instant {
        if !x.is_finite() {
            return Instant { secs: 0, nsec: 0 };
        }
        let secs = x.floor();
        let nsec = ((x - secs) * 1e9).round().clamp(0.0, 999_999_999.0) as u32;
        let secs = if secs >= 9.2e18 {
            i64::MAX
        } else if secs <= -9.2e18 {
            i64::MIN
        } else {
            secs as i64
        };
        Instant { secs, nsec }
    }

    fn now() -> Instant {
        match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => Instant { secs: d.as_secs() as i64, nsec: d.subsec_nanos() },
            Err(_) => Instant { secs: 0, nsec: 0 },
        }
    }

    fn unix(self) -> f64 {
        self.secs as f64 + f64::from(self.nsec) / 1e9
    }
}

/// Broken-down time of an instant in UTC or local time (UTC's zone is named `UTC`).
fn broken_down(secs: i64, utc: bool) -> Option<Tm> {
    if utc {
        let mut tm = strftime::utc_tm(secs)?;
        tm.zone = "UTC".to_string();
        Some(tm)
    } else {
        strftime::local_tm(secs)
    }
}

/// Pushes a new time value.
fn ret_time(vm: &mut Vm, at: Instant, utc: bool) -> R {
    let Some(tm) = broken_down(at.secs, utc) else {
        return Err(vm.rt_error("time result cannot be represented in this installation"));
    };
    let t = vm.new_table(0, 12);
    let fields: [(&str, i64); 9] = [
        ("year", tm.year),
        ("month", i64::from(tm.month)),
        ("day", i64::from(tm.day)),
        ("hour", i64::from(tm.hour)),
        ("min", i64::from(tm.min)),
        ("sec", i64::from(tm.sec)),
        ("nsec", i64::from(at.nsec)),
        ("weekday", i64::from(tm.wday)),
        ("yearday", i64::from(tm.yday)),
    ];
    for (k, v) in fields {
        let v = vm.int(v);
        vm.set_field(t, k, v);
    }
    vm.set_field(t, "unix", Value::float(at.unix()));
    let tz = vm.str_value(tm.zone.as_bytes());
    vm.set_field(t, "tz", tz);
    vm.ret1(Vm::table_value(t))
}

/// Argument `n` as a time value: its instant and whether it is UTC.
fn check_time(vm: &mut Vm, a: Args, n: usize) -> Result<(Instant, bool), RtError> {
    let v = vm.arg(a, n);
    if let Some(t) = value_as::<Table>(v) {
        let unix = vm.get_field(t, "unix");
        if let Some(x) = unix.to_f64() {
            let tz = vm.get_field(t, "tz");
            let utc = Vm::str_bytes(tz) == Some(b"UTC");
            return Ok((Instant::from_f64(x), utc));
        }
    }
    Err(vm.arg_error(n, "time value expected"))
}

/// The `unix` seconds of argument `n` (a time value).
fn unix_of(vm: &mut Vm, a: Args, n: usize) -> Result<f64, RtError> {
    let v = vm.arg(a, n);
    if let Some(t) = value_as::<Table>(v) {
        if let Some(x) = vm.get_field(t, "unix").to_f64() {
            return Ok(x);
        }
    }
    Err(vm.arg_error(n, "time value expected"))
}

fn now(vm: &mut Vm, _a: Args) -> R {
    ret_time(vm, Instant::now(), false)
}

fn unix(vm: &mut Vm, a: Args) -> R {
    let sec = vm.check_f64(a, 1)?;
    let nsec = vm.opt_int(a, 2, 0)?;
    let mut at = Instant::from_f64(sec);
    let extra = i128::from(at.nsec) + i128::from(nsec);
    let carry = extra.div_euclid(1_000_000_000);
    at.nsec = extra.rem_euclid(1_000_000_000) as u32;
    at.secs = i64::try_from(i128::from(at.secs) + carry).unwrap_or(at.secs);
    ret_time(vm, at, true)
}

fn date(vm: &mut Vm, a: Args) -> R {
    let year = vm.check_int(a, 1)?;
    let month = vm.check_int(a, 2)?;
    let day = vm.check_int(a, 3)?;
    let hour = vm.opt_int(a, 4, 0)?;
    let min = vm.opt_int(a, 5, 0)?;
    let sec = vm.opt_int(a, 6, 0)?;
    match strftime::timegm(year, month, day, hour, min, sec) {
        Some(secs) => ret_time(vm, Instant { secs, nsec: 0 }, true),
        None => Err(vm.rt_error("time result cannot be represented in this installation")),
    }
}

fn since(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    let start = if let Some(x) = v.to_f64() { x } else { unix_of(vm, a, 1)? };
    vm.ret1(Value::float(Instant::now().unix() - start))
}

fn diff(vm: &mut Vm, a: Args) -> R {
    let t1 = unix_of(vm, a, 1)?;
    let t2 = unix_of(vm, a, 2)?;
    vm.ret1(Value::float(t2 - t1))
}

fn add(vm: &mut Vm, a: Args) -> R {
    let (at, utc) = check_time(vm, a, 1)?;
    let d = vm.check_f64(a, 2)?;
    let whole = d.trunc();
    let frac_ns = ((d - whole) * 1e9).round() as i64;
    let total_ns = i128::from(at.nsec) + i128::from(frac_ns);
    let secs = i128::from(at.secs) + whole as i128 + total_ns.div_euclid(1_000_000_000);
    let Ok(secs) = i64::try_from(secs) else {
        return Err(vm.rt_error("time result cannot be represented in this installation"));
    };
    ret_time(vm, Instant { secs, nsec: total_ns.rem_euclid(1_000_000_000) as u32 }, utc)
}

fn is_before(vm: &mut Vm, a: Args) -> R {
    let t1 = unix_of(vm, a, 1)?;
    let t2 = unix_of(vm, a, 2)?;
    vm.ret1(Value::bool(t1 < t2))
}

fn is_after(vm: &mut Vm, a: Args) -> R {
    let t1 = unix_of(vm, a, 1)?;
    let t2 = unix_of(vm, a, 2)?;
    vm.ret1(Value::bool(t1 > t2))
}

fn tm_of(vm: &mut Vm, a: Args, n: usize) -> Result<(Tm, Instant), RtError> {
    let (at, utc) = check_time(vm, a, n)?;
    match broken_down(at.secs, utc) {
        Some(tm) => Ok((tm, at)),
        None => Err(vm.rt_error("time result cannot be represented in this installation")),
    }
}

fn weekday(vm: &mut Vm, a: Args) -> R {
    let (tm, _) = tm_of(vm, a, 1)?;
    let s = vm.str_value(strftime::weekday_name(tm.wday).as_bytes());
    vm.ret1(s)
}

fn month(vm: &mut Vm, a: Args) -> R {
    let (tm, _) = tm_of(vm, a, 1)?;
    let s = vm.str_value(strftime::month_name(tm.month).as_bytes());
    vm.ret1(s)
}

fn format(vm: &mut Vm, a: Args) -> R {
    let (tm, at) = tm_of(vm, a, 1)?;
    let layout = vm.check_bytes(a, 2)?;
    let mut out = Vec::new();
    if layout.contains(&b'%') {
        if let Err(m) = strftime::strftime(layout, &tm, &mut out) {
            return Err(vm.arg_error(2, m));
        }
    } else {
        strftime::format_go_layout(&tm, at.nsec, layout, &mut out);
    }
    let v = vm.string_value_owned(out);
    vm.ret1(v)
}

fn parse(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let layout = vm.check_bytes(a, 2)?;
    match strftime::parse_time(s, layout) {
        Ok(p) => ret_time(vm, Instant { secs: p.unix, nsec: p.nsec }, true),
        Err(m) => {
            let m = vm.str_value(m.as_bytes());
            vm.ret(&[Value::NIL, m])
        }
    }
}

fn sleep(vm: &mut Vm, a: Args) -> R {
    let secs = vm.check_f64(a, 1)?;
    if secs > 0.0 {
        // TODO(goroutines): block only the calling goroutine.
        vm.flush_stdout();
        std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(1e9)));
    }
    Ok(0)
}
