//! Calls, returns, error unwinding, deferred calls and coroutine switches.
//!
//! Script-to-script calls never recurse on the Rust stack: [`Vm::precall`] pushes a
//! frame and the dispatch loop continues in it; a return pops it. Builtins run to
//! completion inside `precall` (on a frame of their own, for tracebacks and levels),
//! except the few the interpreter implements itself (`pcall`, `xpcall`,
//! `coroutine.resume`/`yield` and `wrap` functions), which manipulate frames and threads.
//!
//! Frame flags (thread.rs) say what happens when a frame ends: PCALL/XPCALL frames catch
//! errors and prepend `true` on success; FRESH frames return to Rust (`Vm::call`);
//! FINISH frames complete the caller's interrupted instruction; CO_BASE frames end their
//! coroutine; DEFER_* frames are deferred calls run by a return or by unwinding.
//!
//! Unwinding runs each frame's deferred calls (as ordinary calls with the DEFER_UNWIND
//! flag, while the error waits in `Thread::unwinding`), then pops the frame, until a
//! catching frame is found. The `xpcall` handler and the traceback are taken at raise
//! time, before anything is popped ([`Vm::prepare_error`]).

use crate::error::RtError;
use crate::function::{Args, Closure, Native, NativeKind};
use crate::object::{value_as, Gc};
use crate::thread::{flags, CoStatus, Frame, Thread};
use crate::value::Value;
use crate::vm::{Tm, Vm};

/// What the dispatch loop must do after a call-related operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Completed; continue in the same frame (results are in place).
    Done,
    /// The current thread's top frame changed: reload it.
    Enter,
    /// A FRESH frame completed: `execute` must return to its Rust caller.
    Exit,
}

impl Vm {
    /// Error with the position of the innermost frame if it is a script frame.
    pub fn error_here(&mut self, msg: &str) -> RtError {
        let pos = self.caller_position(0);
        let v = self.str_value(format!("{}{}", pos, msg).as_bytes());
        RtError::new(v)
    }

    /// Calls the value at `stack[func]` with `nargs` arguments above it.
    ///
    /// A thin dispatcher: each kind of callee has its own out-of-line function, so that
    /// this one saves few registers (it runs on every coroutine switch and builtin call).
    pub fn precall(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16) -> Result<Flow, RtError> {
        let f = self.current.stack[func];
        if let Some(c) = value_as::<Closure>(f) {
            return self.precall_closure(func, nargs, want, frame_flags, c);
        }
        if let Some(n) = value_as::<Native>(f) {
            // The ordinary builtin first, as a plain branch: the `match` below is an
            // indirect jump through a table.
            if n.kind == NativeKind::Normal {
                return self.call_native(func, nargs, want, frame_flags, n);
            }
            return match n.kind {
                NativeKind::Normal => self.call_native(func, nargs, want, frame_flags, n),
                NativeKind::Pcall => self.call_pcall(func, nargs, want, frame_flags),
                NativeKind::Xpcall => self.call_xpcall(func, nargs, want, frame_flags),
                NativeKind::Resume | NativeKind::WrapCall => self.call_resume(func, nargs, want, frame_flags, n),
                NativeKind::Yield => self.call_yield(func, nargs, want, frame_flags),
                // Goroutine hook (sched.rs): builtins that may block the goroutine.
                NativeKind::Blocking => self.call_blocking_native(func, nargs, want, frame_flags, n),
            };
        }
        self.precall_meta(func, nargs, want, frame_flags)
    }

    #[inline(never)]
    fn precall_closure(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16, c: Gc<Closure>) -> Result<Flow, RtError> {
        self.push_script_frame(func, nargs, want, frame_flags, c)?;
        self.hook_countdown -= 1;
        if self.hook_countdown <= 0 {
            // The new frame exists: a hook error is raised inside it.
            if let Flow::Exit = self.run_hooks()? {
                return Ok(Flow::Exit);
            }
        }
        Ok(Flow::Enter)
    }

    /// A value that is not a function: calls its `__call` handler with the value
    /// inserted before the arguments (chains of handlers are followed).
    #[inline(never)]
    fn precall_meta(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16) -> Result<Flow, RtError> {
        let mut nargs = nargs;
        let mut th = self.current;
        let mut hops = 0u32;
        loop {
            let f = th.stack[func];
            if f.is_function() {
                return self.precall(func, nargs, want, frame_flags);
            }
            // __call: insert the handler before the object and try again.
            let h = self.metamethod(f, Tm::Call);
            if h.is_nil() {
                return Err(self.call_error(func, f));
            }
            hops += 1;
            if hops >= self.limits.max_rust_depth {
                return Err(self.error_here("stack overflow"));
            }
            if !th.ensure_stack(func + nargs + 2, self.limits.max_stack_slots) {
                return Err(self.error_here("stack overflow"));
            }
            for i in (func..func + 1 + nargs).rev() {
                th.stack[i + 1] = th.stack[i];
            }
            th.stack[func] = h;
            nargs += 1;
            th.top = th.top.max(func + 1 + nargs);
        }
    }

    /// "attempt to call a T value" with variable information from the calling instruction.
    pub(crate) fn call_error(&mut self, func: usize, f: Value) -> RtError {
        let th = self.current;
        let mut info = String::new();
        if let Some(frame) = th.frames.last() {
            if let Some(c) = frame.closure {
                let pc = frame.pc.saturating_sub(1);
                if let Some(i) = c.proto.code.get(pc) {
                    if matches!(i.op(), compiler::Op::CALL | compiler::Op::TAILCALL | compiler::Op::GO) && frame.base + i.a() == func {
                        info = crate::error::var_info(&c.proto, pc, i.a());
                    }
                }
            }
        }
        let tn = self.type_name_for_msg(f);
        self.error_here(&format!("attempt to call a {} value{}", tn, info))
    }

    fn push_script_frame(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16, c: Gc<Closure>) -> Result<(), RtError> {
        let mut th = self.current;
        if th.frames.len() >= self.limits.max_frames {
            return Err(self.error_here("stack overflow"));
        }
        let p = c.proto;
        let fixed = p.num_params;
        let mut nargs = nargs;
        if !th.ensure_stack(func + 1 + nargs.max(fixed) + p.max_stack + 1, self.limits.max_stack_slots) {
            return Err(self.error_here("stack overflow"));
        }
        while nargs < fixed {
            th.stack[func + 1 + nargs] = Value::NIL;
            nargs += 1;
        }
        let (base, varargs) = if p.is_vararg {
            let nextra = nargs - fixed;
            let new_func = func + 1 + nargs;
            if !th.ensure_stack(new_func + 1 + p.max_stack + 1, self.limits.max_stack_slots) {
                return Err(self.error_here("stack overflow"));
            }
            th.stack[new_func] = th.stack[func];
            for i in 0..fixed {
                th.stack[new_func + 1 + i] = th.stack[func + 1 + i];
                th.stack[func + 1 + i] = Value::NIL;
            }
            (new_func + 1, nextra as u32)
        } else {
            (func + 1, 0)
        };
        let mut frame = Frame::new(func, base, Some(c), want);
        frame.flags = frame_flags;
        frame.varargs = varargs;
        if frame_flags & (flags::PCALL | flags::XPCALL) != 0 {
            th.protected += 1;
        }
        th.frames.push(frame);
        Ok(())
    }

    /// CALL of a vararg script function from the dispatch loop: pushes its frame (the
    /// fixed parameters move above the extra arguments) and returns the new base, or
    /// None, having changed nothing, if that fails (stack or frame limit), for
    /// `precall` to report.
    #[inline(never)]
    pub(crate) fn push_vararg_frame(&mut self, func: usize, nargs: usize, want: i32, c: Gc<Closure>) -> Option<usize> {
        let mut th = self.current;
        let p = c.proto;
        let fixed = p.num_params;
        let nargs_all = nargs.max(fixed);
        // The callee moves to new_func, above the arguments; its registers follow.
        let new_func = func + 1 + nargs_all;
        let need = new_func + 1 + p.max_stack + 1;
        if th.frames.len() >= self.limits.max_frames || !th.ensure_stack(need, self.limits.max_stack_slots) {
            return None;
        }
        let stack = &mut th.stack[func..need];
        // Missing fixed parameters are nil (nargs < fixed means no extra arguments).
        stack[1 + nargs..1 + nargs_all].fill(Value::NIL);
        let nf = new_func - func;
        stack[nf] = stack[0];
        for i in 1..=fixed {
            stack[nf + i] = stack[i];
            stack[i] = Value::NIL;
        }
        let mut frame = Frame::new(func, new_func + 1, Some(c), want);
        frame.varargs = (nargs_all - fixed) as u32;
        th.push_frame(frame);
        Some(new_func + 1)
    }

    /// Pushes the frame of a builtin called at `func` with `nargs` arguments.
    #[inline(always)]
    pub(crate) fn push_native_frame(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16) -> Result<(), RtError> {
        let mut th = self.current;
        // Fast path: no flags and a free slot in the frame vector (every ordinary builtin
        // call and coroutine switch); the rest is out of line.
        let len = th.frames.len();
        if frame_flags == 0 && len < self.limits.max_frames && len < th.frames.capacity() {
            // SAFETY: len < capacity: the slot is allocated and uninitialised; writing it
            // and bumping the length keeps the Vec valid.
            unsafe {
                std::ptr::write(th.frames.as_mut_ptr().add(len), Frame::new(func, func + 1, None, want));
                th.frames.set_len(len + 1);
            }
            th.top = func + 1 + nargs;
            return Ok(());
        }
        self.push_native_frame_slow(func, nargs, want, frame_flags)
    }

    /// Pushes the frame of a builtin called from outside the dispatch loop (the JIT's
    /// calls out of a trace, `jit::callout`): function at `func`, `nargs` arguments
    /// after it. The caller runs the builtin and pops the frame itself.
    pub fn push_builtin_frame(&mut self, func: usize, nargs: usize, want: i32) -> Result<(), RtError> {
        self.push_native_frame(func, nargs, want, 0)
    }

    #[inline(never)]
    fn push_native_frame_slow(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16) -> Result<(), RtError> {
        let mut th = self.current;
        if th.frames.len() >= self.limits.max_frames {
            return Err(self.error_here("stack overflow"));
        }
        let mut frame = Frame::new(func, func + 1, None, want);
        frame.flags = frame_flags;
        if frame_flags & (flags::PCALL | flags::XPCALL) != 0 {
            th.protected += 1;
        }
        if frame_flags & flags::XPCALL != 0 {
            // Only an XPCALL frame takes the pending handler (set just for it).
            self.take_xpcall_handler(&mut frame);
        }
        th.push_frame(frame);
        th.top = func + 1 + nargs;
        Ok(())
    }

    #[inline(never)]
    fn call_native(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16, n: Gc<Native>) -> Result<Flow, RtError> {
        self.push_native_frame(func, nargs, want, frame_flags)?;
        let nres = (n.func)(self, Args { base: func + 1, count: nargs })?;
        let th = self.current;
        let src = th.top - nres;
        self.finish_frame(src, nres)
    }

    /// Gives an XPCALL builtin frame its message handler before the builtin runs (set by
    /// `protected_call`/`call_flags`), so that errors the builtin raises reach it.
    fn take_xpcall_handler(&mut self, frame: &mut Frame) {
        let h = std::mem::replace(&mut self.pending_xpcall_handler, Value::NIL);
        if frame.flags & flags::XPCALL != 0 && !h.is_nil() {
            frame.set_handler(h);
        }
    }

    #[inline(never)]
    fn call_pcall(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16) -> Result<Flow, RtError> {
        if nargs == 0 {
            return self.native_error(func, want, frame_flags, "bad argument #1 to 'pcall' (value expected)");
        }
        self.protected_call(func + 1, nargs - 1, want, frame_flags, flags::PCALL, Value::NIL)
    }

    #[inline(never)]
    fn call_xpcall(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16) -> Result<Flow, RtError> {
        let mut th = self.current;
        let handler = if nargs >= 2 { th.stack[func + 2] } else { Value::NIL };
        if !handler.is_function() {
            let got = if nargs >= 2 { self.type_name_for_msg(handler) } else { "no value".into() };
            return self.native_error(func, want, frame_flags, &format!("bad argument #2 to 'xpcall' (function expected, got {})", got));
        }
        // Drop the handler from the argument list: f, args... become contiguous.
        for i in func + 2..func + nargs {
            th.stack[i] = th.stack[i + 1];
        }
        self.protected_call(func + 1, nargs - 2, want, frame_flags, flags::XPCALL, handler)
    }

    /// Raises `msg` as an error of a builtin that has no frame of its own yet.
    fn native_error(&mut self, func: usize, want: i32, frame_flags: u16, msg: &str) -> Result<Flow, RtError> {
        let nargs = self.current.top.saturating_sub(func + 1);
        self.push_native_frame(func, nargs, want, frame_flags)?;
        Err(self.rt_error(msg))
    }

    /// Calls `stack[func]` in protected mode. The results (true, ... / false, err) go to
    /// `func - 1`.
    fn protected_call(&mut self, func: usize, nargs: usize, want: i32, outer: u16, protect: u16, handler: Value) -> Result<Flow, RtError> {
        // pcall nesting counts as calls through a builtin (spec 16: at least 190), as in
        // Lua; it also keeps `return pcall(f)` chains from growing quadratic result lists.
        if self.current.protected as usize + self.rust_depth as usize >= self.limits.max_rust_depth as usize {
            return Err(self.error_here("stack overflow"));
        }
        // The callee frame carries both the caller's flags and the protection; flags
        // that cannot share one frame need a builtin frame for pcall itself.
        if outer & !(flags::FRESH | flags::FINISH | flags::TAIL) != 0 {
            return self.protected_call_in_rust(func, nargs, want, outer, protect, handler);
        }
        let frame_flags = outer | protect;
        let mut th = self.current;
        let f = th.stack[func];
        let callable = f.is_function() || !self.metamethod(f, Tm::Call).is_nil();
        if !callable {
            // pcall(nil) returns false and the message (no position: called by pcall).
            let msg = format!("attempt to call a {} value", self.type_name_for_msg(f));
            let msg = self.str_value(msg.as_bytes());
            th.stack[func - 1] = Value::FALSE;
            th.stack[func] = msg;
            return Ok(self.place_results(func - 1, 2, want, frame_flags));
        }
        let depth = th.frames.len();
        self.pending_xpcall_handler = handler;
        let r = self.precall(func, nargs, want, frame_flags);
        self.pending_xpcall_handler = Value::NIL;
        match r {
            Ok(flow) => {
                if flow == Flow::Enter {
                    let mut th = self.current;
                    if th.frames.len() > depth {
                        th.frames[depth].set_handler(handler);
                    }
                }
                Ok(flow)
            }
            Err(e) => {
                let mut th = self.current;
                if th.frames.len() > depth {
                    return Err(e);
                }
                // Failed before any frame existed (e.g. a `__call` chain overflow).
                th.stack[func - 1] = Value::FALSE;
                th.stack[func] = e.value;
                Ok(self.place_results(func - 1, 2, want, frame_flags))
            }
        }
    }

    /// Adjusts `n` results at `src` (already at their destination) to `want`.
    fn place_results(&mut self, dst: usize, n: usize, want: i32, frame_flags: u16) -> Flow {
        let mut th = self.current;
        if want < 0 {
            th.top = dst + n;
        } else {
            let want = want as usize;
            if th.ensure_stack(dst + want + 1, usize::MAX) {
                for i in n..want {
                    th.stack[dst + i] = Value::NIL;
                }
            }
        }
        if frame_flags & flags::FRESH != 0 {
            Flow::Exit
        } else {
            Flow::Done
        }
    }

    /// Ends the top frame of the current thread, whose `n` results are at `src`
    /// (deferred calls have already run): moves them into place and acts on the flags.
    #[inline(always)]
    pub fn finish_frame(&mut self, src: usize, n: usize) -> Result<Flow, RtError> {
        // Fast path: a plain builtin frame (the end of every ordinary builtin call, and of
        // `resume`/`yield` delivering values): no flags, no upvalues, no `extra`, and
        // room for the wanted results. Inline in its callers; the rest is out of line.
        let mut th = self.current;
        if let Some(f) = th.frames.last() {
            let (dst, want) = (f.func, f.want);
            if f.flags == 0 && f.closure.is_none() && f.extra.is_none() && dst + n.max(want.max(0) as usize) < th.stack.len() {
                let len = th.frames.len();
                // SAFETY: the last frame owns no heap data (`extra` is None, the rest
                // is Copy): dropping it by shortening the Vec leaks nothing.
                unsafe { th.frames.set_len(len - 1) };
                if dst != src {
                    for i in 0..n {
                        th.stack[dst + i] = th.stack[src + i];
                    }
                }
                if want < 0 {
                    th.top = dst + n;
                } else {
                    for i in n..want as usize {
                        th.stack[dst + i] = Value::NIL;
                    }
                }
                return Ok(Flow::Done);
            }
        }
        self.finish_frame_slow(src, n)
    }

    /// `finish_frame` for frames with flags, upvalues or extra state.
    #[inline(never)]
    fn finish_frame_slow(&mut self, src: usize, n: usize) -> Result<Flow, RtError> {
        // The end of a call from Rust (`Vm::call`: comparators, `gsub` functions, ...):
        // a frame with only FRESH (and TAIL, which changes nothing here), all results
        // wanted and no extra state. The general loop below does the same in more steps.
        let mut th = self.current;
        if let Some(f) = th.frames.last() {
            if f.flags & !flags::TAIL == flags::FRESH && f.want < 0 && f.extra.is_none() {
                let (dst, level, script) = (f.func, f.base.min(f.func + 1), f.closure.is_some());
                let len = th.frames.len();
                // SAFETY: the last frame owns no heap data (`extra` is None, the rest is
                // Copy): dropping it by shortening the Vec leaks nothing.
                unsafe { th.frames.set_len(len - 1) };
                if script && !th.open_upvalues.is_empty() {
                    th.close_upvalues(level);
                }
                if dst != src {
                    // Usually one or two values: a loop, not a memmove call.
                    for i in 0..n {
                        th.stack[dst + i] = th.stack[src + i];
                    }
                }
                th.top = dst + n;
                return Ok(Flow::Exit);
            }
        }
        self.finish_frame_general(src, n)
    }

    /// `finish_frame_slow` for every other frame (out of line: it saves many registers).
    #[inline(never)]
    fn finish_frame_general(&mut self, mut src: usize, mut n: usize) -> Result<Flow, RtError> {
        // A loop, not recursion, for TAIL_RETURN chains (`return pcall(f)` nested 200,000
        // deep overflowed the Rust stack of an embedding host; reliability fix).
        loop {
            let mut th = self.current;
            let Some(frame) = th.frames.pop() else { return Ok(Flow::Exit) };
            let fl = frame.flags;
            if frame.closure.is_some() {
                th.close_upvalues(frame.base.min(frame.func + 1));
            }
            if fl & flags::GOROUTINE_BASE != 0 {
                // Goroutine hook (sched.rs): the goroutine's body returned.
                return self.goroutine_finished();
            }
            if fl & flags::CO_BASE != 0 {
                let values: Vec<Value> = th.stack[src..src + n].to_vec();
                return self.coroutine_finished(values);
            }
            let mut dst = frame.func;
            let mut count = n;
            if fl & (flags::PCALL | flags::XPCALL) != 0 {
                th.protected -= 1;
                dst -= 1;
                th.stack[dst] = Value::TRUE;
                for i in 0..n {
                    th.stack[dst + 1 + i] = th.stack[src + i];
                }
                count += 1;
            } else if dst != src {
                for i in 0..n {
                    th.stack[dst + i] = th.stack[src + i];
                }
            }
            let want = frame.want;
            if want < 0 {
                th.top = dst + count;
            } else {
                let w = want as usize;
                if w > count {
                    if !th.ensure_stack(dst + w + 1, usize::MAX) {
                        return Err(self.error_here("stack overflow"));
                    }
                    for i in count..w {
                        th.stack[dst + i] = Value::NIL;
                    }
                }
            }
            if fl & flags::FINISH != 0 {
                let result = if count > 0 { th.stack[dst] } else { Value::NIL };
                self.finish_op(result)?;
                return Ok(Flow::Enter);
            }
            if fl & flags::DEFER_RETURN != 0 {
                if frame.closure.is_none() && self.defer_sync == Some((th, th.frames.len())) {
                    // A deferred builtin that completed at once: `continue_return`'s loop
                    // runs the next deferred call (no Rust recursion per deferred call).
                    return Ok(Flow::Done);
                }
                return self.continue_return();
            }
            if fl & flags::TAIL_RETURN != 0 {
                // do_return(dst, count), iteratively when the frame below has no deferred
                // calls (do_return would just call finish_frame).
                if th.frames.last().is_some_and(|f| !f.has_defers()) {
                    src = dst;
                    n = count;
                    continue;
                }
                return self.do_return(dst, count);
            }
            if fl & flags::DEFER_UNWIND != 0 {
                let e = th.unwinding.take().unwrap_or_else(|| RtError::new(Value::NIL));
                return Err(e);
            }
            if fl & flags::FRESH != 0 {
                return Ok(Flow::Exit);
            }
            if frame.closure.is_some() || fl & flags::RANGE != 0 {
                return Ok(Flow::Enter);
            }
            return Ok(Flow::Done);
        }
    }

    /// RETURN of the top (script) frame with `n` values at `src`: runs pending deferred
    /// calls, then ends the frame.
    pub fn do_return(&mut self, src: usize, n: usize) -> Result<Flow, RtError> {
        let mut th = self.current;
        let idx = th.frames.len() - 1;
        if !th.frames[idx].has_defers() {
            return self.finish_frame(src, n);
        }
        if th.frames[idx].flags & flags::RETURNING == 0 {
            // The values are fixed now (spec 7.13): copy them above the registers, where
            // deferred calls that assign captured locals cannot change them.
            let safe = self.frame_scratch(idx).max(src + n);
            if !th.ensure_stack(safe + n + 1, self.limits.max_stack_slots) {
                return Err(self.error_here("stack overflow"));
            }
            for j in 0..n {
                th.stack[safe + j] = th.stack[src + j];
            }
            let f = &mut th.frames[idx];
            f.flags |= flags::RETURNING;
            f.set_ret_range(safe, n);
        }
        self.continue_return()
    }

    /// Runs the next deferred call of the returning top frame, or ends it.
    fn continue_return(&mut self) -> Result<Flow, RtError> {
        loop {
            let mut th = self.current;
            let idx = th.frames.len() - 1;
            let (src, n) = th.frames[idx].ret_range();
            let Some(call) = th.frames[idx].pop_defer() else {
                th.frames[idx].flags &= !flags::RETURNING;
                return self.finish_frame(src, n);
            };
            let scratch = self.frame_scratch(idx).max(src + n);
            // The deferred call's frame will be at index idx + 1 (see finish_frame).
            let saved = self.defer_sync.replace((th, idx + 1));
            let r = self.push_and_call(scratch, &call, flags::DEFER_RETURN);
            self.defer_sync = saved;
            match r? {
                Flow::Done => continue,
                flow => return Ok(flow),
            }
        }
    }

    /// First free slot above frame `idx`'s registers.
    fn frame_scratch(&self, idx: usize) -> usize {
        let th = &self.current;
        let f = &th.frames[idx];
        let regs = match f.closure {
            Some(c) => f.base + c.proto.max_stack,
            None => th.top.max(f.base),
        };
        let (rs, rc) = f.ret_range();
        regs.max(rs + rc)
    }

    /// Copies a callee and its arguments to `at` and calls it with no results wanted.
    fn push_and_call(&mut self, at: usize, call: &[Value], frame_flags: u16) -> Result<Flow, RtError> {
        let mut th = self.current;
        if !th.ensure_stack(at + call.len() + 1, self.limits.max_stack_slots) {
            return Err(self.error_here("stack overflow"));
        }
        for (i, &v) in call.iter().enumerate() {
            th.stack[at + i] = v;
        }
        th.top = at + call.len();
        self.precall(at, call.len() - 1, 0, frame_flags)
    }

    // ---- errors ----

    /// Raise-time processing: run the innermost `xpcall` handler and capture a traceback
    /// if nothing will catch the error.
    pub fn prepare_error(&mut self, e: &mut RtError) {
        if e.handled {
            return;
        }
        e.handled = true;
        let mut th = self.current;
        let mut handler_frame = None;
        for i in (0..th.frames.len()).rev() {
            let fl = th.frames[i].flags;
            if fl & flags::XPCALL != 0 {
                handler_frame = Some(i);
                break;
            }
            if fl & (flags::PCALL | flags::CO_BASE) != 0 {
                break;
            }
        }
        if let Some(i) = handler_frame {
            let h = th.frames[i].handler();
            if !h.is_nil() {
                th.frames[i].set_handler(Value::NIL);
                let r = self.call(h, &[e.value]);
                let mut th = self.current;
                if i < th.frames.len() {
                    th.frames[i].set_handler(h);
                }
                e.value = match r {
                    Ok(vals) => vals.first().copied().unwrap_or(Value::NIL),
                    Err(_) => self.str_value(b"error in error handling"),
                };
            }
            return;
        }
        if th.protected == 0 && th.is_main && e.traceback.is_none() {
            e.traceback = Some(crate::error::traceback(&th, 0));
        }
    }

    /// Unwinds the current thread after an error; returns how to continue, or the error
    /// if it leaves `execute` (through a FRESH frame).
    pub fn handle_error(&mut self, mut e: RtError) -> Result<Flow, RtError> {
        if e.fatal.is_some() {
            // Ends the whole run (sched.rs): nothing catches it, no deferred call runs.
            return Err(e);
        }
        self.prepare_error(&mut e);
        loop {
            let mut th = self.current;
            let Some(idx) = th.frames.len().checked_sub(1) else { return Err(e) };
            if let Some(call) = th.frames[idx].pop_defer() {
                let scratch = self.frame_scratch(idx);
                th.unwinding = Some(e);
                match self.push_and_call(scratch, &call, flags::DEFER_UNWIND) {
                    Ok(Flow::Done) => {
                        e = self.current.unwinding.take().unwrap_or_else(|| RtError::new(Value::NIL));
                        continue;
                    }
                    Ok(flow) => return Ok(flow),
                    Err(mut e2) => {
                        self.current.unwinding = None;
                        self.prepare_error(&mut e2);
                        e = e2;
                        continue;
                    }
                }
            }
            let Some(frame) = th.frames.pop() else { return Err(e) };
            let fl = frame.flags;
            if frame.closure.is_some() {
                th.close_upvalues(frame.base.min(frame.func + 1));
            }
            if fl & (flags::PCALL | flags::XPCALL) != 0 {
                th.protected -= 1;
                th.unwinding = None;
                let dst = frame.func - 1;
                th.stack[dst] = Value::FALSE;
                th.stack[dst + 1] = e.value;
                if fl & flags::TAIL_RETURN != 0 {
                    // `return pcall(...)` from a frame that could not reuse itself.
                    return self.do_return(dst, 2);
                }
                return Ok(match self.place_results(dst, 2, frame.want, fl) {
                    Flow::Done => Flow::Enter,
                    other => other,
                });
            }
            if fl & flags::FRESH != 0 {
                return Err(e);
            }
            if fl & flags::GOROUTINE_BASE != 0 {
                // Goroutine hook (sched.rs): uncaught error in a goroutine ends the run.
                return self.goroutine_died(e);
            }
            if fl & flags::CO_BASE != 0 {
                match self.coroutine_died(e) {
                    Ok(flow) => return Ok(flow),
                    Err(mut e2) => {
                        // A wrap function re-raises the error in its caller.
                        self.prepare_error(&mut e2);
                        e = e2;
                        continue;
                    }
                }
            }
            if fl & flags::DEFER_UNWIND != 0 {
                // The deferred call's error replaces the one being propagated.
                th.unwinding = None;
            }
            if fl & flags::DEFER_RETURN != 0 {
                if let Some(f) = th.frames.last_mut() {
                    f.flags &= !flags::RETURNING;
                }
            }
        }
    }

    // ---- calls from Rust ----

    /// Calls a value from Rust with the given arguments and returns all its results.
    /// This is a Rust-level re-entry: depth-limited, and no yield can cross it.
    pub fn call(&mut self, f: Value, args: &[Value]) -> Result<Vec<Value>, RtError> {
        self.call_flags(f, args, 0, Value::NIL)
    }

    /// `vm.call` keeping only the first result (nil if none), without collecting the
    /// results into a vector (comparators, `gsub` replacement functions, ...).
    pub fn call_first(&mut self, f: Value, args: &[Value]) -> Result<Value, RtError> {
        self.call_with(f, args, 0, Value::NIL, |results| results.first().copied().unwrap_or(Value::NIL))
    }

    /// `vm.call` in protected mode (`protect` = PCALL or XPCALL with `handler`): returns
    /// `true, results...` or `false, error` like `pcall`.
    fn call_flags(&mut self, f: Value, args: &[Value], protect: u16, handler: Value) -> Result<Vec<Value>, RtError> {
        self.call_with(f, args, protect, handler, |results| results.to_vec())
    }

    /// Runs the call of `call_flags` and hands the results (still on the stack) to `take`.
    fn call_with<T>(&mut self, f: Value, args: &[Value], protect: u16, handler: Value, take: impl FnOnce(&[Value]) -> T) -> Result<T, RtError> {
        if self.rust_depth >= self.limits.max_rust_depth {
            return Err(self.error_here("stack overflow"));
        }
        let mut th = self.current;
        // Slot `func - 1` receives the true/false of a protected call.
        let slot = th.top.max(self.live_top());
        let func = slot + 1;
        // A fixed-arity script closure called without protection has its frame pushed
        // here (`enter_fresh_closure`) instead of through `precall`, when nothing can go
        // wrong in between: room for the frame and its registers, no hook due. Anything
        // else takes `precall`, which reports errors as usual.
        let mut direct = None;
        if protect == 0 && th.frames.len() < self.limits.max_frames && self.hook_countdown > 1 {
            if let Some(c) = value_as::<Closure>(f) {
                let p = c.proto;
                if !p.is_vararg && th.ensure_stack(func + 1 + args.len().max(p.num_params) + p.max_stack + 1, self.limits.max_stack_slots) {
                    direct = Some(c);
                }
            }
        }
        if direct.is_none() && !th.ensure_stack(func + args.len() + 2, self.limits.max_stack_slots) {
            return Err(self.error_here("stack overflow"));
        }
        th.stack[func] = f;
        for (i, &a) in args.iter().enumerate() {
            th.stack[func + 1 + i] = a;
        }
        th.top = func + 1 + args.len();
        let depth = th.frames.len();
        let entry_rust_depth = self.rust_depth;
        self.rust_depth += 1;
        th.non_yieldable += 1;
        // Goroutine hook (sched.rs): goroutines switch only at call depth 1.
        if self.sched.call_depth == 0 {
            self.sched.begin_run();
        }
        self.sched.call_depth += 1;
        self.pending_xpcall_handler = if protect & flags::XPCALL != 0 { handler } else { Value::NIL };
        let r = match direct {
            Some(c) => {
                self.enter_fresh_closure(func, args.len(), c);
                Ok(Flow::Enter)
            }
            None => self.precall(func, args.len(), -1, flags::FRESH | protect),
        };
        self.pending_xpcall_handler = Value::NIL;
        let r = match r {
            Ok(Flow::Enter) => {
                if protect != 0 && !handler.is_nil() && self.current.frames.len() > depth {
                    let mut t = self.current;
                    t.frames[depth].set_handler(handler);
                }
                self.execute()
            }
            Ok(_) => Ok(()),
            Err(e) => {
                if self.current.frames.len() > depth {
                    match self.handle_error(e) {
                        Ok(Flow::Enter) => self.execute(),
                        Ok(_) => Ok(()),
                        Err(e) => Err(e),
                    }
                } else if protect != 0 {
                    // Not callable: pcall's (false, message).
                    let mut t = self.current;
                    t.stack[slot] = Value::FALSE;
                    t.stack[slot + 1] = e.value;
                    t.top = slot + 2;
                    Ok(())
                } else {
                    let mut e = e;
                    self.prepare_error(&mut e);
                    Err(e)
                }
            }
        };
        if let Err(e) = &r {
            if e.fatal.is_some() && self.sched.call_depth == 1 {
                // A goroutine died or all deadlocked (sched.rs): the run ends here, and
                // the scheduler returns to the state before this call.
                self.sched_abort(th, depth);
                self.rust_depth = entry_rust_depth + 1;
            }
        }
        self.rust_depth -= 1;
        th.non_yieldable -= 1;
        self.sched.call_depth -= 1;
        let mut th = self.current;
        let first = if protect != 0 { slot } else { func };
        match r {
            Ok(()) => {
                let results = take(&th.stack[first..th.top.max(first)]);
                th.top = slot;
                Ok(results)
            }
            Err(e) => {
                th.top = slot;
                Err(e)
            }
        }
    }

    /// `precall` of a fixed-arity script closure at `func` for `call_with`, whose checks
    /// have been made: the frame limit, the stack room for its registers, no hook due
    /// (so the countdown only decrements, as `precall_closure` would).
    #[inline(always)]
    fn enter_fresh_closure(&mut self, func: usize, nargs: usize, c: Gc<Closure>) {
        let mut th = self.current;
        let fixed = c.proto.num_params;
        if nargs < fixed {
            th.stack[func + 1 + nargs..func + 1 + fixed].fill(Value::NIL);
        }
        let mut frame = Frame::new(func, func + 1, Some(c), -1);
        frame.flags = flags::FRESH;
        th.push_frame(frame);
        self.hook_countdown -= 1;
    }

    /// `pcall`/`xpcall` called in a way the frame flags cannot express (e.g. directly by
    /// another `pcall`, or as a coroutine body): runs the protected call from Rust on a
    /// builtin frame of its own.
    fn protected_call_in_rust(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16, protect: u16, handler: Value) -> Result<Flow, RtError> {
        let mut th = self.current;
        let args: Vec<Value> = th.stack[func + 1..func + 1 + nargs].to_vec();
        let f = th.stack[func];
        let mut frame = Frame::new(func - 1, func, None, want);
        frame.flags = frame_flags;
        if frame_flags & (flags::PCALL | flags::XPCALL) != 0 {
            th.protected += 1;
        }
        th.frames.push(frame);
        th.top = func + 1 + nargs;
        let results = self.call_flags(f, &args, protect, handler)?;
        let mut th = self.current;
        let src = th.top;
        if !th.ensure_stack(src + results.len() + 1, self.limits.max_stack_slots) {
            return Err(self.error_here("stack overflow"));
        }
        for (i, &v) in results.iter().enumerate() {
            th.stack[src + i] = v;
        }
        th.top = src + results.len();
        self.finish_frame(src, results.len())
    }

    /// First slot above the registers of the innermost frame.
    fn live_top(&self) -> usize {
        let th = &self.current;
        match th.frames.len().checked_sub(1) {
            Some(idx) => self.frame_scratch(idx),
            None => th.top,
        }
    }

    // ---- coroutines ----

    #[inline(never)]
    fn call_resume(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16, n: Gc<Native>) -> Result<Flow, RtError> {
        let is_wrap = n.kind == NativeKind::WrapCall;
        self.push_native_frame(func, nargs, want, frame_flags)?;
        let mut cur = self.current;
        let (co_val, first_arg, count) = if is_wrap {
            (n.data[0], func + 1, nargs)
        } else {
            (cur.stack[func + 1], func + 2, nargs.saturating_sub(1))
        };
        let Some(mut co) = value_as::<Thread>(co_val) else {
            let got = if nargs >= 1 { self.type_name_for_msg(co_val) } else { "no value".into() };
            return Err(self.arg_error(1, format!("coroutine expected, got {}", got)));
        };
        let refusal = match co.status {
            CoStatus::Dead => Some("cannot resume dead coroutine"),
            CoStatus::Suspended => None,
            _ => Some("cannot resume non-suspended coroutine"),
        };
        if let Some(msg) = refusal {
            if is_wrap {
                return Err(self.rt_error(msg));
            }
            let m = self.str_value(msg.as_bytes());
            return self.deliver_to_resumer(false, &[m]);
        }
        if self.rust_depth + 1 >= self.limits.max_rust_depth {
            return Err(self.rt_error("stack overflow"));
        }
        self.rust_depth += 1;
        co.resumer = Some(cur);
        cur.status = CoStatus::Normal;
        co.status = CoStatus::Running;
        self.current = co;
        // The arguments go straight from the resumer's stack to the coroutine's (two
        // distinct threads, so distinct buffers); enter_coroutine copies them before
        // anything can run or collect.
        let args: &[Value] = &cur.stack[first_arg..first_arg + count];
        self.enter_coroutine(co, args)
    }

    /// Continues `co` (now current) with `args`: starts its body or returns them from
    /// its pending `yield`.
    fn enter_coroutine(&mut self, mut co: Gc<Thread>, args: &[Value]) -> Result<Flow, RtError> {
        if co.frames.is_empty() {
            if !co.ensure_stack(args.len() + 2, self.limits.max_stack_slots) {
                return Err(self.error_here("stack overflow"));
            }
            co.stack[0] = co.body;
            for (i, &a) in args.iter().enumerate() {
                co.stack[1 + i] = a;
            }
            co.top = 1 + args.len();
            return match self.precall(0, args.len(), -1, flags::CO_BASE) {
                Ok(Flow::Done) => Ok(Flow::Enter),
                other => other,
            };
        }
        // Resuming after a yield: the yield's builtin frame returns the arguments.
        if Vm::deliver_plain(co, None, args) {
            return Ok(Flow::Enter);
        }
        let src = co.top;
        if !co.ensure_stack(src + args.len() + 2, self.limits.max_stack_slots) {
            return Err(self.error_here("stack overflow"));
        }
        for (i, &a) in args.iter().enumerate() {
            co.stack[src + i] = a;
        }
        co.top = src + args.len();
        match self.finish_frame(src, args.len())? {
            Flow::Done => Ok(Flow::Enter),
            flow => Ok(flow),
        }
    }

    #[inline(never)]
    fn call_yield(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16) -> Result<Flow, RtError> {
        self.push_native_frame(func, nargs, want, frame_flags)?;
        let mut cur = self.current;
        if cur.is_main {
            return Err(self.plain_error("attempt to yield from outside a coroutine"));
        }
        if cur.non_yieldable > 0 {
            return Err(self.plain_error("attempt to yield across a C-call boundary"));
        }
        let Some(mut resumer) = cur.resumer.take() else {
            return Err(self.plain_error("attempt to yield from outside a coroutine"));
        };
        cur.status = CoStatus::Suspended;
        resumer.status = CoStatus::Running;
        self.current = resumer;
        self.rust_depth = self.rust_depth.saturating_sub(1);
        // Straight from the coroutine's stack to the resumer's (distinct buffers);
        // deliver_to_resumer copies them before anything can run or collect.
        let values: &[Value] = &cur.stack[func + 1..func + 1 + nargs];
        self.deliver_to_resumer(true, values)
    }

    /// The resumer's top frame is the `resume` (or wrap function) builtin frame: gives it
    /// its results and pops it.
    fn deliver_to_resumer(&mut self, ok: bool, values: &[Value]) -> Result<Flow, RtError> {
        let mut th = self.current;
        let idx = th.frames.len() - 1;
        let func = th.frames[idx].func;
        let is_wrap = value_as::<Native>(th.stack[func]).is_some_and(|n| n.kind == NativeKind::WrapCall);
        if is_wrap && !ok {
            // Re-raise in the caller; strings get the position of the wrap call.
            let v = values.first().copied().unwrap_or(Value::NIL);
            let v = match Vm::str_bytes(v) {
                Some(b) => {
                    let pos = self.caller_position(1);
                    let mut text = pos.into_bytes();
                    text.extend_from_slice(b);
                    self.string_value_owned(text)
                }
                None => v,
            };
            return Err(RtError::new(v));
        }
        let prefix = if is_wrap { None } else { Some(Value::bool(ok)) };
        if Vm::deliver_plain(th, prefix, values) {
            return Ok(Flow::Enter);
        }
        let count = values.len() + usize::from(!is_wrap);
        let need = th.top.max(func) + count + 2;
        if !th.ensure_stack(need, usize::MAX) {
            return Err(self.error_here("stack overflow"));
        }
        let src = th.top.max(func + 1);
        let mut at = src;
        if !is_wrap {
            th.stack[at] = Value::bool(ok);
            at += 1;
        }
        for &v in values {
            th.stack[at] = v;
            at += 1;
        }
        th.top = src + count;
        match self.finish_frame(src, count)? {
            Flow::Done => Ok(Flow::Enter),
            flow => Ok(flow),
        }
    }

    /// Coroutine switch fast path: if the top frame of `th` is a plain builtin frame
    /// (the pending `resume`, wrap call or `yield`) with room above it, pops it and stores
    /// `prefix` and `values` as its results, adjusted to the wanted count, in one copy
    /// (what `finish_frame` does with results staged above `top`). Returns false, having
    /// changed nothing, otherwise. `values` must not be in `th`'s stack.
    #[inline(always)]
    fn deliver_plain(mut th: Gc<Thread>, prefix: Option<Value>, values: &[Value]) -> bool {
        let Some(f) = th.frames.last() else { return false };
        if f.flags != 0 || f.closure.is_some() || f.extra.is_some() {
            return false;
        }
        let (dst, want) = (f.func, f.want);
        let count = values.len() + usize::from(prefix.is_some());
        if dst + count.max(want.max(0) as usize) >= th.stack.len() {
            return false;
        }
        let len = th.frames.len();
        // SAFETY: the last frame owns no heap data (`extra` is None, the rest is Copy):
        // dropping it by shortening the Vec leaks nothing.
        unsafe { th.frames.set_len(len - 1) };
        let mut at = dst;
        if let Some(p) = prefix {
            th.stack[at] = p;
            at += 1;
        }
        th.stack[at..at + values.len()].copy_from_slice(values);
        if want < 0 {
            th.top = dst + count;
        } else {
            for i in count..want as usize {
                th.stack[dst + i] = Value::NIL;
            }
        }
        true
    }

    fn coroutine_finished(&mut self, values: Vec<Value>) -> Result<Flow, RtError> {
        let mut co = self.current;
        co.status = CoStatus::Dead;
        co.frames.clear();
        co.close_all_upvalues();
        co.top = 0;
        let Some(mut resumer) = co.resumer.take() else { return Ok(Flow::Exit) };
        resumer.status = CoStatus::Running;
        self.current = resumer;
        self.rust_depth = self.rust_depth.saturating_sub(1);
        self.deliver_to_resumer(true, &values)
    }

    fn coroutine_died(&mut self, e: RtError) -> Result<Flow, RtError> {
        let mut co = self.current;
        co.status = CoStatus::Dead;
        co.death_error = Some(e.value);
        co.frames.clear();
        co.close_all_upvalues();
        co.top = 0;
        co.unwinding = None;
        let Some(mut resumer) = co.resumer.take() else { return Err(e) };
        resumer.status = CoStatus::Running;
        self.current = resumer;
        self.rust_depth = self.rust_depth.saturating_sub(1);
        self.deliver_to_resumer(false, &[e.value])
    }
}
