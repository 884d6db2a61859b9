//! [`Engine`]: an embedded GScript interpreter with its own globals, and [`Context`], the
//! view of it that Rust callbacks receive.
//!
//! Everything the API hands out that refers to a heap object ([`Function`], [`Table`],
//! [`AnyUserData`]) is a *handle*: the object is stored in an engine-owned table in the
//! VM's registry, so the garbage collector keeps it alive for as long as the handle
//! exists. Dropping a handle frees its slot lazily (the next time the engine creates a
//! handle or runs code). Handles remember their engine; using one with another engine is
//! an error, never undefined behaviour.
//!
//! Rust functions become builtins whose `data` holds the index of the boxed closure in
//! the engine's callback list and the address of the engine's shared state, which lives
//! as long as the VM that holds the builtin (see [`crate::callback`]).

use crate::callback::{Callback, IntoCallback, IntoMethod};
use crate::convert::{FromValue, FromValues, IntoValue, IntoValues};
use crate::error::{Error, Result};
use crate::handles::{AnyUserData, Function, Handle, Table};
use std::any::{Any, TypeId};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use vm::object::{value_as, Gc};
use vm::table::Table as VmTable;
use vm::Vm;

/// The chunk name used by [`Engine::run`] and [`Engine::eval`].
pub const DEFAULT_CHUNK_NAME: &str = "chunk";

/// Globals removed by [`Engine::sandboxed`]: everything that reaches the file system,
/// the process or loads new code.
pub const SANDBOX_REMOVED: &[&str] = &["io", "os", "require", "load", "loadfile", "dofile"];

/// Per-type information of user data: its metatable and its methods table.
#[derive(Clone, Copy)]
pub(crate) struct TypeInfo {
    pub meta: Gc<VmTable>,
    pub methods: Gc<VmTable>,
}

/// A Rust value owned by the engine and shown to scripts as a user data object.
pub(crate) struct UserDataCell {
    pub type_id: TypeId,
    pub value: Rc<RefCell<dyn Any>>,
}

/// State shared by an engine, its handles and its callbacks.
pub(crate) struct State {
    /// Registry table holding the values of live handles (integer slots).
    pub handles: Gc<VmTable>,
    /// Registry table mapping user data objects to their index in `userdata`.
    pub userdata_ids: Gc<VmTable>,
    /// Registry table keeping per-type metatables alive.
    pub type_tables: Gc<VmTable>,
    next_slot: Cell<i64>,
    free_slots: RefCell<Vec<i64>>,
    /// Slots of dropped handles, cleared at the next opportunity.
    pub dropped: RefCell<Vec<i64>>,
    pub callbacks: RefCell<Vec<Callback>>,
    pub userdata: RefCell<Vec<UserDataCell>>,
    pub types: RefCell<HashMap<TypeId, TypeInfo>>,
}

impl State {
    fn new(vm: &mut Vm) -> State {
        let handles = vm.new_table(0, 16);
        let userdata_ids = vm.new_table(0, 4);
        let type_tables = vm.new_table(4, 0);
        for (name, t) in [("gscript.handles", handles), ("gscript.userdata", userdata_ids), ("gscript.types", type_tables)] {
            vm.set_field(vm.registry, name, Vm::table_value(t));
        }
        State {
            handles,
            userdata_ids,
            type_tables,
            next_slot: Cell::new(1),
            free_slots: RefCell::new(Vec::new()),
            dropped: RefCell::new(Vec::new()),
            callbacks: RefCell::new(Vec::new()),
            userdata: RefCell::new(Vec::new()),
            types: RefCell::new(HashMap::new()),
        }
    }

    /// Frees the slots of dropped handles.
    pub fn release_dropped(&self) {
        let mut dropped = self.dropped.borrow_mut();
        if dropped.is_empty() {
            return;
        }
        let mut handles = self.handles;
        let mut free = self.free_slots.borrow_mut();
        for slot in dropped.drain(..) {
            handles.set_small_int(slot, vm::Value::NIL);
            free.push(slot);
        }
    }

    /// Stores `v` in a fresh slot.
    pub fn store(&self, v: vm::Value) -> i64 {
        self.release_dropped();
        let slot = self.free_slots.borrow_mut().pop().unwrap_or_else(|| {
            let s = self.next_slot.get();
            self.next_slot.set(s + 1);
            s
        });
        let mut handles = self.handles;
        handles.set_small_int(slot, v);
        slot
    }
}

/// Anything that gives access to an engine: [`Engine`] itself, or the [`Context`] a
/// Rust callback receives. Handle methods take `&mut impl AsContext`.
pub trait AsContext {
    /// A context borrowing the engine.
    fn context(&mut self) -> Context<'_>;
}

/// Access to a running engine from a Rust callback (and the implementation of most
/// [`Engine`] methods). Obtain one with [`AsContext::context`].
pub struct Context<'a> {
    pub(crate) vm: &'a mut Vm,
    pub(crate) state: &'a Rc<State>,
}

impl AsContext for Context<'_> {
    fn context(&mut self) -> Context<'_> {
        Context { vm: &mut *self.vm, state: self.state }
    }
}

/// Stops a running script from another thread; see [`Engine::interrupt_handle`].
///
/// ```
/// let mut engine = gscript::Engine::new();
/// let handle = engine.interrupt_handle();
/// let stopper = std::thread::spawn(move || {
///     std::thread::sleep(std::time::Duration::from_millis(50));
///     handle.interrupt();
/// });
/// let err = engine.run("for { }").unwrap_err();
/// assert_eq!(err.kind(), gscript::ErrorKind::Interrupted);
/// stopper.join().unwrap();
/// ```
#[derive(Clone, Debug)]
pub struct InterruptHandle {
    flag: Arc<AtomicBool>,
}

impl InterruptHandle {
    /// Makes the script running in the engine fail with an `interrupted` error at its
    /// next safepoint (a loop iteration or call). If nothing is running, the next run
    /// is interrupted instead, unless [`InterruptHandle::clear`] is called first.
    pub fn interrupt(&self) {
        self.flag.store(true, Ordering::SeqCst);
    }

    /// Withdraws a pending interrupt.
    pub fn clear(&self) {
        self.flag.store(false, Ordering::SeqCst);
    }
}

/// An embedded GScript interpreter.
///
/// ```
/// use gscript::Engine;
///
/// let mut engine = Engine::new();
/// engine.register_fn("add", |a: i64, b: i64| a + b).unwrap();
/// engine.set_global("greeting", "hello").unwrap();
/// engine.run("total := add(40, 2)").unwrap();
/// assert_eq!(engine.get_global::<i64>("total").unwrap(), 42);
/// assert_eq!(engine.eval::<String>("greeting .. \" world\"").unwrap(), "hello world");
/// ```
pub struct Engine {
    // Field order matters: the VM (which holds builtins pointing at `state`) is dropped
    // before the state.
    vm: Box<Vm>,
    state: Rc<State>,
}

impl AsContext for Engine {
    fn context(&mut self) -> Context<'_> {
        Context { vm: &mut self.vm, state: &self.state }
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        self.vm.flush_stdout();
    }
}

impl Engine {
    /// An engine with the whole standard library.
    pub fn new() -> Engine {
        let mut vm = Box::new(Vm::new());
        let state = Rc::new(State::new(&mut vm));
        Engine { vm, state }
    }

    /// An engine without the globals in [`SANDBOX_REMOVED`] (`io`, `os`, `require`,
    /// `load`, `loadfile`, `dofile`): scripts can compute and call what you register,
    /// but not touch files, the process, or compile code.
    ///
    /// ```
    /// let mut engine = gscript::Engine::sandboxed();
    /// assert!(engine.eval::<bool>("io == nil && os == nil && load == nil").unwrap());
    /// ```
    pub fn sandboxed() -> Engine {
        let mut engine = Engine::new();
        let globals = engine.vm.globals;
        for name in SANDBOX_REMOVED {
            engine.vm.set_field(globals, name, vm::Value::NIL);
        }
        engine
    }

    /// Runs `source` as a chunk named `chunk`, discarding its results.
    pub fn run(&mut self, source: &str) -> Result<()> {
        self.context().run(source)
    }

    /// Runs `source` as a chunk named `name`, returning its results.
    pub fn run_named<R: FromValues>(&mut self, source: &str, name: &str) -> Result<R> {
        self.context().run_named(source, name)
    }

    /// Reads and runs a script file (chunk name: the path as given).
    pub fn run_file<R: FromValues>(&mut self, path: impl AsRef<std::path::Path>) -> Result<R> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::new(format!("cannot open {}: {}", path.display(), vm::stdlib::os_error_reason(&e)))
        })?;
        self.context().run_named(&text, &path.display().to_string())
    }

    /// Evaluates an expression (or, if `source` is not an expression, runs it as a chunk)
    /// and converts the result(s).
    ///
    /// ```
    /// let mut engine = gscript::Engine::new();
    /// let (a, b): (i64, String) = engine.eval("1 + 2, \"x\" .. \"y\"").unwrap();
    /// assert_eq!((a, b.as_str()), (3, "xy"));
    /// assert_eq!(engine.eval::<Vec<i64>>("{1, 2, 3}").unwrap(), vec![1, 2, 3]);
    /// ```
    pub fn eval<R: FromValues>(&mut self, source: &str) -> Result<R> {
        self.context().eval(source)
    }

    /// Compiles `source` into a function without running it.
    pub fn load(&mut self, source: &str, name: &str) -> Result<Function> {
        self.context().load(source, name)
    }

    /// Reads a global variable.
    pub fn get_global<T: FromValue>(&mut self, name: &str) -> Result<T> {
        self.context().get_global(name)
    }

    /// Sets a global variable.
    pub fn set_global(&mut self, name: &str, value: impl IntoValue) -> Result<()> {
        self.context().set_global(name, value)
    }

    /// The globals table.
    pub fn globals(&mut self) -> Table {
        self.context().globals()
    }

    /// A new, empty table.
    pub fn create_table(&mut self) -> Table {
        self.context().create_table()
    }

    /// Wraps a Rust function or closure as a GScript function (without naming it).
    /// See [`Engine::register_fn`] for the accepted signatures.
    pub fn create_function<M>(&mut self, name: &str, f: impl IntoCallback<M>) -> Function {
        self.context().create_function(name, f)
    }

    /// Makes a Rust function or closure callable from scripts as global `name`.
    ///
    /// Parameters may be any [`FromValue`] type (a missing argument is `nil`, so use
    /// `Option<T>` for optional ones), a final [`Variadic<T>`](crate::Variadic) takes the
    /// remaining arguments, and an optional first parameter `&mut Context` gives access to
    /// the engine (to call script functions, create tables, ...). The result may be any
    /// [`IntoValues`] type: `()`, one value, a tuple for several results, or a
    /// `Result<T, E>` whose `Err` raises a script error with `E`'s `Display` text.
    /// Arguments that do not convert raise Lua-style `bad argument` errors.
    ///
    /// ```
    /// use gscript::{Context, Engine, Function};
    ///
    /// let mut engine = Engine::new();
    /// engine.register_fn("divmod", |a: i64, b: i64| {
    ///     if b == 0 { Err("division by zero".to_string()) } else { Ok((a / b, a % b)) }
    /// }).unwrap();
    /// engine.register_fn("twice", |cx: &mut Context, f: Function, x: i64| -> gscript::Result<i64> {
    ///     let once: i64 = f.call(cx, x)?;
    ///     f.call(cx, once)
    /// }).unwrap();
    /// assert_eq!(engine.eval::<(i64, i64)>("divmod(17, 5)").unwrap(), (3, 2));
    /// assert_eq!(engine.eval::<i64>("twice(func(n) { return n * 10 }, 2)").unwrap(), 200);
    /// let err = engine.run("divmod(1, 0)").unwrap_err();
    /// assert_eq!(err.message(), "chunk:1: division by zero");
    /// let err = engine.run("divmod(\"x\", 0)").unwrap_err();
    /// assert_eq!(err.message(), "chunk:1: bad argument #1 to 'divmod' (number expected, got string)");
    /// ```
    pub fn register_fn<M>(&mut self, name: &str, f: impl IntoCallback<M>) -> Result<()> {
        self.context().register_fn(name, f)
    }

    /// Names the user data type `T` for scripts (`tostring` shows `NAME: 0x…`, argument
    /// errors say `NAME expected`). Optional: unnamed types use their Rust name.
    pub fn register_type<T: 'static>(&mut self, name: &str) {
        self.context().register_type::<T>(name)
    }

    /// Adds a method to user data of type `T`, called from scripts as `obj:name(args)`.
    /// The closure receives `&mut T` and then typed arguments as for
    /// [`Engine::register_fn`]. Names starting with `__` set metamethods instead
    /// (`__tostring`, `__add`, `__len`, ...).
    ///
    /// ```
    /// struct Counter { n: i64 }
    /// let mut engine = gscript::Engine::new();
    /// engine.register_type::<Counter>("Counter");
    /// engine.register_method("add", |c: &mut Counter, by: i64| { c.n += by; c.n });
    /// engine.register_method("__tostring", |c: &mut Counter| format!("Counter({})", c.n));
    /// let counter = engine.create_userdata(Counter { n: 0 });
    /// engine.set_global("counter", counter.clone()).unwrap();
    /// engine.run("counter:add(2); counter:add(3)").unwrap();
    /// assert_eq!(counter.typed::<Counter>(&mut engine).unwrap().get().unwrap().n, 5);
    /// assert_eq!(engine.eval::<String>("tostring(counter)").unwrap(), "Counter(5)");
    /// ```
    pub fn register_method<T: 'static, M>(&mut self, name: &str, f: impl IntoMethod<T, M>) {
        self.context().register_method(name, f)
    }

    /// Moves a Rust value into the engine as a user data object (see
    /// [`Engine::register_method`]); it lives until the engine is dropped.
    pub fn create_userdata<T: 'static>(&mut self, value: T) -> AnyUserData {
        self.context().create_userdata(value)
    }

    /// Limits how much more script work may run, counted in loop iterations and calls
    /// (checked every 4096 of them); past it, scripts fail with
    /// `instruction budget exceeded` ([`ErrorKind::BudgetExceeded`](crate::ErrorKind::BudgetExceeded)). The budget is
    /// shared by all later runs until it is set again; `None` removes it.
    ///
    /// ```
    /// let mut engine = gscript::Engine::new();
    /// engine.set_instruction_budget(Some(100_000));
    /// let err = engine.run("for { }").unwrap_err();
    /// assert_eq!(err.kind(), gscript::ErrorKind::BudgetExceeded);
    /// ```
    pub fn set_instruction_budget(&mut self, budget: Option<u64>) {
        self.vm.instruction_budget = budget;
    }

    /// What is left of the instruction budget.
    pub fn instruction_budget(&self) -> Option<u64> {
        self.vm.instruction_budget
    }

    /// Limits the heap to about `bytes` (objects and their buffers). When a running
    /// script grows the heap past the limit, the engine collects garbage and, if the
    /// live data still exceeds the limit, fails with `not enough memory`
    /// ([`ErrorKind::OutOfMemory`](crate::ErrorKind::OutOfMemory)); strings longer than the limit are refused at once.
    /// `None` removes the limit.
    ///
    /// ```
    /// let mut engine = gscript::Engine::new();
    /// engine.set_memory_limit(Some(8 << 20));
    /// let err = engine.run("t := {}; for i := 0; ; i++ { t[i] = {i} }").unwrap_err();
    /// assert_eq!(err.kind(), gscript::ErrorKind::OutOfMemory);
    /// assert_eq!(err.message(), "not enough memory");
    /// engine.run("t = nil").unwrap();   // the engine is still usable
    /// ```
    pub fn set_memory_limit(&mut self, bytes: Option<usize>) {
        self.vm.heap.memory_limit = bytes;
        let default = vm::vm::Limits::default().max_string;
        self.vm.limits.max_string = bytes.map_or(default, |b| b.min(default));
    }

    /// Approximate bytes in use by the heap.
    pub fn memory_used(&mut self) -> usize {
        self.vm.heap.sync_accounting();
        self.vm.heap.total_bytes()
    }

    /// Runs a full garbage collection.
    pub fn collect_garbage(&mut self) {
        self.state.release_dropped();
        self.vm.collect_garbage();
    }

    /// A handle that stops running scripts from any thread.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle { flag: self.vm.interrupt.clone() }
    }

    /// Where `print` and `io.write` output goes (standard output by default).
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// #[derive(Clone, Default)]
    /// struct Shared(Arc<Mutex<Vec<u8>>>);
    /// impl std::io::Write for Shared {
    ///     fn write(&mut self, b: &[u8]) -> std::io::Result<usize> { self.0.lock().unwrap().write(b) }
    ///     fn flush(&mut self) -> std::io::Result<()> { Ok(()) }
    /// }
    /// let out = Shared::default();
    /// let mut engine = gscript::Engine::new();
    /// engine.set_output(Box::new(out.clone()));
    /// engine.run("print(\"hi\", 1 + 1)").unwrap();
    /// engine.flush_output();
    /// assert_eq!(out.0.lock().unwrap().as_slice(), b"hi\t2\n");
    /// ```
    pub fn set_output(&mut self, out: Box<dyn std::io::Write>) {
        self.vm.flush_stdout();
        self.vm.stdout = out;
    }

    /// Flushes the script output.
    pub fn flush_output(&mut self) {
        self.vm.flush_stdout();
    }

    /// The underlying VM, for what this API does not cover. Values taken from it are
    /// only valid until the next garbage-collection safepoint (any script execution)
    /// unless kept reachable (e.g. in `vm.pinned`).
    pub fn vm(&mut self) -> &mut Vm {
        &mut self.vm
    }
}

impl<'a> Context<'a> {
    /// The underlying VM (see [`Engine::vm`]).
    pub fn vm(&mut self) -> &mut Vm {
        self.vm
    }

    pub(crate) fn check_owner(&self, h: &Handle) -> Result<()> {
        if Rc::ptr_eq(&h.state, self.state) {
            Ok(())
        } else {
            Err(Error::new("handle used with an engine that did not create it"))
        }
    }

    /// A handle keeping `v` alive.
    pub(crate) fn handle(&mut self, v: vm::Value) -> Rc<Handle> {
        let slot = self.state.store(v);
        Rc::new(Handle { slot, value: v, state: self.state.clone() })
    }

    /// Converts an error raised by the VM.
    pub(crate) fn rt_error(&mut self, e: vm::RtError) -> Error {
        match e.fatal {
            Some(vm::Fatal::Deadlock) => Error::with_kind(crate::ErrorKind::Deadlock, vm::sched::DEADLOCK_MESSAGE),
            Some(vm::Fatal::GoroutineDied { id }) => {
                let msg = crate::error_message(self.vm, e.value);
                Error::runtime(msg, e.traceback).in_goroutine(id)
            }
            Some(vm::Fatal::Interrupted) | None => {
                let msg = crate::error_message(self.vm, e.value);
                Error::runtime(msg, e.traceback)
            }
        }
    }

    /// Calls a function value with converted arguments; converts the results.
    pub(crate) fn call_value<R: FromValues>(&mut self, f: vm::Value, args: impl IntoValues) -> Result<R> {
        self.state.release_dropped();
        // Keep `f` reachable while the arguments are converted (no collection happens
        // there, but conversions of handles may store into tables).
        let args = args.into_values(self)?;
        let results = match self.vm.call(f, &args) {
            Ok(r) => r,
            Err(e) => {
                let err = self.rt_error(e);
                if err.kind() == crate::ErrorKind::Interrupted && self.vm.rust_depth == 0 {
                    // The interrupt has reached the host: withdraw it (the VM keeps it set
                    // while script code runs, so that pcall cannot swallow it).
                    self.vm.interrupt.store(false, std::sync::atomic::Ordering::SeqCst);
                }
                return Err(err);
            }
        };
        R::from_values(&results, self)
    }

    fn compile(&mut self, source: &str, name: &str) -> Result<vm::Value> {
        match compiler::compile_source(source.as_bytes(), name) {
            Ok(p) => Ok(self.vm.load_main(&p, Vm::table_value(self.vm.globals))),
            Err(d) => Err(Error::syntax(d.with_chunk(name), d.incomplete)),
        }
    }

    /// See [`Engine::run`].
    pub fn run(&mut self, source: &str) -> Result<()> {
        self.run_named(source, DEFAULT_CHUNK_NAME)
    }

    /// See [`Engine::run_named`].
    pub fn run_named<R: FromValues>(&mut self, source: &str, name: &str) -> Result<R> {
        let f = self.compile(source, name)?;
        self.call_value(f, ())
    }

    /// See [`Engine::eval`].
    pub fn eval<R: FromValues>(&mut self, source: &str) -> Result<R> {
        let f = match compiler::compile_source(format!("return {}", source).as_bytes(), DEFAULT_CHUNK_NAME) {
            Ok(p) => self.vm.load_main(&p, Vm::table_value(self.vm.globals)),
            Err(_) => self.compile(source, DEFAULT_CHUNK_NAME)?,
        };
        self.call_value(f, ())
    }

    /// See [`Engine::load`].
    pub fn load(&mut self, source: &str, name: &str) -> Result<Function> {
        let f = self.compile(source, name)?;
        Ok(Function(self.handle(f)))
    }

    /// See [`Engine::get_global`].
    pub fn get_global<T: FromValue>(&mut self, name: &str) -> Result<T> {
        let v = self.vm.get_field(self.vm.globals, name);
        T::from_value(v, self).map_err(|e| Error::with_kind(e.kind(), format!("global '{}': {}", name, e.message())))
    }

    /// See [`Engine::set_global`].
    pub fn set_global(&mut self, name: &str, value: impl IntoValue) -> Result<()> {
        let v = value.into_value(self)?;
        let globals = self.vm.globals;
        self.vm.set_field(globals, name, v);
        Ok(())
    }

    /// See [`Engine::globals`].
    pub fn globals(&mut self) -> Table {
        let g = Vm::table_value(self.vm.globals);
        Table(self.handle(g))
    }

    /// See [`Engine::create_table`].
    pub fn create_table(&mut self) -> Table {
        let t = self.vm.new_table(0, 0);
        Table(self.handle(Vm::table_value(t)))
    }

    /// See [`Engine::create_function`].
    pub fn create_function<M>(&mut self, name: &str, f: impl IntoCallback<M>) -> Function {
        let v = self.native(name, f.into_callback());
        Function(self.handle(v))
    }

    /// A builtin calling `callback`.
    fn native(&mut self, name: &str, callback: Callback) -> vm::Value {
        let index = {
            let mut callbacks = self.state.callbacks.borrow_mut();
            callbacks.push(callback);
            callbacks.len() as i64 - 1
        };
        crate::callback::new_native(self.vm, self.state, name, index)
    }

    /// See [`Engine::register_fn`].
    pub fn register_fn<M>(&mut self, name: &str, f: impl IntoCallback<M>) -> Result<()> {
        let v = self.native(name, f.into_callback());
        let globals = self.vm.globals;
        self.vm.set_field(globals, name, v);
        Ok(())
    }

    /// The metatable and methods table of user data type `T` (created on first use).
    pub(crate) fn type_info<T: 'static>(&mut self) -> TypeInfo {
        if let Some(info) = self.state.types.borrow().get(&TypeId::of::<T>()) {
            return *info;
        }
        let methods = self.vm.new_table(0, 4);
        let meta = self.vm.new_table(0, 4);
        self.vm.set_field(meta, "__index", Vm::table_value(methods));
        let short = std::any::type_name::<T>().rsplit("::").next().unwrap_or("userdata");
        let name = self.vm.str_value(short.as_bytes());
        self.vm.set_field(meta, "__name", name);
        let locked = self.vm.str_value(b"locked");
        self.vm.set_field(meta, "__metatable", locked);
        let mut keep = self.state.type_tables;
        let n = keep.border() + 1;
        keep.set_small_int(n, Vm::table_value(meta));
        let info = TypeInfo { meta, methods };
        self.state.types.borrow_mut().insert(TypeId::of::<T>(), info);
        info
    }

    /// See [`Engine::register_type`].
    pub fn register_type<T: 'static>(&mut self, name: &str) {
        let info = self.type_info::<T>();
        let v = self.vm.str_value(name.as_bytes());
        self.vm.set_field(info.meta, "__name", v);
    }

    /// See [`Engine::register_method`].
    pub fn register_method<T: 'static, M>(&mut self, name: &str, f: impl IntoMethod<T, M>) {
        let info = self.type_info::<T>();
        let v = self.native(name, f.into_method());
        let target = if name.starts_with("__") { info.meta } else { info.methods };
        self.vm.set_field(target, name, v);
    }

    /// See [`Engine::create_userdata`].
    pub fn create_userdata<T: 'static>(&mut self, value: T) -> AnyUserData {
        let info = self.type_info::<T>();
        let mut t = self.vm.new_table(0, 0);
        t.meta = Some(info.meta);
        let id = {
            let mut all = self.state.userdata.borrow_mut();
            all.push(UserDataCell { type_id: TypeId::of::<T>(), value: Rc::new(RefCell::new(value)) });
            all.len() as i64 - 1
        };
        let tv = Vm::table_value(t);
        let id_value = self.vm.int(id);
        let mut ids = self.state.userdata_ids;
        ids.set(tv, id_value);
        AnyUserData(self.handle(tv))
    }

    /// The user data cell of a value, if it is one of this engine's user data objects.
    pub(crate) fn userdata_cell(&self, v: vm::Value) -> Option<(TypeId, Rc<RefCell<dyn Any>>)> {
        value_as::<VmTable>(v)?;
        let id = self.state.userdata_ids.get(v).as_int()?;
        let all = self.state.userdata.borrow();
        let cell = all.get(usize::try_from(id).ok()?)?;
        Some((cell.type_id, cell.value.clone()))
    }

    /// The `__name` of user data type `T` (for messages).
    pub(crate) fn type_name_of<T: 'static>(&mut self) -> String {
        let info = self.type_info::<T>();
        let v = self.vm.get_field(info.meta, "__name");
        Vm::str_bytes(v).map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_else(|| "userdata".into())
    }
}
