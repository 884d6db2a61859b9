//! The `json` module (spec 12.12): `encode` (compact), `pretty` (indented) and `decode`
//! (via the `json_text` parser). Encoding uses raw access and ignores metatables; object
//! members are sorted by key bytes; tables whose keys are exactly 1…n become arrays.

use crate::error::RtError;
use crate::function::Args;
use crate::object::value_as;
use crate::ops;
use crate::stdlib::json_text::{self, Json};
use crate::stdlib::tablelib::raw_seti;
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;

type R = Result<usize, RtError>;

/// Maximum nesting of arrays/objects when encoding.
const MAX_DEPTH: usize = 1000;

pub fn open(vm: &mut Vm) {
    let t = vm.new_table(0, 4);
    vm.register(t, "encode", "json.encode", encode);
    vm.register(t, "decode", "json.decode", decode);
    vm.register(t, "pretty", "json.pretty", pretty);
    vm.set_field(vm.globals, "json", Vm::table_value(t));
}

struct Encoder<'a> {
    indent: Option<&'a [u8]>,
    /// Tables being encoded (for circular-reference detection).
    active: Vec<*const Table>,
    out: Vec<u8>,
}

impl Encoder<'_> {
    fn newline(&mut self, level: usize) {
        if let Some(ind) = self.indent {
            self.out.push(b'\n');
            for _ in 0..level {
                self.out.extend_from_slice(ind);
            }
        }
    }

    fn value(&mut self, v: Value, level: usize) -> Result<(), String> {
        if v.is_nil() {
            self.out.extend_from_slice(b"null");
        } else if let Some(b) = v.as_bool() {
            self.out.extend_from_slice(if b { b"true" } else { b"false" });
        } else if let Some(i) = v.as_int() {
            crate::number::format_int(i, &mut self.out);
        } else if let Some(f) = v.as_float() {
            json_text::write_json_float(f, &mut self.out);
        } else if let Some(s) = Vm::str_bytes(v) {
            json_text::write_json_string(s, &mut self.out);
        } else if let Some(t) = value_as::<Table>(v) {
            self.table(&t, level)?;
        } else {
            return Err(format!("json.encode: cannot encode a {} value", v.type_name()));
        }
        Ok(())
    }

    fn table(&mut self, t: &Table, level: usize) -> Result<(), String> {
        let ptr = t as *const Table;
        if self.active.contains(&ptr) {
            return Err("json.encode: circular reference".into());
        }
        if level >= MAX_DEPTH {
            return Err("json.encode: nesting too deep".into());
        }
        let pairs: Vec<(Value, Value)> = t.pairs().collect();
        let n = pairs.len() as i64;
        let is_array = n > 0 && pairs.iter().all(|(k, _)| k.as_int().is_some_and(|i| i >= 1 && i <= n));
        self.active.push(ptr);
        if is_array {
            self.out.push(b'[');
            for i in 1..=n {
                if i > 1 {
                    self.out.push(b',');
                }
                self.newline(level + 1);
                self.value(t.get_int(i), level + 1)?;
            }
            self.newline(level);
            self.out.push(b']');
        } else if pairs.is_empty() {
            self.out.extend_from_slice(b"{}");
        } else {
            let mut members: Vec<(Vec<u8>, Value)> = Vec::with_capacity(pairs.len());
            for (k, v) in pairs {
                let mut key = Vec::new();
                if let Some(s) = Vm::str_bytes(k) {
                    key.extend_from_slice(s);
                } else if k.is_number() {
                    ops::number_to_text(k, &mut key);
                } else {
                    return Err(format!("json.encode: invalid key type {}", k.type_name()));
                }
                members.push((key, v));
            }
            members.sort_by(|a, b| a.0.cmp(&b.0));
            self.out.push(b'{');
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    self.out.push(b',');
                }
                self.newline(level + 1);
                json_text::write_json_string(k, &mut self.out);
                self.out.push(b':');
                if self.indent.is_some() {
                    self.out.push(b' ');
                }
                self.value(*v, level + 1)?;
            }
            self.newline(level);
            self.out.push(b'}');
        }
        self.active.pop();
        Ok(())
    }
}

fn run_encoder(vm: &mut Vm, a: Args, indent: Option<&[u8]>) -> R {
    let v = vm.check_any(a, 1)?;
    let mut e = Encoder { indent, active: Vec::new(), out: Vec::new() };
    if let Err(m) = e.value(v, 0) {
        return Err(vm.rt_error(m));
    }
    let s = vm.string_value_owned(e.out);
    vm.ret1(s)
}

fn encode(vm: &mut Vm, a: Args) -> R {
    run_encoder(vm, a, None)
}

fn pretty(vm: &mut Vm, a: Args) -> R {
    let iv = vm.arg(a, 2);
    let spaces;
    let indent: &[u8] = if iv.is_nil() {
        b"  "
    } else if iv.is_number() {
        let n = vm.check_int(a, 2)?.clamp(0, 64) as usize;
        spaces = vec![b' '; n];
        &spaces
    } else {
        vm.check_bytes(a, 2)?
    };
    run_encoder(vm, a, Some(indent))
}

/// Converts a parsed JSON tree to VM values (no collection can happen meanwhile: only
/// allocation, no safepoint).
fn to_value(vm: &mut Vm, j: &Json) -> Value {
    match j {
        Json::Null => Value::NIL,
        Json::Bool(b) => Value::bool(*b),
        Json::Int(i) => vm.int(*i),
        Json::Float(f) => Value::float(*f),
        Json::Str(s) => vm.str_value(s),
        Json::Array(items) => {
            let t = vm.new_table(items.len(), 0);
            for (i, item) in items.iter().enumerate() {
                let v = to_value(vm, item);
                raw_seti(vm, t, i as i64 + 1, v);
            }
            Vm::table_value(t)
        }
        Json::Object(members) => {
            let mut t = vm.new_table(0, members.len());
            for (k, item) in members {
                let key = vm.str_value(k);
                let v = to_value(vm, item);
                t.set(key, v);
            }
            Vm::table_value(t)
        }
    }
}

fn decode(vm: &mut Vm, a: Args) -> R {
    let s = vm.check_bytes(a, 1)?;
    match json_text::parse(s) {
        Ok(j) => {
            let v = to_value(vm, &j);
            vm.ret1(v)
        }
        Err(m) => {
            let m = vm.str_value(m.as_bytes());
            vm.ret(&[Value::NIL, m])
        }
    }
}
