//! The `os` library (spec 12.8): Lua 5.4's `clock`, `date`, `difftime`, `exit`, `getenv`,
//! `remove`, `rename`, `time`, `tmpname`, plus the GScript extras `setenv`, `unsetenv`,
//! `args`, `hostname`, `getpid`, `expand`. Calendar work is done by the `strftime` engine.

use crate::error::RtError;
use crate::function::Args;
use crate::number::{self, Num};
use crate::stdlib::strftime::{self, Tm};
use crate::stdlib::tablelib::raw_seti;
use crate::value::Value;
use crate::vm::Vm;

type R = Result<usize, RtError>;

pub fn open(vm: &mut Vm) {
    let t = vm.new_table(0, 24);
    let funcs: &[(&'static str, &'static str, crate::function::NativeFn)] = &[
        ("clock", "os.clock", clock),
        ("date", "os.date", date),
        ("difftime", "os.difftime", difftime),
        ("exit", "os.exit", exit),
        ("getenv", "os.getenv", getenv),
        ("remove", "os.remove", remove),
        ("rename", "os.rename", rename),
        ("time", "os.time", time),
        ("tmpname", "os.tmpname", tmpname),
        ("setenv", "os.setenv", setenv),
        ("unsetenv", "os.unsetenv", unsetenv),
        ("args", "os.args", args),
        ("hostname", "os.hostname", hostname),
        ("getpid", "os.getpid", getpid),
        ("expand", "os.expand", expand),
    ];
    for &(name, q, f) in funcs {
        vm.register(t, name, q, f);
    }
    vm.set_field(vm.globals, "os", Vm::table_value(t));
}

#[cfg(unix)]
extern "C" {
    #[link_name = "clock"]
    fn c_clock() -> std::os::raw::c_long;
    fn gethostname(name: *mut std::os::raw::c_char, len: usize) -> std::os::raw::c_int;
}

fn clock_(vm: &mut Vm) -> R {
    #[cfg(unix)]
    // SAFETY: C `clock()` has no preconditions.
    let secs = unsafe { c_clock() } as f64 / 1_000_000.0;
    #[cfg(not(unix))]
    let secs = 0.0;
    vm.ret1(Value::float(secs))
}

fn clock(vm: &mut Vm, _a: Args) -> R {
    clock_(vm)
}

/// Seconds since the epoch, now.
pub fn now_secs() -> i64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

/// Stores the `*t` fields of `tm` into table `t` (raw).
pub fn set_date_fields(vm: &mut Vm, t: crate::object::Gc<crate::table::Table>, tm: &Tm) {
    let fields: [(&str, i64); 8] = [
        ("year", tm.year),
        ("month", i64::from(tm.month)),
        ("day", i64::from(tm.day)),
        ("hour", i64::from(tm.hour)),
        ("min", i64::from(tm.min)),
        ("sec", i64::from(tm.sec)),
        ("yday", i64::from(tm.yday)),
        ("wday", i64::from(tm.wday) + 1),
    ];
    for (k, v) in fields {
        let v = vm.int(v);
        vm.set_field(t, k, v);
    }
    vm.set_field(t, "isdst", Value::bool(tm.isdst));
}

fn date(vm: &mut Vm, a: Args) -> R {
    let fmt = vm.opt_bytes(a, 1, b"%c")?;
    let t = if vm.arg(a, 2).is_nil() { now_secs() } else { vm.check_int(a, 2)? };
    let (utc, fmt) = match fmt.strip_prefix(b"!") {
        Some(rest) => (true, rest),
        None => (false, fmt),
    };
    let tm = if utc { strftime::utc_tm(t) } else { strftime::local_tm(t) };
    let Some(tm) = tm else {
        return Err(vm.rt_error("date result cannot be represented in this installation"));
    };
    if fmt.starts_with(b"*t") {
        let t = vm.new_table(0, 9);
        set_date_fields(vm, t, &tm);
        return vm.ret1(Vm::table_value(t));
    }
    let mut out = Vec::new();
    if let Err(m) = strftime::strftime(fmt, &tm, &mut out) {
        return Err(vm.arg_error(1, m));
    }
    let v = vm.string_value_owned(out);
    vm.ret1(v)
}

fn difftime(vm: &mut Vm, a: Args) -> R {
    let t2 = vm.check_int(a, 1)?;
    let t1 = vm.check_int(a, 2)?;
    vm.ret1(Value::float(t2 as f64 - t1 as f64))
}

fn exit(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    let code = if let Some(b) = v.as_bool() {
        if b {
            0
        } else {
            1
        }
    } else {
        vm.opt_int(a, 1, 0)? as i32
    };
    vm.flush_stdout();
    super::io::flush_all();
    std::process::exit(code)
}

fn getenv(vm: &mut Vm, a: Args) -> R {
    let name = vm.check_bytes(a, 1)?;
    let name = String::from_utf8_lossy(name).into_owned();
    match std::env::var_os(&name) {
        Some(v) => {
            let v = vm.str_value(os_bytes(&v));
            vm.ret1(v)
        }
        None => vm.ret1(Value::NIL),
    }
}

#[cfg(unix)]
fn os_bytes(s: &std::ffi::OsStr) -> &[u8] {
    use std::os::unix::ffi::OsStrExt;
    s.as_bytes()
}

#[cfg(not(unix))]
fn os_bytes(s: &std::ffi::OsStr) -> &[u8] {
    s.to_str().map(|s| s.as_bytes()).unwrap_or(b"")
}

/// `luaL_fileresult` on failure: fail, message, errno.
fn file_fail(vm: &mut Vm, e: &std::io::Error, name: Option<&str>) -> R {
    let reason = super::os_error_reason(e);
    let msg = match name {
        Some(n) => format!("{}: {}", n, reason),
        None => reason,
    };
    let m = vm.str_value(msg.as_bytes());
    let code = Value::inline_int(i64::from(e.raw_os_error().unwrap_or(0)));
    vm.ret(&[Value::NIL, m, code])
}

fn remove(vm: &mut Vm, a: Args) -> R {
    let name = vm.check_bytes(a, 1)?;
    let name = String::from_utf8_lossy(name).into_owned();
    // C remove(): rmdir for directories, unlink otherwise.
    let r = if std::path::Path::new(&name).is_dir() { std::fs::remove_dir(&name) } else { std::fs::remove_file(&name) };
    match r {
        Ok(()) => vm.ret1(Value::TRUE),
        Err(e) => file_fail(vm, &e, Some(&name)),
    }
}

fn rename(vm: &mut Vm, a: Args) -> R {
    let old = vm.check_bytes(a, 1)?;
    let new = vm.check_bytes(a, 2)?;
    let (old, new) = (String::from_utf8_lossy(old).into_owned(), String::from_utf8_lossy(new).into_owned());
    match std::fs::rename(&old, &new) {
        Ok(()) => vm.ret1(Value::TRUE),
        Err(e) => file_fail(vm, &e, None),
    }
}

/// Lua's `getfield` for os.time: an integer field (with `__index`), default `d` (None:
/// required), range-checked against a C int after subtracting `delta`.
fn time_field(vm: &mut Vm, t: Value, key: &str, d: Option<i64>, delta: i64) -> Result<i64, RtError> {
    let k = vm.str_value(key.as_bytes());
    let v = vm.index_value(t, k)?;
    let n = if let Some(i) = v.as_int() {
        Some(i)
    } else if let Some(f) = v.as_float() {
        number::float_to_int(f)
    } else {
        match Vm::str_bytes(v).and_then(number::parse_number) {
            Some(Num::Int(i)) => Some(i),
            Some(Num::Float(f)) => number::float_to_int(f),
            None => None,
        }
    };
    match n {
        None if !v.is_nil() => Err(vm.rt_error(format!("field '{}' is not an integer", key))),
        None => match d {
            Some(d) => Ok(d),
            None => Err(vm.rt_error(format!("field '{}' missing in date table", key))),
        },
        Some(i) => {
            if strftime::tm_field(i, delta).is_none() {
                return Err(vm.rt_error(format!("field '{}' is out-of-bound", key)));
            }
            Ok(i)
        }
    }
}

fn time(vm: &mut Vm, a: Args) -> R {
    if vm.arg(a, 1).is_nil() {
        let t = vm.int(now_secs());
        return vm.ret1(t);
    }
    let tv = vm.arg(a, 1);
    let t = vm.check_table(a, 1)?;
    let year = time_field(vm, tv, "year", None, 1900)?;
    let month = time_field(vm, tv, "month", None, 1)?;
    let day = time_field(vm, tv, "day", None, 0)?;
    let hour = time_field(vm, tv, "hour", Some(12), 0)?;
    let min = time_field(vm, tv, "min", Some(0), 0)?;
    let sec = time_field(vm, tv, "sec", Some(0), 0)?;
    let k = vm.str_value(b"isdst");
    let dst = vm.index_value(tv, k)?;
    let isdst = if dst.is_nil() { None } else { Some(dst.is_truthy()) };
    let Some((secs, tm)) = strftime::mktime_local(year, month, day, hour, min, sec, isdst) else {
        return Err(vm.rt_error("time result cannot be represented in this installation"));
    };
    set_date_fields(vm, t, &tm);
    let r = vm.int(secs);
    vm.ret1(r)
}

fn tmpname(vm: &mut Vm, _a: Args) -> R {
    let dir = std::env::temp_dir();
    let mut seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0) ^ u64::from(std::process::id()) << 32;
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for _ in 0..100 {
        let mut name = String::from("lua_");
        for _ in 0..6 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            name.push(CHARS[(seed >> 33) as usize % CHARS.len()] as char);
        }
        let path = dir.join(name);
        if std::fs::OpenOptions::new().write(true).create_new(true).open(&path).is_ok() {
            let p = path.to_string_lossy().into_owned();
            let v = vm.str_value(p.as_bytes());
            return vm.ret1(v);
        }
    }
    Err(vm.rt_error("unable to generate a unique filename"))
}

fn setenv(vm: &mut Vm, a: Args) -> R {
    let name = vm.check_bytes(a, 1)?;
    let name = String::from_utf8_lossy(name).into_owned();
    if name.is_empty() || name.contains('=') || name.contains('\0') {
        return Err(vm.arg_error(1, "invalid variable name"));
    }
    if vm.arg(a, 2).is_nil() {
        std::env::remove_var(&name);
    } else {
        let value = vm.check_bytes(a, 2)?;
        if value.contains(&0) {
            return Err(vm.arg_error(2, "string contains zeros"));
        }
        std::env::set_var(&name, String::from_utf8_lossy(value).as_ref());
    }
    vm.ret1(Value::TRUE)
}

fn unsetenv(vm: &mut Vm, a: Args) -> R {
    let name = vm.check_bytes(a, 1)?;
    let name = String::from_utf8_lossy(name).into_owned();
    if !name.is_empty() && !name.contains('=') && !name.contains('\0') {
        std::env::remove_var(&name);
    }
    vm.ret1(Value::TRUE)
}

fn args(vm: &mut Vm, _a: Args) -> R {
    let items: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let t = vm.new_table(items.len(), 0);
    for (i, s) in items.iter().enumerate() {
        let v = vm.str_value(os_bytes(s));
        raw_seti(vm, t, i as i64 + 1, v);
    }
    vm.ret1(Vm::table_value(t))
}

fn hostname(vm: &mut Vm, _a: Args) -> R {
    let mut buf = [0u8; 256];
    #[cfg(unix)]
    // SAFETY: the buffer is valid for its length; gethostname NUL-terminates within it or
    // truncates (we stop at the first NUL or the end).
    let ok = unsafe { gethostname(buf.as_mut_ptr() as *mut std::os::raw::c_char, buf.len()) } == 0;
    #[cfg(not(unix))]
    let ok = false;
    let name: &[u8] = if ok { &buf[..buf.iter().position(|&b| b == 0).unwrap_or(buf.len())] } else { b"localhost" };
    let v = vm.str_value(name);
    vm.ret1(v)
}

fn getpid(vm: &mut Vm, _a: Args) -> R {
    vm.ret1(Value::inline_int(i64::from(std::process::id())))
}

fn env_value(name: &[u8]) -> Vec<u8> {
    let name = String::from_utf8_lossy(name).into_owned();
    std::env::var_os(name).map(|v| os_bytes(&v).to_vec()).unwrap_or_default()
}

fn expand(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    let is_start = |b: u8| b.is_ascii_alphabetic() || b == b'_';
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] != b'$' {
            out.push(s[i]);
            i += 1;
            continue;
        }
        let rest = &s[i + 1..];
        if rest.first() == Some(&b'{') {
            let name_len = rest[1..].iter().take_while(|&&b| is_name(b)).count();
            let name = &rest[1..1 + name_len];
            if name_len > 0 && is_start(name[0]) && rest.get(1 + name_len) == Some(&b'}') {
                out.extend_from_slice(&env_value(name));
                i += 1 + name_len + 2;
                continue;
            }
        } else if rest.first().is_some_and(|&b| is_start(b)) {
            let name_len = rest.iter().take_while(|&&b| is_name(b)).count();
            out.extend_from_slice(&env_value(&rest[..name_len]));
            i += 1 + name_len;
            continue;
        }
        out.push(b'$');
        i += 1;
    }
    let v = vm.string_value_owned(out);
    vm.ret1(v)
}
