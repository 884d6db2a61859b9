//! Recording of builtin calls that are not float math (part of the recorder,
//! `record.rs`): `type`, `string.len` and `string.byte` become IR (`guardtype`,
//! `strlen`, `strbyte`); other pure builtins (`callout::is_pure_builtin`) are called
//! out of the trace (`carg`/`calln`) with number, string, boolean or nil arguments. Every call is
//! guarded by the identity of the function value, so a builtin the script replaced
//! fails the guard.

use super::*;

impl Rec<'_> {
    /// Register `s` holding a string, as a value (type-guarded unless constant).
    pub(super) fn str_operand(&mut self, s: usize) -> R<IrRef> {
        if value_as::<vm::object::Str>(self.val(s)).is_none() {
            return Err("not a string".into());
        }
        let r = self.get(s)?;
        if self.t.ty(r) != Ty::Val {
            return Err("string type confusion".into());
        }
        if self.t.get(r).op != Opc::K {
            let mut g = Ins::new(Opc::GuardType, Ty::None, r, IrRef::NONE);
            g.k = vm::value::Type::String as i64;
            self.guard(g);
        }
        Ok(r)
    }

    /// Guards that register `a` holds the function value `fv` (by identity: a builtin
    /// replaced by the script fails it) and keeps `fv` alive.
    pub(super) fn guard_identity(&mut self, a: usize, fv: Value) -> R<()> {
        let fr = self.get(a)?;
        let kf = self.kval(fv);
        let mut g = Ins::new(Opc::GuardV, Ty::None, fr, kf);
        g.k = 1;
        self.guard(g);
        self.roots.push(fv);
        Ok(())
    }

    /// Builtins with non-float results: `type`, `string.byte`, `string.len`. True if
    /// `n` is one of them (and was recorded).
    pub(super) fn call_value_builtin(&mut self, n: &Native, fv: Value, a: usize, b: usize, c: usize) -> R<bool> {
        match n.qualified {
            "type" if b == 2 => {
                let v = self.val(a + 1);
                let ty = v.type_of();
                if (ty as usize) > vm::value::Type::Function as usize {
                    return Err("type of a coroutine or channel".into());
                }
                self.guard_identity(a, fv)?;
                let r = self.get(a + 1)?;
                // Typed IR values and constants need no check.
                if self.t.ty(r) == Ty::Val && self.t.get(r).op != Opc::K {
                    let mut g = Ins::new(Opc::GuardType, Ty::None, r, IrRef::NONE);
                    g.k = ty as i64;
                    self.guard(g);
                }
                if c == 2 {
                    let name = Vm::object_value(self.vm.type_names[ty as usize]);
                    let kr = self.kval(name);
                    self.set(a, kr, name);
                }
                Ok(true)
            }
            "string.len" if b == 2 => {
                let Some(s) = value_as::<vm::object::Str>(self.val(a + 1)) else { return Err("string.len of a non-string".into()) };
                self.guard_identity(a, fv)?;
                let sr = self.str_operand(a + 1)?;
                let r = self.emit(Ins::new(Opc::StrLen, Ty::Int, sr, IrRef::NONE));
                if c == 2 {
                    self.set(a, r, Value::inline_int(s.len() as i64));
                }
                Ok(true)
            }
            // One byte: string.byte(s) or string.byte(s, i) with 1 <= i <= #s (guarded;
            // other indices exit and the interpreter handles them).
            "string.byte" if b == 2 || b == 3 => {
                let Some(s) = value_as::<vm::object::Str>(self.val(a + 1)) else { return Err("string.byte of a non-string".into()) };
                let iv = if b == 3 { self.val(a + 2) } else { Value::inline_int(1) };
                if !iv.is_inline_int() {
                    return Err("string.byte with a non-integer index".into());
                }
                let idx = iv.as_inline_int_unchecked();
                if idx < 1 || idx as u64 > s.len() as u64 {
                    return Err("string.byte outside the string".into());
                }
                let byte = s.as_bytes()[idx as usize - 1];
                self.guard_identity(a, fv)?;
                let sr = self.str_operand(a + 1)?;
                let ir = if b == 3 { self.get_as(a + 2, Ty::Int)? } else { self.kint(1) };
                let r = self.guard(Ins::new(Opc::StrByte, Ty::Int, sr, ir));
                if c == 2 {
                    self.set(a, r, Value::inline_int(byte as i64));
                }
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// `CALL a b c` of a pure builtin (`callout::is_pure_builtin`) out of the trace: its
    /// number, string, boolean or nil arguments (type-guarded: no metamethod can run) go to `carg`s,
    /// `calln` calls it and guards success. Executed now through the same routine.
    pub(super) fn call_out(&mut self, n: Gc<Native>, fv: Value, a: usize, b: usize, c: usize) -> R<()> {
        if !crate::callout::is_pure_builtin(n.qualified) || b == 0 || b - 1 > crate::callout::MAX_ARGS {
            return Err(format!("unsupported call of {}", n.qualified));
        }
        let nargs = b - 1;
        let args: Vec<Value> = (0..nargs).map(|j| self.val(a + 1 + j)).collect();
        // Booleans and nil have no metamethods either (`plain` flag of string.find).
        if !args.iter().all(|v| v.is_number() || v.is_str() || v.is_bool() || v.is_nil()) {
            return Err(format!("call of {} with an argument that is not a number, string, boolean or nil", n.qualified));
        }
        // c - 1 results wanted (c = 0, all of them, is not supported).
        if c == 0 || c - 1 > 1 + crate::callout::MAX_EXTRA_RESULTS {
            return Err(format!("call of {} for multiple results", n.qualified));
        }
        let mut extra = [Value::NIL; crate::callout::MAX_EXTRA_RESULTS];
        let Some(res) = crate::callout::call_native(self.vm, crate::callout::Callee::Builtin(n), &args, &mut extra) else {
            return Err(format!("call of {} failed while recording", n.qualified));
        };
        self.guard_identity(a, fv)?;
        let desc = n.as_ptr() as u64 & vm::value::PAYLOAD_MASK;
        let r = self.emit_call_out(desc, a + 1, &args)?;
        // The extra results are read right after the call (the next call overwrites them).
        let mut more = Vec::new();
        for j in 1..c.saturating_sub(1) {
            let mut ins = Ins::new(Opc::CRes, Ty::Val, IrRef::NONE, IrRef::NONE);
            ins.k = j as i64;
            more.push((self.emit(ins), extra[j - 1]));
        }
        if c >= 2 {
            self.set(a, r, res);
        }
        for (j, (rr, v)) in more.into_iter().enumerate() {
            self.set(a + 1 + j, rr, v);
        }
        Ok(())
    }

    /// `CONCAT a b` of numbers and strings (`b` values from register `a`), out of the
    /// trace (`calln` with `callout::CONCAT`).
    pub(super) fn concat(&mut self, a: usize, n: usize) -> R<()> {
        if !(2..=crate::callout::MAX_ARGS).contains(&n) {
            return Err("concatenation of too many values".into());
        }
        let args: Vec<Value> = (0..n).map(|j| self.val(a + j)).collect();
        if !args.iter().all(|v| v.is_number() || v.is_str()) {
            return Err("concatenation of a value that is not a number or string".into());
        }
        let mut extra = [Value::NIL; crate::callout::MAX_EXTRA_RESULTS];
        let Some(res) = crate::callout::call_native(self.vm, crate::callout::Callee::Concat, &args, &mut extra) else {
            return Err("concatenation failed while recording".into());
        };
        let r = self.emit_call_out(crate::callout::CONCAT, a, &args)?;
        self.set(a, r, res);
        Ok(())
    }

    /// The `carg`s of registers `first..` (runtime values `args`, type-guarded as number
    /// or string) and the `calln` with descriptor `desc` (the argument count added).
    fn emit_call_out(&mut self, desc: u64, first: usize, args: &[Value]) -> R<IrRef> {
        let nargs = args.len();
        let mut refs = Vec::with_capacity(nargs);
        for (j, v) in args.iter().enumerate() {
            let r = self.get(first + j)?;
            if self.t.ty(r) == Ty::Val && self.t.get(r).op != Opc::K {
                let mut g = Ins::new(Opc::GuardType, Ty::None, r, IrRef::NONE);
                g.k = v.type_of() as i64;
                self.guard(g);
            }
            refs.push(self.boxed(r));
        }
        for (j, r) in refs.into_iter().enumerate() {
            let mut ins = Ins::new(Opc::CArg, Ty::None, r, IrRef::NONE);
            ins.k = j as i64;
            self.emit(ins);
        }
        let mut call = Ins::new(Opc::CallN, Ty::Val, IrRef::NONE, IrRef::NONE);
        call.k = (desc | (nargs as u64) << 48) as i64;
        Ok(self.guard(call))
    }
}
