//! Basic functions (spec 12.1): print, type, tostring, tonumber, pairs/ipairs/next,
//! select, raw*, metatables, error/assert (pcall/xpcall are interpreter-implemented),
//! load/dofile/require, collectgarbage, len, unpack.

use crate::error::RtError;
use crate::function::{Args, NativeKind};
use crate::number::{self, Num};
use crate::object::value_as;
use crate::ops;
use crate::table::Table;
use crate::value::Value;
use crate::vm::{Tm, Vm};
use std::io::Write;

type R = Result<usize, RtError>;

pub fn open(vm: &mut Vm) {
    let g = vm.globals;
    let funcs: &[(&'static str, crate::function::NativeFn)] = &[
        ("print", print),
        ("type", type_),
        ("tostring", tostring),
        ("tonumber", tonumber),
        ("rawequal", rawequal),
        ("rawget", rawget),
        ("rawset", rawset),
        ("rawlen", rawlen),
        ("setmetatable", setmetatable),
        ("getmetatable", getmetatable),
        ("assert", assert),
        ("error", error),
        ("select", select),
        ("next", next),
        ("pairs", pairs),
        ("ipairs", ipairs),
        ("unpack", unpack),
        ("len", len),
        ("load", load),
        ("dofile", dofile),
        ("require", require),
        ("collectgarbage", collectgarbage),
    ];
    for &(name, f) in funcs {
        vm.register(g, name, name, f);
    }
    let pcall = vm.new_native("pcall", "pcall", unreachable_native, NativeKind::Pcall, Vec::new());
    vm.set_field(g, "pcall", pcall);
    let xpcall = vm.new_native("xpcall", "xpcall", unreachable_native, NativeKind::Xpcall, Vec::new());
    vm.set_field(g, "xpcall", xpcall);
    vm.set_field(g, "_G", Vm::table_value(g));
    let version = vm.str_value(b"GScript 1.0");
    vm.set_field(g, "_VERSION", version);
    // ipairs' iterator is shared.
    let iter = vm.new_native("ipairs_iterator", "ipairs_iterator", ipairs_iter, NativeKind::Normal, Vec::new());
    vm.set_field(vm.registry, "ipairs_iterator", iter);
    let next_f = vm.get_field(g, "next");
    vm.set_field(vm.registry, "next", next_f);
}

/// Builtins the interpreter implements itself are never called through their function.
pub fn unreachable_native(vm: &mut Vm, _a: Args) -> R {
    Err(vm.plain_error("internal error: interpreter builtin called directly"))
}

fn print(vm: &mut Vm, a: Args) -> R {
    let mut line: Vec<u8> = Vec::new();
    for n in 1..=a.count {
        if n > 1 {
            line.push(b'\t');
        }
        let v = vm.arg(a, n);
        if let Some(b) = Vm::str_bytes(v) {
            line.extend_from_slice(b);
        } else if v.is_number() {
            ops::number_to_text(v, &mut line);
        } else {
            let s = vm.tostring_bytes(v)?;
            line.extend_from_slice(s);
        }
    }
    line.push(b'\n');
    let _ = vm.stdout.write_all(&line);
    Ok(0)
}

fn type_(vm: &mut Vm, a: Args) -> R {
    let v = vm.check_any(a, 1)?;
    let s = Vm::object_value(vm.type_names[type_by_tag(v) as usize]);
    vm.ret1(s)
}

/// `v.type_of()` with a table lookup on the tag instead of a `match` (an indirect jump
/// that mispredicts when `type()` sees values of mixed types, as in tree walks). Only
/// nil and "other objects" (boxed integers, coroutines, channels) need a second look.
#[inline(always)]
fn type_by_tag(v: Value) -> crate::value::Type {
    use crate::value::{Type, TAG_OBJ};
    // Index: 0 for floats (tags up to 0xFFF8), then TAG_INT.. in order.
    const BY_TAG: [Type; 8] =
        [Type::Number, Type::Number, Type::Boolean, Type::String, Type::Table, Type::Function, Type::Nil, Type::Nil];
    let tag = v.tag();
    let t = BY_TAG[(tag.saturating_sub(0xFFF8) as usize) & 7];
    if v.is_nil() {
        return Type::Nil;
    }
    if tag == TAG_OBJ {
        return v.type_of();
    }
    t
}

fn tostring(vm: &mut Vm, a: Args) -> R {
    let v = vm.check_any(a, 1)?;
    let s = vm.tostring(v)?;
    vm.ret1(s)
}

fn tonumber(vm: &mut Vm, a: Args) -> R {
    if a.count >= 2 && !vm.arg(a, 2).is_nil() {
        let base = vm.check_int(a, 2)?;
        let v = vm.arg(a, 1);
        let Some(s) = Vm::str_bytes(v) else {
            return Err(vm.type_error(1, "string", v, true));
        };
        if !(2..=36).contains(&base) {
            return Err(vm.arg_error(2, "base out of range"));
        }
        return match number::parse_int_base(s, base as u32) {
            Some(i) => {
                let v = vm.int(i);
                vm.ret1(v)
            }
            None => vm.ret1(Value::NIL),
        };
    }
    let v = vm.check_any(a, 1)?;
    if v.is_number() {
        return vm.ret1(v);
    }
    let r = match Vm::str_bytes(v).and_then(number::parse_number) {
        Some(Num::Int(i)) => vm.int(i),
        Some(Num::Float(f)) => Value::float(f),
        None => Value::NIL,
    };
    vm.ret1(r)
}

fn rawequal(vm: &mut Vm, a: Args) -> R {
    let x = vm.check_any(a, 1)?;
    let y = vm.check_any(a, 2)?;
    vm.ret1(Value::bool(ops::raw_equal(x, y)))
}

fn rawget(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let k = vm.check_any(a, 2)?;
    let v = ops::raw_get(&t, k);
    vm.ret1(v)
}

fn rawset(vm: &mut Vm, a: Args) -> R {
    let mut t = vm.check_table(a, 1)?;
    let k = vm.check_any(a, 2)?;
    let v = vm.check_any(a, 3)?;
    let k = vm.table_key(k)?;
    t.set(k, v);
    vm.ret1(Vm::table_value(t))
}

fn rawlen(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    if let Some(t) = value_as::<Table>(v) {
        return vm.ret1(Value::inline_int(t.border()));
    }
    if let Some(s) = Vm::str_bytes(v) {
        return vm.ret1(Value::inline_int(s.len() as i64));
    }
    Err(vm.arg_error(1, "table or string expected"))
}

fn setmetatable(vm: &mut Vm, a: Args) -> R {
    let mut t = vm.check_table(a, 1)?;
    let mt = vm.arg(a, 2);
    let new_meta = if mt.is_nil() {
        None
    } else if let Some(m) = value_as::<Table>(mt) {
        Some(m)
    } else {
        let tn = vm.type_name_for_msg(mt);
        let msg = if a.count >= 2 { tn } else { "no value".to_string() };
        return Err(vm.arg_error(2, format!("nil or table expected, got {}", msg)));
    };
    if let Some(old) = t.meta {
        if !vm.metamethod_in(old, Tm::Metatable).is_nil() {
            return Err(vm.rt_error("cannot change a protected metatable"));
        }
    }
    t.meta = new_meta;
    vm.ret1(Vm::table_value(t))
}

fn getmetatable(vm: &mut Vm, a: Args) -> R {
    let v = vm.check_any(a, 1)?;
    match vm.metatable(v) {
        None => vm.ret1(Value::NIL),
        Some(mt) => {
            let protected = vm.metamethod_in(mt, Tm::Metatable);
            if !protected.is_nil() {
                vm.ret1(protected)
            } else {
                vm.ret1(Vm::table_value(mt))
            }
        }
    }
}

fn assert(vm: &mut Vm, a: Args) -> R {
    let v = vm.check_any(a, 1)?;
    if v.is_truthy() {
        let vals: Vec<Value> = (1..=a.count).map(|n| vm.arg(a, n)).collect();
        return vm.ret(&vals);
    }
    if a.count >= 2 {
        let msg = vm.arg(a, 2);
        // Spec 9.4: a string message gets the position (level 1).
        if let Some(b) = Vm::str_bytes(msg) {
            let mut text = vm.caller_position(1).into_bytes();
            text.extend_from_slice(b);
            let s = vm.string_value_owned(text);
            return Err(RtError::new(s));
        }
        return Err(RtError::new(msg));
    }
    Err(vm.rt_error("assertion failed!"))
}

fn error(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    let level = vm.opt_int(a, 2, 1)?;
    if let Some(b) = Vm::str_bytes(v) {
        if level > 0 {
            let pos = vm.caller_position(level as usize);
            if !pos.is_empty() {
                let mut text = pos.into_bytes();
                text.extend_from_slice(b);
                let s = vm.string_value_owned(text);
                return Err(RtError::new(s));
            }
        }
    }
    Err(RtError::new(v))
}

fn select(vm: &mut Vm, a: Args) -> R {
    let nv = vm.arg(a, 1);
    let extra = a.count.saturating_sub(1) as i64;
    if Vm::str_bytes(nv) == Some(b"#") {
        return vm.ret1(Value::inline_int(extra));
    }
    let n = vm.check_int(a, 1)?;
    let start = if n < 0 {
        if -n > extra {
            return Err(vm.arg_error(1, "index out of range"));
        }
        extra + n
    } else if n == 0 {
        return Err(vm.arg_error(1, "index out of range"));
    } else {
        (n - 1).min(extra)
    };
    let vals: Vec<Value> = ((start + 2) as usize..=a.count).map(|i| vm.arg(a, i)).collect();
    vm.ret(&vals)
}

fn next(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_table(a, 1)?;
    let k = vm.arg(a, 2);
    let k = if k.is_float() { ops::normalize_key(vm, k).unwrap_or(k) } else { k };
    let Some(pos) = t.position_after(k) else {
        return Err(vm.plain_error("invalid key to 'next'"));
    };
    match t.next_from(pos) {
        Some((_, key, val)) => vm.ret(&[key, val]),
        None => vm.ret1(Value::NIL),
    }
}

fn pairs(vm: &mut Vm, a: Args) -> R {
    let v = vm.check_any(a, 1)?;
    let h = vm.metamethod(v, Tm::Pairs);
    if !h.is_nil() {
        let r = vm.call(h, &[v])?;
        let vals = [r.first().copied().unwrap_or(Value::NIL), r.get(1).copied().unwrap_or(Value::NIL), r.get(2).copied().unwrap_or(Value::NIL)];
        return vm.ret(&vals);
    }
    if !v.is_table() {
        return Err(vm.type_error(1, "table", v, true));
    }
    let next_f = vm.get_field(vm.registry, "next");
    vm.ret(&[next_f, v, Value::NIL])
}

fn ipairs(vm: &mut Vm, a: Args) -> R {
    let v = vm.check_any(a, 1)?;
    let iter = vm.get_field(vm.registry, "ipairs_iterator");
    vm.ret(&[iter, v, Value::inline_int(0)])
}

fn ipairs_iter(vm: &mut Vm, a: Args) -> R {
    let t = vm.arg(a, 1);
    let i = vm.check_int(a, 2)?.wrapping_add(1);
    let key = vm.int(i);
    let v = match value_as::<Table>(t) {
        Some(tb) if tb.meta.is_none() => tb.get_int(i),
        _ => vm.index_value(t, key)?,
    };
    if v.is_nil() {
        return vm.ret1(Value::NIL);
    }
    vm.ret(&[key, v])
}

/// `table.unpack` / `unpack`.
pub fn unpack(vm: &mut Vm, a: Args) -> R {
    let t = vm.check_any(a, 1)?;
    let i = vm.opt_int(a, 2, 1)?;
    let j = if vm.arg(a, 3).is_nil() {
        let l = vm.length_of(t)?;
        match l.as_int() {
            Some(n) => n,
            None => return Err(vm.rt_error("object length is not an integer")),
        }
    } else {
        vm.check_int(a, 3)?
    };
    if i > j {
        return Ok(0);
    }
    let n = (j as i128 - i as i128 + 1) as u128;
    if n > 1_000_000 {
        return Err(vm.rt_error("too many results to unpack"));
    }
    vm.check_stack(n as usize)?;
    let plain = value_as::<Table>(t).filter(|tb| tb.meta.is_none());
    let mut k = i;
    loop {
        let v = match plain {
            Some(tb) => tb.get_int(k),
            None => {
                let key = vm.int(k);
                vm.index_value(t, key)?
            }
        };
        vm.push(v);
        if k == j {
            break;
        }
        k += 1;
    }
    Ok(n as usize)
}

fn len(vm: &mut Vm, a: Args) -> R {
    let v = vm.arg(a, 1);
    if v.is_str() || v.is_table() {
        let l = vm.length_of(v)?;
        return vm.ret1(l);
    }
    if let Some(c) = value_as::<crate::channel::Channel>(v) {
        return vm.ret1(Value::inline_int(c.buffer.len() as i64));
    }
    let got = if a.count >= 1 { vm.type_name_for_msg(v) } else { "no value".into() };
    Err(vm.arg_error(1, format!("string, table or channel expected, got {}", got)))
}

/// The display name of a chunk given to `load` (spec 9.2).
pub fn chunk_display_name(name: Option<&[u8]>, source: &[u8]) -> String {
    match name {
        Some(n) if n.first() == Some(&b'=') => {
            let rest = &n[1..];
            String::from_utf8_lossy(&rest[..rest.len().min(59)]).into_owned()
        }
        Some(n) if n.first() == Some(&b'@') => {
            let rest = &n[1..];
            if rest.len() > 59 {
                format!("...{}", String::from_utf8_lossy(&rest[rest.len() - 56..]))
            } else {
                String::from_utf8_lossy(rest).into_owned()
            }
        }
        Some(n) => string_chunk_name(n),
        None => string_chunk_name(source),
    }
}

fn string_chunk_name(s: &[u8]) -> String {
    let line_end = s.iter().position(|&b| b == b'\n');
    let first = &s[..line_end.unwrap_or(s.len())];
    if line_end.is_none() && first.len() < 45 {
        format!("[string \"{}\"]", String::from_utf8_lossy(first))
    } else {
        let cut = &first[..first.len().min(45)];
        format!("[string \"{}...\"]", String::from_utf8_lossy(cut))
    }
}

fn load(vm: &mut Vm, a: Args) -> R {
    let chunk = vm.arg(a, 1);
    let mode = vm.opt_bytes(a, 3, b"bt")?;
    let env = if a.count >= 4 { Some(vm.arg(a, 4)) } else { None };
    let (source, default_name): (Vec<u8>, Option<String>) = if let Some(b) = Vm::str_bytes(chunk) {
        (b.to_vec(), None)
    } else if chunk.is_function() {
        let mut buf = Vec::new();
        loop {
            let r = vm.call(chunk, &[])?;
            let piece = r.first().copied().unwrap_or(Value::NIL);
            if piece.is_nil() {
                break;
            }
            match Vm::str_bytes(piece) {
                Some(b) if b.is_empty() => break,
                Some(b) => buf.extend_from_slice(b),
                None => {
                    let m = vm.str_value(b"reader function must return a string");
                    return vm.ret(&[Value::NIL, m]);
                }
            }
        }
        (buf, Some("(load)".to_string()))
    } else {
        return Err(vm.type_error(1, "string", chunk, a.count >= 1));
    };
    if !mode.contains(&b't') {
        let m = vm.str_value(format!("attempt to load a text chunk (mode is '{}')", String::from_utf8_lossy(mode)).as_bytes());
        return vm.ret(&[Value::NIL, m]);
    }
    let name_arg = vm.arg(a, 2);
    let name = match Vm::str_bytes(name_arg) {
        Some(n) => chunk_display_name(Some(n), &source),
        None => default_name.unwrap_or_else(|| chunk_display_name(None, &source)),
    };
    match vm.load_source(&source, &name, env) {
        Ok(f) => vm.ret1(f),
        Err(msg) => {
            let m = vm.str_value(msg.as_bytes());
            vm.ret(&[Value::NIL, m])
        }
    }
}

fn dofile(vm: &mut Vm, a: Args) -> R {
    let name = vm.arg(a, 1);
    let (source, chunk) = match Vm::str_bytes(name) {
        Some(n) => {
            let path = String::from_utf8_lossy(n).into_owned();
            match std::fs::read(&path) {
                Ok(s) => (s, path),
                Err(e) => return Err(vm.rt_error(format!("cannot open {}", crate::stdlib::io_error_text(&path, &e)))),
            }
        }
        None => {
            let mut s = Vec::new();
            let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut s);
            (s, "stdin".to_string())
        }
    };
    let f = match vm.load_source(&source, &chunk, None) {
        Ok(f) => f,
        Err(msg) => {
            let m = vm.str_value(msg.as_bytes());
            return Err(RtError::new(m));
        }
    };
    let results = vm.call(f, &[])?;
    vm.ret(&results)
}

fn require(vm: &mut Vm, a: Args) -> R {
    let name_v = vm.check_str(a, 1)?;
    let name = String::from_utf8_lossy(Vm::str_bytes(name_v).unwrap_or(&[])).into_owned();
    let loaded = match value_as::<Table>(vm.get_field(vm.registry, "_LOADED")) {
        Some(t) => t,
        None => {
            let t = vm.new_table(0, 4);
            vm.set_field(vm.registry, "_LOADED", Vm::table_value(t));
            t
        }
    };
    let cached = loaded.get(name_v);
    if !cached.is_nil() {
        if cached == crate::interp::RANGE_TABLE {
            return Err(vm.rt_error(format!("loop or previous error loading module '{}'", name)));
        }
        return vm.ret1(cached);
    }
    let p = name.replace('.', "/");
    let dir = vm.script_path.as_ref().and_then(|s| std::path::Path::new(s).parent().map(|d| d.to_string_lossy().into_owned())).filter(|d| !d.is_empty());
    let mut candidates: Vec<String> = Vec::new();
    if let Some(d) = &dir {
        candidates.push(format!("{}/{}.gs", d, p));
        candidates.push(format!("{}/{}/init.gs", d, p));
    }
    for c in [format!("{}.gs", p), format!("{}/init.gs", p)] {
        if !candidates.contains(&c) {
            candidates.push(c);
        }
    }
    let Some(path) = candidates.iter().find(|c| std::path::Path::new(c).is_file()).cloned() else {
        let mut msg = format!("module '{}' not found:", name);
        for c in &candidates {
            msg.push_str(&format!("\n\tno file '{}'", c));
        }
        return Err(vm.rt_error(msg));
    };
    let source = match std::fs::read(&path) {
        Ok(s) => s,
        Err(e) => return Err(vm.rt_error(format!("cannot read '{}': {}", path, e))),
    };
    let f = match vm.load_source(&source, &path, None) {
        Ok(f) => f,
        Err(msg) => return Err(vm.rt_error(format!("error loading module '{}' from file '{}':\n\t{}", name, path, msg))),
    };
    let mut loaded_t = loaded;
    // Mark "loading in progress" (a value scripts cannot produce).
    loaded_t.set(name_v, crate::interp::RANGE_TABLE);
    let path_v = vm.str_value(path.as_bytes());
    vm.pinned.push(path_v);
    let r = vm.call(f, &[name_v, path_v]);
    vm.pinned.pop();
    let results = match r {
        Ok(r) => r,
        Err(e) => {
            loaded_t.set(name_v, Value::NIL);
            return Err(e);
        }
    };
    let mut v = results.first().copied().unwrap_or(Value::NIL);
    if v.is_nil() {
        v = Value::TRUE;
    }
    loaded_t.set(name_v, v);
    vm.ret(&[v, path_v])
}

fn collectgarbage(vm: &mut Vm, a: Args) -> R {
    let opt = vm.opt_bytes(a, 1, b"collect")?;
    match opt {
        b"collect" => {
            vm.collect_garbage();
            vm.ret1(Value::inline_int(0))
        }
        b"stop" | b"restart" => vm.ret1(Value::inline_int(0)),
        b"count" => {
            vm.heap.sync_accounting();
            let kb = vm.heap.total_bytes() as f64 / 1024.0;
            vm.ret1(Value::float(kb))
        }
        b"step" | b"isrunning" => vm.ret1(Value::TRUE),
        b"incremental" | b"generational" => {
            let s = vm.str_value(b"incremental");
            vm.ret1(s)
        }
        b"setpause" | b"setstepmul" => vm.ret1(Value::inline_int(100)),
        other => {
            let o = String::from_utf8_lossy(other).into_owned();
            Err(vm.arg_error(1, format!("invalid option '{}'", o)))
        }
    }
}
