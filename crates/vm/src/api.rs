//! Helpers for builtins: argument checking and conversion with Lua-style messages
//! (spec 12.0.2, 12.0.3), `tostring` with metamethods, and small conveniences.

use crate::error::RtError;
use crate::function::Args;
use crate::number::{self, Num};
use crate::object::{value_as, Gc, Str};
use crate::ops;
use crate::table::Table;
use crate::value::Value;
use crate::vm::{Tm, Vm};

impl Vm {
    /// Argument `n`, which must be present (`value expected`).
    pub fn check_any(&mut self, a: Args, n: usize) -> Result<Value, RtError> {
        if n > a.count {
            return Err(self.arg_error(n, "value expected"));
        }
        Ok(self.arg(a, n))
    }

    pub fn check_table(&mut self, a: Args, n: usize) -> Result<Gc<Table>, RtError> {
        let v = self.arg(a, n);
        match value_as::<Table>(v) {
            Some(t) => Ok(t),
            None => Err(self.type_error(n, "table", v, n <= a.count)),
        }
    }

    /// An integer parameter (integers, integral floats, numeric strings).
    pub fn check_int(&mut self, a: Args, n: usize) -> Result<i64, RtError> {
        let v = self.arg(a, n);
        if let Some(i) = v.as_int() {
            return Ok(i);
        }
        let num = if let Some(f) = v.as_float() { Some(Num::Float(f)) } else { Vm::str_bytes(v).and_then(number::parse_number) };
        match num {
            Some(Num::Int(i)) => Ok(i),
            Some(Num::Float(f)) => match number::float_to_int(f) {
                Some(i) => Ok(i),
                None => Err(self.arg_error(n, "number has no integer representation")),
            },
            None => Err(self.type_error(n, "number", v, n <= a.count)),
        }
    }

    pub fn opt_int(&mut self, a: Args, n: usize, default: i64) -> Result<i64, RtError> {
        if self.arg(a, n).is_nil() {
            Ok(default)
        } else {
            self.check_int(a, n)
        }
    }

    /// A number parameter (numbers and numeric strings).
    pub fn check_num(&mut self, a: Args, n: usize) -> Result<Num, RtError> {
        let v = self.arg(a, n);
        if let Some(i) = v.as_int() {
            return Ok(Num::Int(i));
        }
        if let Some(f) = v.as_float() {
            return Ok(Num::Float(f));
        }
        match Vm::str_bytes(v).and_then(number::parse_number) {
            Some(x) => Ok(x),
            None => Err(self.type_error(n, "number", v, n <= a.count)),
        }
    }

    /// A number parameter as a float.
    pub fn check_f64(&mut self, a: Args, n: usize) -> Result<f64, RtError> {
        Ok(match self.check_num(a, n)? {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        })
    }

    /// A string parameter (numbers are converted); returns the string value.
    pub fn check_str(&mut self, a: Args, n: usize) -> Result<Value, RtError> {
        let v = self.arg(a, n);
        if v.is_str() {
            return Ok(v);
        }
        if v.is_number() {
            let mut buf = Vec::new();
            ops::number_to_text(v, &mut buf);
            return Ok(self.str_value(&buf));
        }
        Err(self.type_error(n, "string", v, n <= a.count))
    }

    /// A string parameter's bytes. The bytes stay valid while the argument is on the stack.
    pub fn check_bytes(&mut self, a: Args, n: usize) -> Result<&'static [u8], RtError> {
        let v = self.check_str(a, n)?;
        if !self.arg(a, n).is_str() {
            // Keep the converted string reachable in the argument slot.
            let mut th = self.current;
            th.stack[a.base + n - 1] = v;
        }
        Ok(Vm::str_bytes(v).unwrap_or(&[]))
    }

    pub fn opt_bytes(&mut self, a: Args, n: usize, default: &'static [u8]) -> Result<&'static [u8], RtError> {
        if self.arg(a, n).is_nil() {
            Ok(default)
        } else {
            self.check_bytes(a, n)
        }
    }

    /// `tostring(v)` (spec 4.3.4, 4.8, `__tostring`, `__name`).
    pub fn tostring(&mut self, v: Value) -> Result<Value, RtError> {
        if v.is_str() {
            return Ok(v);
        }
        let mut buf = Vec::new();
        if v.is_number() {
            ops::number_to_text(v, &mut buf);
            return Ok(self.str_value(&buf));
        }
        if let Some(mt) = self.metatable(v) {
            let h = self.metamethod_in(mt, Tm::ToString);
            if !h.is_nil() {
                let r = self.call(h, &[v])?.first().copied().unwrap_or(Value::NIL);
                if r.is_str() {
                    return Ok(r);
                }
                if r.is_number() {
                    ops::number_to_text(r, &mut buf);
                    return Ok(self.str_value(&buf));
                }
                return Err(self.plain_error("'__tostring' must return a string"));
            }
        }
        self.write_plain_tostring(v, &mut buf);
        Ok(self.str_value(&buf))
    }

    /// `tostring` without `__tostring` (uses `__name`).
    pub fn write_plain_tostring(&mut self, v: Value, buf: &mut Vec<u8>) {
        if let Some(b) = Vm::str_bytes(v) {
            buf.extend_from_slice(b);
            return;
        }
        if v.is_number() {
            ops::number_to_text(v, buf);
            return;
        }
        if v.is_nil() {
            buf.extend_from_slice(b"nil");
            return;
        }
        if let Some(b) = v.as_bool() {
            buf.extend_from_slice(if b { b"true" } else { b"false" });
            return;
        }
        let kind = self.type_name_for_msg(v);
        let addr = (v.0 & crate::value::PAYLOAD_MASK) as usize;
        buf.extend_from_slice(format!("{}: {:#x}", kind, addr).as_bytes());
    }

    /// The bytes of a value converted by `tostring` (for print / string.format "%s").
    pub fn tostring_bytes(&mut self, v: Value) -> Result<&'static [u8], RtError> {
        let s = self.tostring(v)?;
        Ok(Vm::str_bytes(s).unwrap_or(&[]))
    }

    /// String object of a value known to be a string.
    pub fn as_str(v: Value) -> Option<Gc<Str>> {
        value_as::<Str>(v)
    }

    /// Pushes several results and returns their count.
    pub fn ret(&mut self, values: &[Value]) -> Result<usize, RtError> {
        self.check_stack(values.len())?;
        for &v in values {
            self.push(v);
        }
        Ok(values.len())
    }

    pub fn ret1(&mut self, v: Value) -> Result<usize, RtError> {
        self.push(v);
        Ok(1)
    }

    /// A table key from any value (normalised), or the Lua error for nil/NaN (no position).
    pub fn table_key(&mut self, k: Value) -> Result<Value, RtError> {
        match ops::normalize_key(self, k) {
            Ok(k) => Ok(k),
            Err(msg) => Err(self.plain_error(msg)),
        }
    }
}
