//! The VM state and the API builtins and embedders use: allocation, argument checking,
//! errors with positions, calls from Rust, and garbage-collection roots.

use crate::error::RtError;
use crate::function::{Args, Native, NativeFn, NativeKind};
use crate::gc::{tag_for, Heap};
use crate::object::{value_as, Gc, GcHeader, HeapObject, ObjKind, Str};
use crate::table::Table;
use crate::thread::{flags, Thread};
use crate::value::{fits_inline, Value, TAG_STR, TAG_TABLE};
use std::io::Write;

/// Metamethod events, in the order of [`TM_NAMES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Tm {
    Index,
    NewIndex,
    Call,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Unm,
    BAnd,
    BOr,
    BXor,
    Shl,
    Shr,
    BNot,
    Concat,
    Len,
    Eq,
    Lt,
    Le,
    ToString,
    Name,
    Metatable,
    Pairs,
}

pub const TM_NAMES: [&str; 25] = [
    "__index",
    "__newindex",
    "__call",
    "__add",
    "__sub",
    "__mul",
    "__div",
    "__mod",
    "__pow",
    "__unm",
    "__band",
    "__bor",
    "__bxor",
    "__shl",
    "__shr",
    "__bnot",
    "__concat",
    "__len",
    "__eq",
    "__lt",
    "__le",
    "__tostring",
    "__name",
    "__metatable",
    "__pairs",
];

/// Resource limits (spec 16).
#[derive(Clone, Debug)]
pub struct Limits {
    /// Maximum script call depth (frames per thread).
    pub max_frames: usize,
    /// Maximum stack slots per thread.
    pub max_stack_slots: usize,
    /// Maximum nesting of Rust-level re-entries (builtins/metamethods calling scripts).
    pub max_rust_depth: u32,
    /// Maximum string length in bytes.
    pub max_string: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_frames: 200_000, max_stack_slots: 16_000_000, max_rust_depth: 200, max_string: (1 << 31) - 1 }
    }
}

pub struct Vm {
    pub heap: Heap,
    pub globals: Gc<Table>,
    /// `require`'s module cache and other internal tables.
    pub registry: Gc<Table>,
    pub string_meta: Option<Gc<Table>>,
    pub main_thread: Gc<Thread>,
    pub current: Gc<Thread>,
    pub tm_names: Vec<Gc<Str>>,
    /// The names `type()` returns, indexed by `Type as usize` (made once, GC roots).
    pub type_names: Vec<Gc<Str>>,
    pub limits: Limits,
    /// Current depth of Rust-level re-entry.
    pub rust_depth: u32,
    /// Where `print` and `io.write` go (buffered standard output by default).
    pub stdout: Box<dyn Write>,
    /// Path of the main script (for `require`'s search path).
    pub script_path: Option<String>,
    /// Values builtins keep alive across calls back into scripts.
    pub pinned: Vec<Value>,
    /// Goroutine scheduler, channels' wait queues, timers and sync state (sched.rs).
    pub sched: crate::sched::Scheduler,
    /// Decremented at back-edges and calls; `run_hooks` runs when it reaches zero.
    pub hook_countdown: i64,
    /// Remaining instruction budget (approximate: counted in back-edges and calls).
    pub instruction_budget: Option<u64>,
    /// Set from another thread to interrupt the running script ("interrupted" error).
    pub interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// (thread, frame index) of the deferred call that `continue_return` is making right
    /// now: if that call is a builtin that completes at once, `finish_frame` hands control
    /// back to `continue_return`'s loop instead of recursing (call.rs; reliability fix:
    /// a million deferred builtin calls overflowed the Rust stack).
    pub defer_sync: Option<(Gc<Thread>, usize)>,
    /// The message handler for the builtin frame that `xpcall` is about to push (call.rs:
    /// `take_xpcall_handler`); without it a builtin called directly by `xpcall`
    /// (`xpcall(error, h, "x")`) raised its error past the handler.
    pub pending_xpcall_handler: Value,
    /// The attached JIT compiler, if any (jit_hooks.rs).
    pub jit: Option<Box<dyn crate::jit_hooks::JitEngine>>,
    /// With a JIT attached: per-loop hot counters, indexed by [`crate::jit_hooks::hot_slot`]
    /// (empty without a JIT). A back-edge decrements its loop's counter and calls the
    /// engine when it reaches zero.
    pub jit_hot: Box<[i32]>,
    /// Run script code with the generated assembly interpreter (asm_interp; off by
    /// default). Only true when it is available on this machine.
    pub asm_interp: bool,
}

/// Boxes-or-inlines an integer without a heap (only for integers known to fit).
#[inline(always)]
pub fn int_value_no_box(i: i64) -> Value {
    Value::inline_int(i)
}

impl Vm {
    pub fn new() -> Vm {
        // Reliability testing: small, always-moving thread stacks (thread.rs).
        if std::env::var_os("GSCRIPT_STACK_STRESS").is_some_and(|v| v != "0") {
            crate::thread::set_stack_stress(true);
        }
        let mut heap = Heap::new();
        let globals = heap.alloc(Table::new(0, 64), 0);
        let registry = heap.alloc(Table::new(0, 8), 0);
        let main_thread = heap.alloc(Thread::new(true), 0);
        let tm_names = TM_NAMES.iter().map(|n| heap.new_str(n.as_bytes())).collect();
        let type_names = crate::value::Type::ALL.iter().map(|t| heap.new_str(t.name().as_bytes())).collect();
        let mut vm = Vm {
            heap,
            globals,
            registry,
            string_meta: None,
            main_thread,
            current: main_thread,
            tm_names,
            type_names,
            limits: Limits::default(),
            rust_depth: 0,
            stdout: Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout())),
            script_path: None,
            pinned: Vec::new(),
            sched: crate::sched::Scheduler::new(main_thread),
            hook_countdown: crate::hooks::HOOK_INTERVAL,
            instruction_budget: None,
            interrupt: Default::default(),
            defer_sync: None,
            pending_xpcall_handler: Value::NIL,
            jit: None,
            jit_hot: Box::new([]),
            asm_interp: false,
        };
        if std::env::var_os("GSCRIPT_INTERP").is_some_and(|v| v == "asm") {
            vm.asm_interp = crate::asm_interp::available();
        }
        if std::env::var_os("GSCRIPT_GC_STRESS").is_some_and(|v| v != "0") {
            vm.heap.stress = true;
        }
        crate::stdlib::open_libs(&mut vm);
        vm
    }

    // ---- values ----

    /// An integer value (boxed when outside the inline range).
    #[inline(always)]
    pub fn int(&mut self, i: i64) -> Value {
        if fits_inline(i) {
            Value::inline_int(i)
        } else {
            self.box_int(i)
        }
    }

    /// Boxes an integer (a slab cell: a few instructions, see slab.rs). Out of line:
    /// most callers are cold; the interpreter's number stores inline
    /// [`Heap::alloc_big_int`] themselves.
    #[inline(never)]
    pub fn box_int(&mut self, i: i64) -> Value {
        let b = self.heap.alloc_big_int(i);
        Value::from_ptr(crate::value::TAG_OBJ, b.header())
    }

    pub fn str_value(&mut self, bytes: &[u8]) -> Value {
        let s = self.heap.new_str(bytes);
        Value::from_ptr(TAG_STR, s.header())
    }

    pub fn string_value_owned(&mut self, bytes: Vec<u8>) -> Value {
        let s = self.heap.new_str_owned(bytes);
        Value::from_ptr(TAG_STR, s.header())
    }

    pub fn new_table(&mut self, narr: usize, nhash: usize) -> Gc<Table> {
        self.heap.alloc_table(narr, nhash)
    }

    pub fn table_value(t: Gc<Table>) -> Value {
        Value::from_ptr(TAG_TABLE, t.header())
    }

    pub fn object_value<T: HeapObject>(g: Gc<T>) -> Value {
        Value::from_ptr(tag_for(T::KIND), g.header())
    }

    pub fn new_native(&mut self, name: &'static str, qualified: &'static str, func: NativeFn, kind: NativeKind, data: Vec<Value>) -> Value {
        let n = self.heap.alloc(
            Native { header: GcHeader::new(ObjKind::Native), func, kind, name, qualified, data: data.into_boxed_slice() },
            0,
        );
        Vm::object_value(n)
    }

    /// Stores a builtin in table `t` under `name`.
    pub fn register(&mut self, t: Gc<Table>, name: &'static str, qualified: &'static str, func: NativeFn) {
        let f = self.new_native(name, qualified, func, NativeKind::Normal, Vec::new());
        self.set_field(t, name, f);
    }

    /// Raw `t[name] = v` with a string key.
    pub fn set_field(&mut self, mut t: Gc<Table>, name: &str, v: Value) {
        let k = self.str_value(name.as_bytes());
        t.set(k, v);
    }

    /// Raw `t[name]`.
    pub fn get_field(&mut self, t: Gc<Table>, name: &str) -> Value {
        let k = self.heap.new_str(name.as_bytes());
        t.get_str(k)
    }

    /// The bytes of a string value.
    pub fn str_bytes(v: Value) -> Option<&'static [u8]> {
        // The returned slice lives as long as the string object, which the caller keeps
        // reachable; 'static is a lie the API tolerates for brevity.
        value_as::<Str>(v).map(|s| {
            let b: &[u8] = s.as_bytes();
            // SAFETY: string bytes never move or change while the object lives.
            unsafe { std::slice::from_raw_parts(b.as_ptr(), b.len()) }
        })
    }

    pub fn tm_name(&self, tm: Tm) -> Gc<Str> {
        self.tm_names[tm as usize]
    }

    /// The metatable of a value (tables and strings only).
    #[inline]
    pub fn metatable(&self, v: Value) -> Option<Gc<Table>> {
        if let Some(t) = value_as::<Table>(v) {
            t.meta
        } else if v.is_str() {
            self.string_meta
        } else {
            None
        }
    }

    /// Raw metamethod lookup for event `tm` on `v`; nil if absent.
    #[inline]
    pub fn metamethod(&self, v: Value, tm: Tm) -> Value {
        match self.metatable(v) {
            None => Value::NIL,
            Some(mt) => self.metamethod_in(mt, tm),
        }
    }

    #[inline(always)]
    pub fn metamethod_in(&self, mut mt: Gc<Table>, tm: Tm) -> Value {
        let bit = 1u32 << (tm as u32);
        if mt.absent_events() & bit != 0 {
            return Value::NIL;
        }
        let v = mt.get_str(self.tm_names[tm as usize]);
        if v.is_nil() {
            let bits = mt.absent_events() | bit;
            mt.set_absent_events(bits);
        }
        v
    }

    // ---- the stack API for builtins ----

    /// Argument `n` (1-based) of a builtin call; nil if absent.
    #[inline(always)]
    pub fn arg(&self, args: Args, n: usize) -> Value {
        if n >= 1 && n <= args.count {
            self.current.stack[args.base + n - 1]
        } else {
            Value::NIL
        }
    }

    /// Pushes a result of a builtin.
    #[inline]
    pub fn push(&mut self, v: Value) {
        let mut th = self.current;
        let top = th.top;
        if top >= th.stack.len() {
            let limit = self.limits.max_stack_slots;
            if !th.ensure_stack(top + 1, limit + 1000) {
                // Builtins push a bounded number of values beyond the limit checks.
                th.ensure_stack(top + 1, usize::MAX);
            }
        }
        th.stack[top] = v;
        th.top = top + 1;
    }

    /// Makes room for `n` more pushes; errors with "stack overflow" past the limit.
    pub fn check_stack(&mut self, n: usize) -> Result<(), RtError> {
        let mut th = self.current;
        let needed = th.top + n;
        if !th.ensure_stack(needed, self.limits.max_stack_slots) {
            return Err(self.rt_error("stack overflow (too many values)"));
        }
        Ok(())
    }

    // ---- errors ----

    /// An error value with the position of the calling script function (spec 9.2), for
    /// errors raised by builtins.
    pub fn rt_error(&mut self, msg: impl AsRef<str>) -> RtError {
        let pos = self.caller_position(1);
        let text = format!("{}{}", pos, msg.as_ref());
        let v = self.str_value(text.as_bytes());
        RtError::new(v)
    }

    /// An error without position.
    pub fn plain_error(&mut self, msg: impl AsRef<str>) -> RtError {
        let v = self.str_value(msg.as_ref().as_bytes());
        RtError::new(v)
    }

    /// "chunk:line: " for the function at `level` (1 = the caller of the running
    /// builtin), or "" if that function is not a script function.
    pub fn caller_position(&self, level: usize) -> String {
        let th = &self.current;
        match logical_frame(th, level) {
            Some(LogicalFrame::Script(index)) => {
                let f = &th.frames[index];
                let c = f.closure.expect("script frame");
                let line = c.proto.line_at(f.pc.saturating_sub(1));
                format!("{}:{}: ", c.proto.source(), line)
            }
            _ => String::new(),
        }
    }

    /// `bad argument #n to 'name' (detail)`, adjusted for method calls (spec 12.0.3).
    pub fn arg_error(&mut self, n: usize, detail: impl AsRef<str>) -> RtError {
        let th = self.current;
        let frame = th.frames.last();
        let name = frame
            .and_then(|f| value_as::<Native>(th.stack[f.func]))
            .map(|nat| nat.name)
            .unwrap_or("?");
        let mut n = n;
        if self.called_as_method() {
            n -= 1;
            if n == 0 {
                return self.rt_error(format!("calling '{}' on bad self ({})", name, detail.as_ref()));
            }
        }
        self.rt_error(format!("bad argument #{} to '{}' ({})", n, name, detail.as_ref()))
    }

    /// True if the running builtin was called with method syntax (`s:rep()`).
    fn called_as_method(&self) -> bool {
        let th = &self.current;
        let len = th.frames.len();
        if len < 2 {
            return false;
        }
        let top = &th.frames[len - 1];
        if top.flags & (flags::PCALL | flags::XPCALL | flags::FRESH | flags::FINISH) != 0 {
            return false;
        }
        let caller = &th.frames[len - 2];
        let Some(c) = caller.closure else { return false };
        let pc = caller.pc.saturating_sub(1);
        let Some(i) = c.proto.code.get(pc) else { return false };
        if !matches!(i.op(), compiler::Op::CALL | compiler::Op::TAILCALL) {
            return false;
        }
        matches!(crate::error::object_name(&c.proto, pc, i.a()), Some(("method", _)))
    }

    /// The type name used in messages: `__name` of a table's metatable if a string.
    pub fn type_name_for_msg(&mut self, v: Value) -> String {
        if let Some(mt) = self.metatable(v) {
            if v.is_table() {
                let n = self.metamethod_in(mt, Tm::Name);
                if let Some(b) = Vm::str_bytes(n) {
                    return String::from_utf8_lossy(b).into_owned();
                }
            }
        }
        v.type_name().to_string()
    }

    pub fn type_error(&mut self, n: usize, expected: &str, got: Value, present: bool) -> RtError {
        let got = if present { self.type_name_for_msg(got) } else { "no value".to_string() };
        self.arg_error(n, format!("{} expected, got {}", expected, got))
    }

    // ---- output ----

    pub fn flush_stdout(&mut self) {
        let _ = self.stdout.flush();
    }

    // ---- garbage collection ----

    /// Runs a collection if one is due. Called only at safepoints.
    #[inline(always)]
    pub fn check_gc(&mut self) {
        if self.heap.should_collect() {
            self.collect_garbage();
        }
    }

    pub fn collect_garbage(&mut self) {
        let start = std::time::Instant::now();
        self.heap.sync_accounting();
        let roots: Vec<Value> = [
            Vm::table_value(self.globals),
            Vm::table_value(self.registry),
            Vm::object_value(self.main_thread),
            Vm::object_value(self.current),
        ]
        .into_iter()
        .chain(self.string_meta.map(Vm::table_value))
        .chain(self.pinned.iter().copied())
        .collect();
        for v in roots {
            self.heap.mark_value(v);
        }
        for &s in self.tm_names.iter().chain(&self.type_names) {
            self.heap.mark(s);
        }
        if let Some(jit) = self.jit.as_ref() {
            jit.mark_roots(&mut self.heap);
        }
        // Goroutine hooks (sched.rs): other goroutines' threads, timers, waiters.
        self.sched_mark_roots();
        self.heap.trace();
        self.sched_sweep_weak();
        self.heap.sweep();
        let pause = start.elapsed();
        self.heap.total_pause += pause;
        if pause > self.heap.max_pause {
            self.heap.max_pause = pause;
            self.heap.max_pause_live = self.heap.live_bytes;
        }
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

/// A logical call level: a real frame, or the builtin `pcall`/`xpcall` that started a
/// protected frame (which has no frame of its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogicalFrame {
    Script(usize),
    Builtin(usize),
    Virtual,
}

/// The logical frame at `level` (0 = the innermost frame).
pub fn logical_frame(th: &Thread, level: usize) -> Option<LogicalFrame> {
    let mut remaining = level;
    for index in (0..th.frames.len()).rev() {
        let f = &th.frames[index];
        let this = if f.closure.is_some() { LogicalFrame::Script(index) } else { LogicalFrame::Builtin(index) };
        if remaining == 0 {
            return Some(this);
        }
        remaining -= 1;
        if f.flags & (flags::PCALL | flags::XPCALL) != 0 {
            if remaining == 0 {
                return Some(LogicalFrame::Virtual);
            }
            remaining -= 1;
        }
        if f.flags & (flags::DEFER_RETURN | flags::DEFER_UNWIND) != 0 && remaining == 0 {
            // Called by the runtime itself (a deferred call): no script position.
            return Some(LogicalFrame::Virtual);
        }
    }
    None
}
