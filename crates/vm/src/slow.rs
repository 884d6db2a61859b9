//! Out-of-line slow paths of the interpreter: metamethod dispatch for indexing,
//! arithmetic, comparison, concatenation and length; the errors with variable
//! information; `finish_op`, which completes an instruction after its metamethod call
//! returns; and the range-loop / spread helpers.
//!
//! Metamethods that are script functions are called as frames with the FINISH flag (no
//! Rust recursion, so they may yield); builtin metamethods complete at once and
//! `finish_op` runs immediately. Either way the instruction's effect is applied by
//! `finish_op`, reading the interrupted instruction at `pc - 1` of the top frame.

use crate::call::Flow;
use crate::error::{var_info, RtError};
use crate::interp::{RANGE_CHANNEL, RANGE_NUMBER, RANGE_TABLE};
use crate::number;
use crate::object::{value_as, Str};
use crate::ops::{self, Arith, ArithOp};
use crate::table::Table;
use crate::thread::flags;
use crate::value::Value;
use crate::vm::{Tm, Vm};

/// Largest concatenation buffer (bytes) kept in `Heap::scratch` for reuse.
const SCRATCH_KEEP: usize = 1 << 16;
/// Concatenations of strings up to this many bytes in all use a stack buffer.
const SMALL_CONCAT: usize = 40;
use compiler::Op;

const MAX_META_CHAIN: usize = 2000;

/// Where an `__index`/`__newindex` lookup ended.
pub enum Lookup {
    Value(Value),
    /// Call this handler with (object, key[, value]).
    Call(Value, Value),
    /// This value (the original object if `depth == 0`) cannot be indexed.
    NotIndexable(Value, usize),
}

impl Vm {
    /// Variable information for register `reg` of the running frame at its saved pc.
    pub fn reg_info(&self, reg: Option<usize>) -> String {
        let Some(reg) = reg else { return String::new() };
        let th = &self.current;
        let Some(f) = th.frames.last() else { return String::new() };
        let Some(c) = f.closure else { return String::new() };
        var_info(&c.proto, f.pc.saturating_sub(1), reg)
    }

    /// Follows `__index` from `obj` for `key`.
    pub fn lookup(&mut self, obj: Value, key: Value) -> Result<Lookup, RtError> {
        let mut cur = obj;
        for depth in 0..MAX_META_CHAIN {
            let h = if let Some(t) = value_as::<Table>(cur) {
                let v = ops::raw_get(&t, key);
                if !v.is_nil() {
                    return Ok(Lookup::Value(v));
                }
                match t.meta {
                    None => return Ok(Lookup::Value(Value::NIL)),
                    Some(mt) => self.metamethod_in(mt, Tm::Index),
                }
            } else {
                let h = self.metamethod(cur, Tm::Index);
                if h.is_nil() {
                    return Ok(Lookup::NotIndexable(cur, depth));
                }
                h
            };
            if h.is_nil() {
                return Ok(Lookup::Value(Value::NIL));
            }
            if h.is_function() {
                return Ok(Lookup::Call(h, cur));
            }
            cur = h;
        }
        Err(self.error_here("'__index' chain too long; possible loop"))
    }

    /// The full `obj[key]` from Rust (calls `__index` functions re-entrantly).
    pub fn index_value(&mut self, obj: Value, key: Value) -> Result<Value, RtError> {
        match self.lookup(obj, key)? {
            Lookup::Value(v) => Ok(v),
            Lookup::Call(h, o) => Ok(self.call(h, &[o, key])?.first().copied().unwrap_or(Value::NIL)),
            Lookup::NotIndexable(v, _) => {
                let tn = self.type_name_for_msg(v);
                Err(self.error_here(&format!("attempt to index a {} value", tn)))
            }
        }
    }

    /// GET* with a metamethod or error; `reg` names the indexed register for messages.
    pub fn index_op(&mut self, obj: Value, key: Value, reg: Option<usize>) -> Result<Flow, RtError> {
        match self.lookup(obj, key)? {
            Lookup::Value(v) => {
                self.finish_op(v)?;
                Ok(Flow::Done)
            }
            Lookup::Call(h, o) => self.call_meta(h, &[o, key]),
            Lookup::NotIndexable(v, depth) => {
                let info = if depth == 0 { self.index_info(reg, key) } else { String::new() };
                let tn = self.type_name_for_msg(v);
                Err(self.error_here(&format!("attempt to index a {} value{}", tn, info)))
            }
        }
    }

    /// "attempt to index a T value" with variable information for the original operand.
    pub fn index_error(&mut self, v: Value, depth: usize, reg: Option<usize>, key: Value) -> RtError {
        let info = if depth == 0 { self.index_info(reg, key) } else { String::new() };
        let tn = self.type_name_for_msg(v);
        self.error_here(&format!("attempt to index a {} value{}", tn, info))
    }

    /// Variable info for an indexed operand; for a global access, "(global 'x')".
    fn index_info(&self, reg: Option<usize>, key: Value) -> String {
        match reg {
            Some(_) => self.reg_info(reg),
            None => match Vm::str_bytes(key) {
                Some(b) => format!(" (global '{}')", String::from_utf8_lossy(b)),
                None => String::new(),
            },
        }
    }

    /// Performs `obj[key] = val` up to the point where a `__newindex` function must be called.
    pub fn assign(&mut self, obj: Value, key: Value, val: Value) -> Result<Lookup, RtError> {
        let mut cur = obj;
        for depth in 0..MAX_META_CHAIN {
            if let Some(mut t) = value_as::<Table>(cur) {
                let h = match t.meta {
                    None => Value::NIL,
                    Some(mt) => {
                        if ops::raw_get(&t, key).is_nil() {
                            self.metamethod_in(mt, Tm::NewIndex)
                        } else {
                            Value::NIL
                        }
                    }
                };
                if h.is_nil() {
                    let k = match ops::normalize_key(self, key) {
                        Ok(k) => k,
                        Err(msg) => return Err(self.error_here(msg)),
                    };
                    t.set(k, val);
                    return Ok(Lookup::Value(Value::NIL));
                }
                if h.is_function() {
                    return Ok(Lookup::Call(h, cur));
                }
                cur = h;
            } else {
                let h = self.metamethod(cur, Tm::NewIndex);
                if h.is_nil() {
                    return Ok(Lookup::NotIndexable(cur, depth));
                }
                if h.is_function() {
                    return Ok(Lookup::Call(h, cur));
                }
                cur = h;
            }
        }
        Err(self.error_here("'__newindex' chain too long; possible loop"))
    }

    /// The full `obj[key] = val` from Rust.
    pub fn set_index(&mut self, obj: Value, key: Value, val: Value) -> Result<(), RtError> {
        match self.assign(obj, key, val)? {
            Lookup::Value(_) => Ok(()),
            Lookup::Call(h, o) => self.call(h, &[o, key, val]).map(|_| ()),
            Lookup::NotIndexable(v, _) => {
                let tn = self.type_name_for_msg(v);
                Err(self.error_here(&format!("attempt to index a {} value", tn)))
            }
        }
    }

    /// The slow path of the GETxx ops (`R[dst] = obj[key]` through `__index`), out of line
    /// and cold: the dispatch loop saves pc and reloads its state from the frame after
    /// it, so no dispatch value stays live across the call (no spills in the fast paths).
    /// `dst` is an absolute stack index. Returns `Done` when the value was stored, `Enter`
    /// when a metamethod call changed or completed the frame (resume from the frame).
    #[cold]
    #[inline(never)]
    pub(crate) fn index_slow_op(&mut self, dst: usize, obj: Value, key: Value, reg: Option<usize>) -> Result<Flow, RtError> {
        // First a raw lookup of a plain key (hash-part integers, strings): it completes
        // the access when it finds a value or there is no metatable.
        if let Some(t) = value_as::<Table>(obj) {
            let mut dst_reg = Value::NIL;
            if t.get_into(key, &mut dst_reg) {
                let mut th = self.current;
                th.stack[dst] = dst_reg;
                return Ok(Flow::Done);
            }
        }
        self.index_meta_op(dst, obj, key, reg)
    }

    /// `index_slow_op` past the raw lookup: `__index`, other key types, errors. A
    /// function of its own so that the raw lookup above saves few registers.
    #[cold]
    #[inline(never)]
    fn index_meta_op(&mut self, dst: usize, obj: Value, key: Value, reg: Option<usize>) -> Result<Flow, RtError> {
        match self.lookup(obj, key)? {
            Lookup::Value(v) => {
                let mut th = self.current;
                th.stack[dst] = v;
                Ok(Flow::Done)
            }
            Lookup::Call(h, o) => Ok(match self.call_meta(h, &[o, key])? {
                Flow::Exit => Flow::Exit,
                _ => Flow::Enter,
            }),
            Lookup::NotIndexable(v, depth) => Err(self.index_error(v, depth, reg, key)),
        }
    }

    /// The slow path of the SETxx ops (`obj[key] = val` through `__newindex`), like
    /// `index_slow_op`.
    #[cold]
    #[inline(never)]
    pub(crate) fn newindex_slow_op(&mut self, obj: Value, key: Value, val: Value, reg: Option<usize>) -> Result<Flow, RtError> {
        // First a raw set of a plain key when no `__newindex` can apply (no metatable,
        // or the key is present).
        if let Some(mut t) = value_as::<Table>(obj) {
            if t.set_out_of_line(key, val) {
                return Ok(Flow::Done);
            }
        }
        self.newindex_meta_op(obj, key, val, reg)
    }

    /// `newindex_slow_op` past the raw set: `__newindex`, other key types, errors (out of
    /// line like `index_meta_op`).
    #[cold]
    #[inline(never)]
    fn newindex_meta_op(&mut self, obj: Value, key: Value, val: Value, reg: Option<usize>) -> Result<Flow, RtError> {
        match self.assign(obj, key, val)? {
            Lookup::Value(_) => Ok(Flow::Done),
            Lookup::Call(h, o) => Ok(match self.call_meta(h, &[o, key, val])? {
                Flow::Exit => Flow::Exit,
                _ => Flow::Enter,
            }),
            Lookup::NotIndexable(v, depth) => Err(self.index_error(v, depth, reg, key)),
        }
    }

    pub fn newindex_op(&mut self, obj: Value, key: Value, val: Value, reg: Option<usize>) -> Result<Flow, RtError> {
        match self.assign(obj, key, val)? {
            Lookup::Value(_) => Ok(Flow::Done),
            Lookup::Call(h, o) => self.call_meta(h, &[o, key, val]),
            Lookup::NotIndexable(v, depth) => {
                let info = if depth == 0 { self.index_info(reg, key) } else { String::new() };
                let tn = self.type_name_for_msg(v);
                Err(self.error_here(&format!("attempt to index a {} value{}", tn, info)))
            }
        }
    }

    /// Calls a metamethod for the interrupted instruction of the top frame. Its first
    /// result is applied by `finish_op`.
    pub fn call_meta(&mut self, h: Value, args: &[Value]) -> Result<Flow, RtError> {
        let mut th = self.current;
        let idx = th.frames.len() - 1;
        let scratch = {
            let f = &th.frames[idx];
            match f.closure {
                Some(c) => f.base + c.proto.max_stack,
                None => th.top,
            }
        };
        if !th.ensure_stack(scratch + args.len() + 2, self.limits.max_stack_slots) {
            return Err(self.error_here("stack overflow"));
        }
        th.stack[scratch] = h;
        for (i, &a) in args.iter().enumerate() {
            th.stack[scratch + 1 + i] = a;
        }
        th.top = scratch + 1 + args.len();
        let depth = th.frames.len();
        match self.precall(scratch, args.len(), 1, flags::FINISH)? {
            Flow::Done => {
                // A builtin metamethod: finish_frame already ran finish_op.
                let _ = depth;
                Ok(Flow::Done)
            }
            flow => Ok(flow),
        }
    }

    /// Applies a metamethod result (or a completed slow-path value) to the interrupted
    /// instruction at `pc - 1` of the top frame.
    pub fn finish_op(&mut self, result: Value) -> Result<(), RtError> {
        let mut th = self.current;
        let Some(idx) = th.frames.len().checked_sub(1) else { return Ok(()) };
        let Some(c) = th.frames[idx].closure else { return Ok(()) };
        let pc = th.frames[idx].pc;
        let i = c.proto.code[pc - 1];
        let base = th.frames[idx].base;
        match i.op() {
            Op::EQ | Op::LT | Op::LE | Op::EQK | Op::EQI | Op::LTI | Op::LEI | Op::GTI | Op::GEI => {
                let cond = result.is_truthy();
                if cond != i.k() {
                    th.frames[idx].pc += 1;
                } else {
                    // Take the jump now (the JMP would be executed next anyway).
                }
            }
            Op::SETTABLE | Op::SETI | Op::SETFIELD | Op::SETGLOBAL => {}
            Op::CONCAT => {
                let n = th.frames[idx].aux as usize;
                th.stack[base + i.a() + n - 2] = result;
                if n - 1 >= 2 {
                    th.frames[idx].aux = (n - 1) as u32;
                    th.frames[idx].pc -= 1;
                } else {
                    th.frames[idx].aux = 0;
                }
            }
            _ => th.stack[base + i.a()] = result,
        }
        Ok(())
    }

    // ---- arithmetic ----

    /// Number-only arithmetic without metamethods (None: needs the slow path).
    #[inline]
    pub fn arith_fast(&mut self, op: ArithOp, a: Value, b: Value) -> Option<Value> {
        if !(a.is_number() && b.is_number()) {
            return None;
        }
        match ops::arith(self, op, a, b) {
            Arith::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn arith_slow(&mut self, op: ArithOp, a: Value, b: Value, ra: Option<usize>, rb: Option<usize>) -> Result<Flow, RtError> {
        match ops::arith(self, op, a, b) {
            Arith::Value(v) => {
                self.finish_op(v)?;
                return Ok(Flow::Done);
            }
            Arith::ModByZero => return Err(self.error_here("attempt to perform 'n%0'")),
            Arith::NoIntRep => {
                let reg = if ops::to_int_strict(a).is_some_and(|r| r.is_err()) { ra } else { rb };
                let info = self.reg_info(reg);
                return Err(self.error_here(&format!("number{} has no integer representation", info)));
            }
            Arith::NotNumbers => {}
        }
        let tm = op.tm();
        let mut h = if a.is_str() { Value::NIL } else { self.metamethod(a, tm) };
        if h.is_nil() && !b.is_str() {
            h = self.metamethod(b, tm);
        }
        if !h.is_nil() {
            return self.call_meta(h, &[a, b]);
        }
        if op.is_bitwise() {
            let (bad, reg) = if !a.is_number() { (a, ra) } else { (b, rb) };
            let info = self.reg_info(reg);
            let tn = self.type_name_for_msg(bad);
            return Err(self.error_here(&format!("attempt to perform bitwise operation on a {} value{}", tn, info)));
        }
        if a.is_str() || b.is_str() {
            let (ta, tb) = (self.type_name_for_msg(a), self.type_name_for_msg(b));
            return Err(self.error_here(&format!("attempt to {} a '{}' with a '{}'", op.event(), ta, tb)));
        }
        let (bad, reg) = if !a.is_number() { (a, ra) } else { (b, rb) };
        let info = self.reg_info(reg);
        let tn = self.type_name_for_msg(bad);
        Err(self.error_here(&format!("attempt to perform arithmetic on a {} value{}", tn, info)))
    }

    // ---- length ----

    pub fn len_op(&mut self, v: Value, reg: Option<usize>) -> Result<Flow, RtError> {
        let h = self.metamethod(v, Tm::Len);
        if !h.is_nil() && v.is_table() {
            return self.call_meta(h, &[v]);
        }
        if let Some(t) = value_as::<Table>(v) {
            self.finish_op(Value::inline_int(t.border()))?;
            return Ok(Flow::Done);
        }
        if let Some(s) = Vm::str_bytes(v) {
            self.finish_op(Value::inline_int(s.len() as i64))?;
            return Ok(Flow::Done);
        }
        let info = self.reg_info(reg);
        let tn = self.type_name_for_msg(v);
        Err(self.error_here(&format!("attempt to get length of a {} value{}", tn, info)))
    }

    /// `#v` from Rust (with `__len`).
    pub fn length_of(&mut self, v: Value) -> Result<Value, RtError> {
        let h = self.metamethod(v, Tm::Len);
        if !h.is_nil() && v.is_table() {
            return Ok(self.call(h, &[v])?.first().copied().unwrap_or(Value::NIL));
        }
        if let Some(t) = value_as::<Table>(v) {
            return Ok(Value::inline_int(t.border()));
        }
        if let Some(s) = Vm::str_bytes(v) {
            return Ok(Value::inline_int(s.len() as i64));
        }
        let tn = self.type_name_for_msg(v);
        Err(self.error_here(&format!("attempt to get length of a {} value", tn)))
    }

    // ---- concatenation ----

    /// CONCAT of `n` values at stack[first..]: joins runs of strings/numbers from the
    /// right; a pair that is not both strings/numbers goes to `__concat`.
    pub fn concat_op(&mut self, first: usize, n: usize) -> Result<Flow, RtError> {
        let mut th = self.current;
        // Short strings only (`a .. b`, words built from pieces): joined in a stack buffer,
        // no scratch-buffer juggling.
        if let Some(vals) = th.stack.get(first..first + n) {
            let mut small = [0u8; SMALL_CONCAT];
            let mut len = 0;
            let mut all_short = true;
            for &v in vals {
                match Vm::str_bytes(v) {
                    Some(b) if len + b.len() <= SMALL_CONCAT => {
                        crate::shortbytes::copy(&mut small[len..len + b.len()], b);
                        len += b.len();
                    }
                    _ => {
                        all_short = false;
                        break;
                    }
                }
            }
            if all_short && n >= 2 && len <= self.limits.max_string {
                let s = self.str_value(&small[..len]);
                th.stack[first] = s;
                return Ok(Flow::Done);
            }
        }
        let mut n = n;
        // A reused scratch buffer: most concatenations build short strings, which are
        // then copied into the string object; this saves a malloc/free pair per `..`.
        let mut buf: Vec<u8> = std::mem::take(&mut self.heap.scratch);
        while n > 1 {
            let top = first + n;
            let (x, y) = (th.stack[top - 2], th.stack[top - 1]);
            let x_ok = x.is_str() || x.is_number();
            let y_ok = y.is_str() || y.is_number();
            if x_ok && y_ok {
                // Collect the longest run of strings/numbers ending at top-1.
                let mut start = top - 2;
                while start > first {
                    let v = th.stack[start - 1];
                    if v.is_str() || v.is_number() {
                        start -= 1;
                    } else {
                        break;
                    }
                }
                buf.clear();
                for j in start..top {
                    ops::concat_piece(th.stack[j], &mut buf);
                }
                if buf.len() > self.limits.max_string {
                    return Err(self.error_here("string length overflow"));
                }
                let s = self.str_value(&buf);
                th.stack[start] = s;
                n -= top - 1 - start;
                continue;
            }
            if buf.capacity() <= SCRATCH_KEEP {
                self.heap.scratch = std::mem::take(&mut buf);
            }
            let mut h = self.metamethod(x, Tm::Concat);
            if h.is_nil() {
                h = self.metamethod(y, Tm::Concat);
            }
            if h.is_nil() {
                let (bad, reg) = if x_ok { (y, top - 1) } else { (x, top - 2) };
                let base = th.frames.last().map(|f| f.base).unwrap_or(0);
                let info = self.reg_info(Some(reg - base));
                let tn = self.type_name_for_msg(bad);
                return Err(self.error_here(&format!("attempt to concatenate a {} value{}", tn, info)));
            }
            let idx = th.frames.len() - 1;
            th.frames[idx].aux = n as u32;
            return self.call_meta(h, &[x, y]);
        }
        // n == 1: the result is already at `first` (R[A]).
        if buf.capacity() <= SCRATCH_KEEP {
            self.heap.scratch = buf;
        }
        Ok(Flow::Done)
    }

    // ---- comparisons ----

    /// `__eq` for two distinct tables: Some(false) if neither has `__eq`.
    pub fn eq_tables(&mut self, a: Value, b: Value) -> Result<Option<bool>, RtError> {
        let mut h = self.metamethod(a, Tm::Eq);
        if h.is_nil() {
            h = self.metamethod(b, Tm::Eq);
        }
        Ok(if h.is_nil() { Some(false) } else { None })
    }

    pub fn call_eq_meta(&mut self, a: Value, b: Value) -> Result<Flow, RtError> {
        let mut h = self.metamethod(a, Tm::Eq);
        if h.is_nil() {
            h = self.metamethod(b, Tm::Eq);
        }
        self.call_meta(h, &[a, b])
    }

    /// Strings compare byte-wise; None if not both strings.
    pub fn compare_strings(&mut self, a: Value, b: Value, is_lt: bool) -> Result<Option<bool>, RtError> {
        if let (Some(x), Some(y)) = (value_as::<Str>(a), value_as::<Str>(b)) {
            let (x, y) = (x.as_bytes(), y.as_bytes());
            return Ok(Some(if is_lt { x < y } else { x <= y }));
        }
        Ok(None)
    }

    pub fn compare_meta(&mut self, a: Value, b: Value, is_lt: bool) -> Result<Flow, RtError> {
        let tm = if is_lt { Tm::Lt } else { Tm::Le };
        let mut h = self.metamethod(a, tm);
        if h.is_nil() {
            h = self.metamethod(b, tm);
        }
        if h.is_nil() {
            return Err(self.compare_error(a, b));
        }
        self.call_meta(h, &[a, b])
    }

    pub fn compare_error(&mut self, a: Value, b: Value) -> RtError {
        let (ta, tb) = (self.type_name_for_msg(a), self.type_name_for_msg(b));
        if ta == tb {
            self.error_here(&format!("attempt to compare two {} values", ta))
        } else {
            self.error_here(&format!("attempt to compare {} with {}", ta, tb))
        }
    }

    /// `a < b` (or `a <= b`) from Rust, with metamethods.
    pub fn less(&mut self, a: Value, b: Value, is_lt: bool) -> Result<bool, RtError> {
        if a.is_number() && b.is_number() {
            return Ok(if is_lt { ops::num_lt(a, b) } else { ops::num_le(a, b) });
        }
        if let Some(c) = self.compare_strings(a, b, is_lt)? {
            return Ok(c);
        }
        let tm = if is_lt { Tm::Lt } else { Tm::Le };
        let mut h = self.metamethod(a, tm);
        if h.is_nil() {
            h = self.metamethod(b, tm);
        }
        if h.is_nil() {
            return Err(self.compare_error_plain(a, b));
        }
        Ok(self.call(h, &[a, b])?.first().copied().unwrap_or(Value::NIL).is_truthy())
    }

    fn compare_error_plain(&mut self, a: Value, b: Value) -> RtError {
        let (ta, tb) = (self.type_name_for_msg(a), self.type_name_for_msg(b));
        if ta == tb {
            self.plain_error(format!("attempt to compare two {} values", ta))
        } else {
            self.plain_error(format!("attempt to compare {} with {}", ta, tb))
        }
    }

    /// `a == b` from Rust, with `__eq`.
    pub fn equals(&mut self, a: Value, b: Value) -> Result<bool, RtError> {
        if ops::raw_equal(a, b) {
            return Ok(true);
        }
        if a.is_table() && b.is_table() {
            let mut h = self.metamethod(a, Tm::Eq);
            if h.is_nil() {
                h = self.metamethod(b, Tm::Eq);
            }
            if !h.is_nil() {
                return Ok(self.call(h, &[a, b])?.first().copied().unwrap_or(Value::NIL).is_truthy());
            }
        }
        Ok(false)
    }

    // ---- spread and range ----

    /// SPREAD: replaces stack[at] (a table) by its values 1..n and sets top.
    pub fn spread(&mut self, at: usize) -> Result<(), RtError> {
        let mut th = self.current;
        let v = th.stack[at];
        let Some(t) = value_as::<Table>(v) else {
            let tn = self.type_name_for_msg(v);
            return Err(self.error_here(&format!("cannot spread a {} value", tn)));
        };
        let nkey = self.str_value(b"n");
        let nv = t.get(nkey);
        let n = match nv.as_int().or_else(|| nv.as_float().and_then(number::float_to_int)) {
            Some(n) if n >= 0 => n,
            _ => {
                if t.meta.is_none() {
                    t.border()
                } else {
                    let l = self.length_of(v)?;
                    l.as_int().unwrap_or(0)
                }
            }
        };
        if n > 1_000_000 {
            return Err(self.error_here("too many results to unpack"));
        }
        let n = n as usize;
        if !th.ensure_stack(at + n + 1, self.limits.max_stack_slots) {
            return Err(self.error_here("stack overflow"));
        }
        for j in 0..n {
            let key = Value::inline_int(j as i64 + 1);
            let val = if t.meta.is_none() { t.get_int(j as i64 + 1) } else { self.index_value(v, key)? };
            let mut th = self.current;
            th.stack[at + j] = val;
        }
        let mut th = self.current;
        th.top = at + n;
        Ok(())
    }

    /// RANGEPREP: decides the iteration kind (spec 7.8) and sets up R[A..A+2].
    pub fn range_prep(&mut self, ra: usize, nvars: usize, single: bool) -> Result<(), RtError> {
        let mut th = self.current;
        let x = th.stack[ra];
        if !single {
            return Ok(());
        }
        if let Some(t) = value_as::<Table>(x) {
            let h = self.metamethod(x, Tm::Pairs);
            if !h.is_nil() {
                let r = self.call(h, &[x])?;
                let mut th = self.current;
                for j in 0..3 {
                    th.stack[ra + j] = r.get(j).copied().unwrap_or(Value::NIL);
                }
                return Ok(());
            }
            let _ = t;
            th.stack[ra] = RANGE_TABLE;
            th.stack[ra + 1] = x;
            th.stack[ra + 2] = Value::inline_int(0);
            return Ok(());
        }
        if x.is_number() {
            if nvars > 1 {
                return Err(self.error_here("range over a number permits only one iteration variable"));
            }
            let n = match x.as_int() {
                Some(n) => n,
                None => match number::float_to_int(x.as_float_unchecked()) {
                    Some(n) => n,
                    None => return Err(self.error_here("number has no integer representation")),
                },
            };
            let limit = self.int(n);
            th.stack[ra] = RANGE_NUMBER;
            th.stack[ra + 1] = limit;
            th.stack[ra + 2] = Value::inline_int(0);
            return Ok(());
        }
        if x.type_of() == crate::value::Type::Channel {
            if nvars > 1 {
                return Err(self.error_here("range over a channel permits only one iteration variable"));
            }
            th.stack[ra] = RANGE_CHANNEL;
            th.stack[ra + 1] = x;
            th.stack[ra + 2] = Value::FALSE;
            return Ok(());
        }
        if x.is_function() {
            return Ok(());
        }
        let tn = self.type_name_for_msg(x);
        Err(self.error_here(&format!("cannot range over a {} value", tn)))
    }
}
