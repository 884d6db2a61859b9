//! Function objects: runtime prototypes, script closures and builtin functions.
//!
//! A [`ProtoObj`] is the VM's form of a compiled `compiler::Proto`: constants become
//! values (strings interned), nested prototypes become heap objects, and it records the
//! globals table (`env`) of the chunk it was loaded into. A [`Closure`] pairs a
//! prototype with its captured upvalues. A [`Native`] is a builtin: a Rust function plus
//! optional bound values (`data`) and its names for messages.

use crate::error::RtError;
use crate::object::{GcHeader, Gc, HeapObject, ObjKind, Upvalue};
use crate::value::Value;
use crate::vm::Vm;
use compiler::Instr;
use std::cell::Cell;
use std::rc::Rc;

#[repr(C)]
pub struct ProtoObj {
    pub header: GcHeader,
    pub code: Box<[Instr]>,
    pub constants: Box<[Value]>,
    pub children: Box<[Gc<ProtoObj>]>,
    /// (in_stack, index) per upvalue.
    pub upvalue_descs: Box<[(bool, u8)]>,
    pub num_params: usize,
    pub is_vararg: bool,
    pub max_stack: usize,
    /// `max_stack` for a fixed-arity function; for a vararg one, a value so large that
    /// the interpreter's inline call check (`base + args + need < stack.len()`) always
    /// fails: one comparison tests both "not vararg" and "the stack has room".
    pub fixed_call_need: usize,
    /// The compiler's prototype: lines, local names, upvalue names, source name.
    pub info: Rc<compiler::Proto>,
    /// The globals table of the chunk.
    pub env: Value,
    /// Per-constant cache for GETGLOBAL/SETGLOBAL and SELF: the entry index of the key
    /// in the hash part of the table it was last found in (a hint; always re-validated).
    pub global_cache: Box<[Cell<u32>]>,
}
impl HeapObject for ProtoObj {
    const KIND: ObjKind = ObjKind::Proto;
}

#[repr(C)]
pub struct Closure {
    pub header: GcHeader,
    pub proto: Gc<ProtoObj>,
    pub upvalues: Upvalues,
}

/// Upvalues stored in the closure itself up to this count (no separate allocation).
pub const INLINE_UPVALUES: usize = 2;

/// A closure's upvalue list: inline for up to [`INLINE_UPVALUES`], else in a boxed
/// slice. Derefs to a slice through `ptr`, which points at `inline` or at `heap`.
///
/// Invariant: `ptr` is valid for `len` reads. Because it may point into the closure
/// itself, a list with inline entries is built only in place, inside an allocated
/// closure that never moves again ([`Closure::alloc`]).
pub struct Upvalues {
    ptr: std::ptr::NonNull<Gc<Upvalue>>,
    len: usize,
    inline: [std::mem::MaybeUninit<Gc<Upvalue>>; INLINE_UPVALUES],
    heap: Option<Box<[std::mem::MaybeUninit<Gc<Upvalue>>]>>,
}

impl Upvalues {
    /// An empty list (valid anywhere: nothing points into the closure).
    pub fn empty() -> Upvalues {
        Upvalues { ptr: std::ptr::NonNull::dangling(), len: 0, inline: [std::mem::MaybeUninit::uninit(); INLINE_UPVALUES], heap: None }
    }
}

impl std::ops::Deref for Upvalues {
    type Target = [Gc<Upvalue>];
    #[inline(always)]
    fn deref(&self) -> &[Gc<Upvalue>] {
        // SAFETY: `ptr` is valid for `len` initialised entries (type invariant).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl Closure {
    /// Byte offset, inside a closure, of the pointer to its upvalue list (`Gc<Upvalue>`
    /// entries, one word each): the JIT reads upvalues through it.
    pub const UPVALUES_PTR_OFFSET: usize = std::mem::offset_of!(Closure, upvalues) + std::mem::offset_of!(Upvalues, ptr);

    /// Allocates a closure of `proto` whose `n` upvalues are produced, in order, by
    /// `next_upvalue` (called after the allocation; it must not run a collection).
    pub fn alloc(heap: &mut crate::gc::Heap, proto: Gc<ProtoObj>, n: usize, mut next_upvalue: impl FnMut(&mut crate::gc::Heap, usize) -> Gc<Upvalue>) -> Gc<Closure> {
        let mut c = heap.alloc(Closure { header: GcHeader::new(crate::object::ObjKind::Closure), proto, upvalues: Upvalues::empty() }, 0);
        if n == 0 {
            return c;
        }
        let list: *mut std::mem::MaybeUninit<Gc<Upvalue>> = if n <= INLINE_UPVALUES {
            c.upvalues.inline.as_mut_ptr()
        } else {
            let b = c.upvalues.heap.insert(vec![std::mem::MaybeUninit::uninit(); n].into_boxed_slice());
            b.as_mut_ptr()
        };
        for j in 0..n {
            let u = next_upvalue(heap, j);
            // SAFETY: `list` has room for n entries (inline array or the boxed slice).
            unsafe { (*list.add(j)).write(u) };
        }
        // SAFETY: the closure is heap-allocated and never moves, so a pointer into its
        // own `inline` array stays valid; all n entries are initialised.
        c.upvalues.ptr = unsafe { std::ptr::NonNull::new_unchecked(list as *mut Gc<Upvalue>) };
        c.upvalues.len = n;
        c
    }
}
impl HeapObject for Closure {
    const KIND: ObjKind = ObjKind::Closure;
}

/// Arguments of a builtin call: `count` values starting at stack index `base`.
#[derive(Clone, Copy, Debug)]
pub struct Args {
    pub base: usize,
    pub count: usize,
}

/// A builtin's Rust function. It reads its arguments from the stack, pushes its
/// results (`Vm::push`) and returns how many it pushed.
pub type NativeFn = fn(&mut Vm, Args) -> Result<usize, RtError>;

/// Builtins that the interpreter executes itself (they manipulate frames or threads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NativeKind {
    Normal,
    Pcall,
    Xpcall,
    Resume,
    Yield,
    /// A function made by `coroutine.wrap` (data[0] is the coroutine).
    WrapCall,
    /// A builtin that may park the running goroutine (sched.rs `call_blocking_native`):
    /// `time.sleep`, `mu:lock()`, `wg:wait()`.
    Blocking,
}

#[repr(C)]
pub struct Native {
    pub header: GcHeader,
    pub func: NativeFn,
    pub kind: NativeKind,
    /// Short name for `bad argument` messages (`rep`).
    pub name: &'static str,
    /// Qualified name for tracebacks (`string.rep`).
    pub qualified: &'static str,
    pub data: Box<[Value]>,
}
impl HeapObject for Native {
    const KIND: ObjKind = ObjKind::Native;
}

impl std::fmt::Debug for Native {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "builtin {}", self.qualified)
    }
}

impl ProtoObj {
    /// Source line of the instruction at `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        self.info.lines.get(pc).copied().unwrap_or(self.info.line_defined)
    }
    pub fn source(&self) -> &str {
        &self.info.source
    }
}
