//! The `io` library (spec 12.9): Lua 5.4's io without `popen`/`tmpfile`.
//!
//! Files are library objects (spec 12.0.4): tables sharing the `FILE*` metatable, whose
//! hidden native state is a [`Handle`] in a per-thread slab, found through a hidden key (the
//! registry table, which scripts cannot reach) holding the slab index. Handles are buffered
//! here (read buffer with Lua's `ungetc`-like peeking, write buffer with `setvbuf` modes);
//! standard output goes through `vm.stdout` so it interleaves correctly with `print`, and
//! standard error is unbuffered. Reading standard input flushes standard output first.

use crate::error::RtError;
use crate::function::{Args, NativeKind};
use crate::number;
use crate::object::value_as;
use crate::stdlib::os_error_reason;
use crate::stdlib::string::running_native;
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;
use std::sync::Mutex;
use std::io::{Read, Seek, SeekFrom, Write};

type R = Result<usize, RtError>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Stdin,
    Stdout,
    Stderr,
    File,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum VBuf {
    No,
    Line,
    Full,
}

/// The native state of one open (or closed) file.
struct Handle {
    kind: Kind,
    file: Option<std::fs::File>,
    closed: bool,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    vbuf: VBuf,
}

/// Every handle ever opened, indexed by id (ids are never reused). A process-wide table so
/// that an `atexit` hook can flush pending output however the program ends.
static FILES: Mutex<Vec<Handle>> = Mutex::new(Vec::new());

fn files() -> std::sync::MutexGuard<'static, Vec<Handle>> {
    FILES.lock().unwrap_or_else(|e| e.into_inner())
}

const READ_CHUNK: usize = 16 * 1024;
/// Lua's L_MAXLENNUM: longest numeral `read("n")` accepts.
const MAX_NUMERAL: usize = 200;

impl Handle {
    fn new(kind: Kind, file: Option<std::fs::File>) -> Handle {
        let vbuf = if kind == Kind::Stderr { VBuf::No } else { VBuf::Full };
        Handle { kind, file, closed: false, rbuf: Vec::new(), rpos: 0, wbuf: Vec::new(), vbuf }
    }

    /// Refills the read buffer if empty; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.rpos < self.rbuf.len() {
            return Ok(true);
        }
        self.flush_writes()?;
        self.rbuf.clear();
        self.rpos = 0;
        self.rbuf.resize(READ_CHUNK, 0);
        let n = loop {
            let r = match self.kind {
                Kind::Stdin => std::io::stdin().read(&mut self.rbuf),
                Kind::File => match self.file.as_mut() {
                    Some(f) => f.read(&mut self.rbuf),
                    None => Ok(0),
                },
                Kind::Stdout | Kind::Stderr => Err(std::io::Error::from_raw_os_error(9)),
            };
            match r {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.rbuf.clear();
                    return Err(e);
                }
                Ok(n) => break n,
            }
        };
        self.rbuf.truncate(n);
        Ok(n > 0)
    }

    fn peek(&mut self) -> std::io::Result<Option<u8>> {
        if !self.fill()? {
            return Ok(None);
        }
        Ok(self.rbuf.get(self.rpos).copied())
    }

    fn line(&mut self, keep_newline: bool) -> std::io::Result<Option<Vec<u8>>> {
        let mut out = Vec::new();
        let mut any = false;
        while self.fill()? {
            any = true;
            let avail = &self.rbuf[self.rpos..];
            if let Some(i) = avail.iter().position(|&b| b == b'\n') {
                out.extend_from_slice(&avail[..if keep_newline { i + 1 } else { i }]);
                self.rpos += i + 1;
                return Ok(Some(out));
            }
            out.extend_from_slice(avail);
            self.rpos = self.rbuf.len();
        }
        Ok(if any { Some(out) } else { None })
    }

    fn all(&mut self) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        while self.fill()? {
            out.extend_from_slice(&self.rbuf[self.rpos..]);
            self.rpos = self.rbuf.len();
        }
        Ok(out)
    }

    fn chars(&mut self, k: usize) -> std::io::Result<Option<Vec<u8>>> {
        let mut out = Vec::new();
        while out.len() < k && self.fill()? {
            let avail = &self.rbuf[self.rpos..];
            let take = avail.len().min(k - out.len());
            out.extend_from_slice(&avail[..take]);
            self.rpos += take;
        }
        Ok(if out.is_empty() { None } else { Some(out) })
    }

    /// Lua's `read_number` (`l_getn`): reads the longest prefix that looks like a numeral.
    fn number(&mut self) -> std::io::Result<Option<number::Num>> {
        let mut buf: Vec<u8> = Vec::new();
        let mut ok = true;
        while let Some(c) = self.peek()? {
            if number::is_lua_space(c) {
                self.rpos += 1;
            } else {
                break;
            }
        }
        // `test2`: accepts the current byte if it is in `set`.
        let test2 = |h: &mut Handle, set: &[u8], buf: &mut Vec<u8>, ok: &mut bool| -> std::io::Result<bool> {
            match h.peek()? {
                Some(c) if set.contains(&c) => {
                    if buf.len() >= MAX_NUMERAL {
                        *ok = false;
                        return Ok(false);
                    }
                    buf.push(c);
                    h.rpos += 1;
                    Ok(true)
                }
                _ => Ok(false),
            }
        };
        let read_digits = |h: &mut Handle, hex: bool, buf: &mut Vec<u8>, ok: &mut bool| -> std::io::Result<usize> {
            let mut n = 0;
            while let Some(c) = h.peek()? {
                let is_digit = if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() };
                if !is_digit {
                    break;
                }
                if buf.len() >= MAX_NUMERAL {
                    *ok = false;
                    break;
                }
                buf.push(c);
                h.rpos += 1;
                n += 1;
            }
            Ok(n)
        };
        test2(self, b"-+", &mut buf, &mut ok)?;
        let mut count = 0;
        let mut hex = false;
        if test2(self, b"0", &mut buf, &mut ok)? {
            if test2(self, b"xX", &mut buf, &mut ok)? {
                hex = true;
            } else {
                count = 1;
            }
        }
        count += read_digits(self, hex, &mut buf, &mut ok)?;
        if test2(self, b".", &mut buf, &mut ok)? {
            count += read_digits(self, hex, &mut buf, &mut ok)?;
        }
        if count > 0 && test2(self, if hex { b"pP" } else { b"eE" }, &mut buf, &mut ok)? {
            test2(self, b"-+", &mut buf, &mut ok)?;
            read_digits(self, false, &mut buf, &mut ok)?;
        }
        Ok(if ok { number::parse_number(&buf) } else { None })
    }

    /// Writes pending output of a regular file.
    fn flush_writes(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.wbuf);
        match self.file.as_mut() {
            Some(f) => f.write_all(&data),
            None => Ok(()),
        }
    }

    /// Drops buffered input, moving the file position back to the logical position.
    fn drop_reads(&mut self) -> std::io::Result<()> {
        let unread = self.rbuf.len() - self.rpos;
        self.rbuf.clear();
        self.rpos = 0;
        if unread > 0 {
            if let Some(f) = self.file.as_mut() {
                f.seek(SeekFrom::Current(-(unread as i64)))?;
            }
        }
        Ok(())
    }
}

fn with_handle<T>(id: usize, f: impl FnOnce(&mut Handle) -> T) -> Option<T> {
    files().get_mut(id).map(f)
}

fn new_handle(h: Handle) -> usize {
    let mut fs = files();
    fs.push(h);
    fs.len() - 1
}

// ---- file objects ----

fn hidden_key(vm: &Vm) -> Value {
    Vm::table_value(vm.registry)
}

/// Creates the table object for handle `id`.
fn file_object(vm: &mut Vm, id: usize) -> Value {
    let mut t = vm.new_table(0, 1);
    let k = hidden_key(vm);
    t.set(k, Value::inline_int(id as i64));
    let meta = vm.get_field(vm.registry, "FILE*");
    t.meta = value_as::<Table>(meta);
    Vm::table_value(t)
}

/// The handle id of a file object.
fn file_id(vm: &Vm, v: Value) -> Option<usize> {
    let t = value_as::<Table>(v)?;
    let id = t.get(hidden_key(vm)).as_int()?;
    usize::try_from(id).ok()
}

fn is_closed(id: usize) -> bool {
    with_handle(id, |h| h.closed).unwrap_or(true)
}

/// Argument `n` as an open file (`FILE* expected`, `attempt to use a closed file`).
fn check_file(vm: &mut Vm, a: Args, n: usize) -> Result<usize, RtError> {
    let v = vm.arg(a, n);
    let Some(id) = file_id(vm, v) else {
        return Err(vm.type_error(n, "FILE*", v, n <= a.count));
    };
    if is_closed(id) {
        return Err(vm.rt_error("attempt to use a closed file"));
    }
    Ok(id)
}

pub fn open(vm: &mut Vm) {
    register_exit_flush();
    let io = vm.new_table(0, 16);
    let funcs: &[(&'static str, &'static str, crate::function::NativeFn)] = &[
        ("open", "io.open", io_open),
        ("close", "io.close", io_close),
        ("flush", "io.flush", io_flush),
        ("input", "io.input", io_input),
        ("output", "io.output", io_output),
        ("lines", "io.lines", io_lines),
        ("read", "io.read", io_read),
        ("write", "io.write", io_write),
        ("type", "io.type", io_type),
    ];
    for &(name, q, f) in funcs {
        vm.register(io, name, q, f);
    }
    let methods = vm.new_table(0, 8);
    let mfuncs: &[(&'static str, &'static str, crate::function::NativeFn)] = &[
        ("close", "close", f_close),
        ("flush", "flush", f_flush),
        ("lines", "lines", f_lines),
        ("read", "read", f_read),
        ("seek", "seek", f_seek),
        ("setvbuf", "setvbuf", f_setvbuf),
        ("write", "write", f_write),
    ];
    for &(name, q, f) in mfuncs {
        vm.register(methods, name, q, f);
    }
    let meta = vm.new_table(0, 4);
    vm.set_field(meta, "__index", Vm::table_value(methods));
    let name = vm.str_value(b"FILE*");
    vm.set_field(meta, "__name", name);
    vm.register(meta, "__tostring", "tostring", f_tostring);
    vm.set_field(vm.registry, "FILE*", Vm::table_value(meta));
    for (field, kind) in [("stdin", Kind::Stdin), ("stdout", Kind::Stdout), ("stderr", Kind::Stderr)] {
        let id = new_handle(Handle::new(kind, None));
        let f = file_object(vm, id);
        vm.set_field(io, field, f);
        match kind {
            Kind::Stdin => vm.set_field(vm.registry, "io.input", f),
            Kind::Stdout => vm.set_field(vm.registry, "io.output", f),
            _ => {}
        }
    }
    vm.set_field(vm.globals, "io", Vm::table_value(io));
}

/// Pushes Lua's `luaL_fileresult` failure: fail, "[PREFIX: ]REASON", errno.
fn fail_result(vm: &mut Vm, e: &std::io::Error, prefix: Option<&str>) -> R {
    let reason = os_error_reason(e);
    let msg = match prefix {
        Some(p) => format!("{}: {}", p, reason),
        None => reason,
    };
    let m = vm.str_value(msg.as_bytes());
    let code = Value::inline_int(i64::from(e.raw_os_error().unwrap_or(0)));
    vm.ret(&[Value::NIL, m, code])
}

fn open_file(name: &str, mode: &[u8]) -> std::io::Result<std::fs::File> {
    let plus = mode.get(1) == Some(&b'+');
    let mut o = std::fs::OpenOptions::new();
    match mode.first() {
        Some(b'r') => o.read(true).write(plus),
        Some(b'w') => o.write(true).create(true).truncate(true).read(plus),
        _ => o.append(true).create(true).read(plus),
    };
    o.open(name)
}

/// Lua's `l_checkmode`: `[rwa]%+?b*`.
fn valid_mode(mode: &[u8]) -> bool {
    let Some((&first, mut rest)) = mode.split_first() else { return false };
    if !b"rwa".contains(&first) {
        return false;
    }
    if rest.first() == Some(&b'+') {
        rest = &rest[1..];
    }
    rest.iter().all(|&b| b == b'b')
}

fn io_open(vm: &mut Vm, a: Args) -> R {
    let name = vm.check_bytes(a, 1)?;
    let mode = vm.opt_bytes(a, 2, b"r")?;
    if !valid_mode(mode) {
        return Err(vm.arg_error(2, "invalid mode"));
    }
    let name = String::from_utf8_lossy(name).into_owned();
    match open_file(&name, mode) {
        Ok(f) => {
            let id = new_handle(Handle::new(Kind::File, Some(f)));
            let v = file_object(vm, id);
            vm.ret1(v)
        }
        Err(e) => fail_result(vm, &e, Some(&name)),
    }
}

/// Opens `name` or raises `cannot open file 'NAME' (REASON)`.
fn open_or_raise(vm: &mut Vm, name: &[u8], mode: &[u8]) -> Result<Value, RtError> {
    let name = String::from_utf8_lossy(name).into_owned();
    match open_file(&name, mode) {
        Ok(f) => {
            let id = new_handle(Handle::new(Kind::File, Some(f)));
            Ok(file_object(vm, id))
        }
        Err(e) => Err(vm.rt_error(format!("cannot open file '{}' ({})", name, os_error_reason(&e)))),
    }
}

fn close_id(vm: &mut Vm, id: usize) -> R {
    let kind = with_handle(id, |h| h.kind).unwrap_or(Kind::File);
    if kind != Kind::File {
        let m = vm.str_value(b"cannot close standard file");
        return vm.ret(&[Value::NIL, m]);
    }
    let r = with_handle(id, |h| {
        let r = h.flush_writes();
        h.closed = true;
        h.file = None;
        h.rbuf = Vec::new();
        h.rpos = 0;
        r
    });
    match r {
        Some(Err(e)) => fail_result(vm, &e, None),
        _ => vm.ret1(Value::TRUE),
    }
}

fn f_close(vm: &mut Vm, a: Args) -> R {
    let id = check_file(vm, a, 1)?;
    close_id(vm, id)
}

fn default_file(vm: &mut Vm, which: &str) -> Result<usize, RtError> {
    let v = vm.get_field(vm.registry, which);
    let Some(id) = file_id(vm, v) else {
        return Err(vm.rt_error("default file is not a file"));
    };
    if is_closed(id) {
        let kind = if which == "io.input" { "input" } else { "output" };
        return Err(vm.rt_error(format!("default {} file is closed", kind)));
    }
    Ok(id)
}

fn io_close(vm: &mut Vm, a: Args) -> R {
    if vm.arg(a, 1).is_nil() {
        let id = default_file(vm, "io.output")?;
        return close_id(vm, id);
    }
    f_close(vm, a)
}

fn flush_id(vm: &mut Vm, id: usize) -> std::io::Result<()> {
    match with_handle(id, |h| h.kind) {
        Some(Kind::Stdout) => vm.stdout.flush(),
        Some(Kind::File) => with_handle(id, |h| h.flush_writes().and_then(|_| h.file.as_mut().map_or(Ok(()), |f| f.flush()))).unwrap_or(Ok(())),
        _ => Ok(()),
    }
}

fn f_flush(vm: &mut Vm, a: Args) -> R {
    let id = check_file(vm, a, 1)?;
    match flush_id(vm, id) {
        Ok(()) => {
            let f = vm.arg(a, 1);
            vm.ret1(f)
        }
        Err(e) => fail_result(vm, &e, None),
    }
}

fn io_flush(vm: &mut Vm, _a: Args) -> R {
    let id = default_file(vm, "io.output")?;
    match flush_id(vm, id) {
        Ok(()) => {
            let f = vm.get_field(vm.registry, "io.output");
            vm.ret1(f)
        }
        Err(e) => fail_result(vm, &e, None),
    }
}

fn set_default(vm: &mut Vm, a: Args, which: &str, mode: &[u8]) -> R {
    let v = vm.arg(a, 1);
    if !v.is_nil() {
        let f = if let Some(name) = Vm::str_bytes(v) {
            open_or_raise(vm, name, mode)?
        } else {
            check_file(vm, a, 1)?;
            v
        };
        vm.set_field(vm.registry, which, f);
    }
    let cur = vm.get_field(vm.registry, which);
    vm.ret1(cur)
}

fn io_input(vm: &mut Vm, a: Args) -> R {
    set_default(vm, a, "io.input", b"r")
}

fn io_output(vm: &mut Vm, a: Args) -> R {
    set_default(vm, a, "io.output", b"w")
}

fn io_type(vm: &mut Vm, a: Args) -> R {
    let v = vm.check_any(a, 1)?;
    let r: &[u8] = match file_id(vm, v) {
        None => return vm.ret1(Value::NIL),
        Some(id) if is_closed(id) => b"closed file",
        Some(_) => b"file",
    };
    let s = vm.str_value(r);
    vm.ret1(s)
}

fn f_tostring(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    let text = match file_id(vm, v) {
        Some(id) if is_closed(id) => "file (closed)".to_string(),
        _ => format!("file ({:#x})", v.as_ptr() as usize),
    };
    let s = vm.str_value(text.as_bytes());
    vm.ret1(s)
}

// ---- reading ----

enum Format {
    Number,
    Line(bool),
    All,
    Count(usize),
}

/// Parses the read formats in argument positions `first..=a.count`.
fn parse_formats(vm: &mut Vm, a: Args, first: usize) -> Result<Vec<Format>, RtError> {
    let mut out = Vec::new();
    for n in first..=a.count {
        let v = vm.arg(a, n);
        if v.is_number() {
            let k = vm.check_int(a, n)?;
            out.push(Format::Count(usize::try_from(k).unwrap_or(0)));
            continue;
        }
        let f = vm.check_bytes(a, n)?;
        let f = f.strip_prefix(b"*").unwrap_or(f);
        out.push(match f.first() {
            Some(b'n') => Format::Number,
            Some(b'l') => Format::Line(false),
            Some(b'L') => Format::Line(true),
            Some(b'a') => Format::All,
            _ => return Err(vm.arg_error(n, "invalid format")),
        });
    }
    if out.is_empty() {
        out.push(Format::Line(false));
    }
    Ok(out)
}

/// Reads with each format; pushes the results (fail for the first failing format, after
/// which reading stops) or the error triple.
fn read_formats(vm: &mut Vm, id: usize, formats: &[Format]) -> R {
    if with_handle(id, |h| h.kind) == Some(Kind::Stdin) {
        vm.flush_stdout();
    }
    vm.check_stack(formats.len() + 3)?;
    let mut pushed = 0;
    for f in formats {
        let r: std::io::Result<Option<Value>> = match f {
            Format::Number => match with_handle(id, |h| h.number()) {
                Some(Ok(Some(number::Num::Int(i)))) => Ok(Some(vm.int(i))),
                Some(Ok(Some(number::Num::Float(x)))) => Ok(Some(Value::float(x))),
                Some(Ok(None)) | None => Ok(None),
                Some(Err(e)) => Err(e),
            },
            Format::Line(keep) => match with_handle(id, |h| h.line(*keep)) {
                Some(Ok(Some(b))) => Ok(Some(vm.string_value_owned(b))),
                Some(Ok(None)) | None => Ok(None),
                Some(Err(e)) => Err(e),
            },
            Format::All => match with_handle(id, |h| h.all()) {
                Some(Ok(b)) => Ok(Some(vm.string_value_owned(b))),
                None => Ok(Some(vm.str_value(b""))),
                Some(Err(e)) => Err(e),
            },
            Format::Count(0) => match with_handle(id, |h| h.peek()) {
                Some(Ok(Some(_))) => Ok(Some(vm.str_value(b""))),
                Some(Ok(None)) | None => Ok(None),
                Some(Err(e)) => Err(e),
            },
            Format::Count(k) => match with_handle(id, |h| h.chars(*k)) {
                Some(Ok(Some(b))) => Ok(Some(vm.string_value_owned(b))),
                Some(Ok(None)) | None => Ok(None),
                Some(Err(e)) => Err(e),
            },
        };
        match r {
            Ok(Some(v)) => {
                vm.push(v);
                pushed += 1;
            }
            Ok(None) => {
                vm.push(Value::NIL);
                return Ok(pushed + 1);
            }
            Err(e) => {
                // Discard partial results: Lua returns the error triple.
                let mut th = vm.current;
                th.top -= pushed;
                return fail_result(vm, &e, None);
            }
        }
    }
    Ok(pushed)
}

fn f_read(vm: &mut Vm, a: Args) -> R {
    let id = check_file(vm, a, 1)?;
    let formats = parse_formats(vm, a, 2)?;
    read_formats(vm, id, &formats)
}

fn io_read(vm: &mut Vm, a: Args) -> R {
    let id = default_file(vm, "io.input")?;
    let formats = parse_formats(vm, a, 1)?;
    read_formats(vm, id, &formats)
}

/// Makes a lines iterator over `file`; data = [file, close-at-eof, formats...].
fn make_lines(vm: &mut Vm, a: Args, file: Value, close: bool, first: usize) -> Result<Value, RtError> {
    parse_formats(vm, a, first)?;
    let mut data = vec![file, Value::bool(close)];
    for n in first..=a.count {
        data.push(vm.arg(a, n));
    }
    Ok(vm.new_native("lines_iterator", "lines_iterator", lines_step, NativeKind::Normal, data))
}

fn lines_step(vm: &mut Vm, _a: Args) -> R {
    let Some(me) = running_native(vm) else { return Ok(0) };
    let (file, close) = match (me.data.first(), me.data.get(1)) {
        (Some(&f), Some(&c)) => (f, c.is_truthy()),
        _ => return Ok(0),
    };
    let Some(id) = file_id(vm, file) else { return Ok(0) };
    if is_closed(id) {
        return Err(vm.rt_error("file is already closed"));
    }
    let mut formats = Vec::new();
    for &f in me.data.iter().skip(2) {
        formats.push(if let Some(k) = f.as_int() {
            Format::Count(usize::try_from(k).unwrap_or(0))
        } else if let Some(k) = f.as_float() {
            Format::Count(number::float_to_int(k).and_then(|k| usize::try_from(k).ok()).unwrap_or(0))
        } else {
            let b = Vm::str_bytes(f).unwrap_or(b"l");
            let b = b.strip_prefix(b"*").unwrap_or(b);
            match b.first() {
                Some(b'n') => Format::Number,
                Some(b'L') => Format::Line(true),
                Some(b'a') => Format::All,
                _ => Format::Line(false),
            }
        });
    }
    if formats.is_empty() {
        formats.push(Format::Line(false));
    }
    let n = read_formats(vm, id, &formats)?;
    let th = vm.current;
    let first = th.stack[th.top - n];
    if first.is_nil() {
        if n > 1 {
            // An error: raise its message.
            let msg = th.stack[th.top - n + 1];
            let text = String::from_utf8_lossy(Vm::str_bytes(msg).unwrap_or(b"")).into_owned();
            return Err(vm.rt_error(text));
        }
        if close {
            let mut th = vm.current;
            th.top -= n;
            close_id(vm, id)?;
            let mut th = vm.current;
            th.top -= 1;
            return vm.ret1(Value::NIL);
        }
    }
    Ok(n)
}

fn f_lines(vm: &mut Vm, a: Args) -> R {
    check_file(vm, a, 1)?;
    let f = vm.arg(a, 1);
    let it = make_lines(vm, a, f, false, 2)?;
    vm.ret1(it)
}

fn io_lines(vm: &mut Vm, a: Args) -> R {
    let name = vm.arg(a, 1);
    let (file, close) = if name.is_nil() {
        let id = default_file(vm, "io.input")?;
        let _ = id;
        (vm.get_field(vm.registry, "io.input"), false)
    } else {
        let n = vm.check_bytes(a, 1)?;
        (open_or_raise(vm, n, b"r")?, true)
    };
    vm.pinned.push(file);
    let it = make_lines(vm, a, file, close, 2);
    vm.pinned.pop();
    let it = it?;
    vm.ret(&[it, Value::NIL, Value::NIL, file])
}

// ---- writing ----

fn write_bytes(vm: &mut Vm, id: usize, data: &[u8]) -> std::io::Result<()> {
    let (kind, vbuf) = with_handle(id, |h| (h.kind, h.vbuf)).unwrap_or((Kind::File, VBuf::Full));
    match kind {
        Kind::Stdout => {
            vm.stdout.write_all(data)?;
            if vbuf == VBuf::No || (vbuf == VBuf::Line && data.contains(&b'\n')) {
                vm.stdout.flush()?;
            }
            Ok(())
        }
        Kind::Stderr => std::io::stderr().write_all(data),
        Kind::Stdin => Err(std::io::Error::from_raw_os_error(9)),
        Kind::File => with_handle(id, |h| {
            h.drop_reads()?;
            h.wbuf.extend_from_slice(data);
            if h.vbuf == VBuf::No || (h.vbuf == VBuf::Line && data.contains(&b'\n')) || h.wbuf.len() >= 1 << 16 {
                h.flush_writes()?;
            }
            Ok(())
        })
        .unwrap_or(Ok(())),
    }
}

/// Lua's `g_write`: arguments `first..=a.count`; returns the file value or the error triple.
fn write_args(vm: &mut Vm, a: Args, id: usize, first: usize, file: Value) -> R {
    let mut buf: Vec<u8> = Vec::new();
    for n in first..=a.count {
        let v = vm.arg(a, n);
        if let Some(i) = v.as_int() {
            number::format_int(i, &mut buf);
        } else if let Some(f) = v.as_float() {
            number::format_float_g14(f, &mut buf);
        } else if let Some(b) = Vm::str_bytes(v) {
            buf.extend_from_slice(b);
        } else {
            // Lua writes the earlier arguments before failing.
            let _ = write_bytes(vm, id, &buf);
            return Err(vm.type_error(n, "string", v, true));
        }
    }
    match write_bytes(vm, id, &buf) {
        Ok(()) => vm.ret1(file),
        Err(e) => fail_result(vm, &e, None),
    }
}

fn f_write(vm: &mut Vm, a: Args) -> R {
    let id = check_file(vm, a, 1)?;
    let f = vm.arg(a, 1);
    write_args(vm, a, id, 2, f)
}

fn io_write(vm: &mut Vm, a: Args) -> R {
    let id = default_file(vm, "io.output")?;
    let f = vm.get_field(vm.registry, "io.output");
    write_args(vm, a, id, 1, f)
}

// ---- seek / setvbuf ----

fn f_seek(vm: &mut Vm, a: Args) -> R {
    let id = check_file(vm, a, 1)?;
    let whence = vm.opt_bytes(a, 2, b"cur")?;
    let whence = match whence {
        b"set" => 0,
        b"cur" => 1,
        b"end" => 2,
        other => {
            let o = String::from_utf8_lossy(other).into_owned();
            return Err(vm.arg_error(2, format!("invalid option '{}'", o)));
        }
    };
    let offset = vm.opt_int(a, 3, 0)?;
    let kind = with_handle(id, |h| h.kind).unwrap_or(Kind::File);
    if kind == Kind::Stdout {
        vm.flush_stdout();
    }
    let r = with_handle(id, |h| -> std::io::Result<u64> {
        h.flush_writes()?;
        let unread = (h.rbuf.len() - h.rpos) as i64;
        let pos = match whence {
            0 => SeekFrom::Start(u64::try_from(offset).map_err(|_| std::io::Error::from_raw_os_error(22))?),
            1 => SeekFrom::Current(offset.saturating_sub(unread)),
            _ => SeekFrom::End(offset),
        };
        let r = match h.kind {
            Kind::File => match h.file.as_mut() {
                Some(f) => f.seek(pos),
                None => Err(std::io::Error::from_raw_os_error(9)),
            },
            _ => seek_std(h.kind, pos),
        };
        if r.is_ok() {
            h.rbuf.clear();
            h.rpos = 0;
        }
        r
    });
    match r {
        Some(Ok(p)) => {
            let v = vm.int(p as i64);
            vm.ret1(v)
        }
        Some(Err(e)) => fail_result(vm, &e, None),
        None => vm.ret1(Value::NIL),
    }
}

/// Seeks a standard stream's file descriptor without taking ownership of it.
fn seek_std(kind: Kind, pos: SeekFrom) -> std::io::Result<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::io::FromRawFd;
        let fd = match kind {
            Kind::Stdin => 0,
            Kind::Stdout => 1,
            _ => 2,
        };
        // SAFETY: the standard descriptors stay open for the whole process; ManuallyDrop
        // keeps the temporary File from closing them.
        let mut f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
        f.seek(pos)
    }
    #[cfg(not(unix))]
    {
        let _ = (kind, pos);
        Err(std::io::Error::from_raw_os_error(29))
    }
}

fn f_setvbuf(vm: &mut Vm, a: Args) -> R {
    let id = check_file(vm, a, 1)?;
    let mode = vm.check_bytes(a, 2)?;
    let mode = match mode {
        b"no" => VBuf::No,
        b"full" => VBuf::Full,
        b"line" => VBuf::Line,
        other => {
            let o = String::from_utf8_lossy(other).into_owned();
            return Err(vm.arg_error(2, format!("invalid option '{}'", o)));
        }
    };
    if mode != VBuf::Full && with_handle(id, |h| h.kind) == Some(Kind::Stdout) {
        vm.flush_stdout();
    }
    with_handle(id, |h| {
        h.vbuf = mode;
        if mode == VBuf::No {
            let _ = h.flush_writes();
        }
    });
    vm.ret1(Value::TRUE)
}

/// Flushes every open file's pending output (run at process exit).
pub fn flush_all() {
    if let Ok(mut fs) = FILES.try_lock() {
        for h in fs.iter_mut() {
            if !h.closed {
                let _ = h.flush_writes();
            }
        }
    }
}

extern "C" fn flush_at_exit() {
    flush_all();
}

#[cfg(unix)]
extern "C" {
    fn atexit(cb: extern "C" fn()) -> std::os::raw::c_int;
}

/// Registers [`flush_all`] to run when the process exits (normally or via `os.exit`).
fn register_exit_flush() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        #[cfg(unix)]
        // SAFETY: registering a plain extern "C" function with no captured state.
        unsafe {
            atexit(flush_at_exit);
        }
    });
}
