//! Threads: a VM stack of values plus a stack of call frames. The main program, every
//! coroutine and (later) every goroutine runs on its own thread.
//!
//! Invariants:
//! * `stack.len()` is the allocated size; slots at or above `top` hold nil or stale
//!   values that are never read before being written. A script frame's registers
//!   `base..base + max_stack` are always inside `stack`.
//! * `open_upvalues` is sorted by `stack_index` (ascending); each points into `stack`.
//!   When the stack is reallocated their locations are fixed up (`grow`).
//! * The GC scans `stack[..top_for_gc()]` and every frame's deferred calls.

use crate::error::RtError;
use crate::function::Closure;
use crate::object::{GcHeader, Gc, HeapObject, ObjKind, Upvalue};
use crate::value::Value;

pub mod flags {
    /// The frame is the callee of `pcall` (catches errors; prepends `true`).
    pub const PCALL: u16 = 1;
    /// The frame is the callee of `xpcall` (`handler` holds the message handler).
    pub const XPCALL: u16 = 2;
    /// Entered from Rust (`Vm::call`): returning or unwinding past it leaves `execute`.
    pub const FRESH: u16 = 4;
    /// A metamethod call: when it returns, the caller's current instruction is finished
    /// with the result (`finish_op`).
    pub const FINISH: u16 = 8;
    /// A deferred call run by a normal return of the frame below.
    pub const DEFER_RETURN: u16 = 16;
    /// A deferred call run while an error unwinds the frame below.
    pub const DEFER_UNWIND: u16 = 32;
    /// The body function of a coroutine.
    pub const CO_BASE: u16 = 64;
    /// The frame was reused by a tail call.
    pub const TAIL: u16 = 128;
    /// The frame is returning: its return values are saved in `ret_start..ret_start+ret_count`
    /// while deferred calls run.
    pub const RETURNING: u16 = 256;
    /// A range-loop iterator call.
    pub const RANGE: u16 = 512;
    /// A call made by TAILCALL from a frame with pending deferred calls: when it ends,
    /// the frame below returns its results.
    pub const TAIL_RETURN: u16 = 1024;
    /// The body call of a goroutine (sched.rs): returning from it ends the goroutine; an
    /// error unwinding through it ends the program (spec 9.8).
    pub const GOROUTINE_BASE: u16 = 2048;
}

/// A pending deferred call: the callee followed by its arguments.
pub type Deferred = Box<[Value]>;

/// Rarely used per-frame state, boxed so that frames stay small.
#[derive(Clone, Debug)]
pub struct FrameExtra {
    pub defers: Vec<Deferred>,
    /// The `xpcall` message handler.
    pub handler: Value,
    /// Saved return values while deferred calls run (flags::RETURNING).
    pub ret_start: usize,
    pub ret_count: usize,
}

#[derive(Clone, Debug)]
pub struct Frame {
    /// Stack index of the called value.
    pub func: usize,
    /// Stack index of register 0.
    pub base: usize,
    /// Index of the next instruction to execute (script frames).
    pub pc: usize,
    /// The running closure (None for a builtin frame).
    pub closure: Option<Gc<Closure>>,
    /// Number of results the caller wants (-1: all).
    pub want: i32,
    pub flags: u16,
    /// Number of extra (vararg) arguments, stored just below `base`.
    pub varargs: u32,
    /// Scratch for an interrupted instruction (e.g. the remaining count of a CONCAT).
    pub aux: u32,
    pub extra: Option<Box<FrameExtra>>,
}

impl Frame {
    #[inline(always)]
    pub fn new(func: usize, base: usize, closure: Option<Gc<Closure>>, want: i32) -> Frame {
        Frame { func, base, pc: 0, closure, want, flags: 0, varargs: 0, aux: 0, extra: None }
    }

    pub fn is_script(&self) -> bool {
        self.closure.is_some()
    }

    fn extra_mut(&mut self) -> &mut FrameExtra {
        self.extra.get_or_insert_with(|| Box::new(FrameExtra { defers: Vec::new(), handler: Value::NIL, ret_start: 0, ret_count: 0 }))
    }

    #[inline(always)]
    pub fn has_defers(&self) -> bool {
        self.extra.as_ref().is_some_and(|e| !e.defers.is_empty())
    }
    pub fn defers(&self) -> &[Deferred] {
        match &self.extra {
            Some(e) => &e.defers,
            None => &[],
        }
    }
    pub fn push_defer(&mut self, d: Deferred) {
        self.extra_mut().defers.push(d);
    }
    pub fn pop_defer(&mut self) -> Option<Deferred> {
        self.extra.as_mut().and_then(|e| e.defers.pop())
    }
    pub fn take_defers(&mut self) -> Vec<Deferred> {
        self.extra.as_mut().map(|e| std::mem::take(&mut e.defers)).unwrap_or_default()
    }
    pub fn handler(&self) -> Value {
        self.extra.as_ref().map_or(Value::NIL, |e| e.handler)
    }
    pub fn set_handler(&mut self, h: Value) {
        if !h.is_nil() || self.extra.is_some() {
            self.extra_mut().handler = h;
        }
    }
    /// Saved return values (start, count) of a returning frame.
    pub fn ret_range(&self) -> (usize, usize) {
        self.extra.as_ref().map_or((0, 0), |e| (e.ret_start, e.ret_count))
    }
    pub fn set_ret_range(&mut self, start: usize, count: usize) {
        let e = self.extra_mut();
        e.ret_start = start;
        e.ret_count = count;
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoStatus {
    /// Created or yielded.
    Suspended,
    Running,
    /// Resumed another coroutine that is running.
    Normal,
    Dead,
}

#[repr(C)]
pub struct Thread {
    pub header: GcHeader,
    pub stack: Vec<Value>,
    /// First free stack slot (for builtins' pushes and variable-length results).
    pub top: usize,
    pub frames: Vec<Frame>,
    pub open_upvalues: Vec<Gc<Upvalue>>,
    pub status: CoStatus,
    /// The thread that resumed this one (while Running/Normal).
    pub resumer: Option<Gc<Thread>>,
    /// True for a goroutine's main thread (not a coroutine).
    pub is_main: bool,
    /// Number of PCALL/XPCALL frames (0: an error here is uncaught, capture a traceback).
    pub protected: u32,
    /// Number of Rust re-entries (FRESH frames) in this thread: yielding needs 0.
    pub non_yieldable: u32,
    /// The error being propagated while deferred calls run during unwinding.
    pub unwinding: Option<RtError>,
    /// The body function before the first resume.
    pub body: Value,
    /// The error the coroutine died with (for `coroutine.close`).
    pub death_error: Option<Value>,
}
impl HeapObject for Thread {
    const KIND: ObjKind = ObjKind::Thread;
}

/// Initial stack size of a thread (slots).
pub const INITIAL_STACK: usize = 64;

// ---- stack-stress mode (reliability testing; see docs/reliability.md) ----
// With stack stress on, threads start with a tiny stack and every growth allocates a
// fresh buffer of exactly the needed size, so the stack moves whenever a call goes deeper
// than before: this exercises the upvalue fix-up and every place that re-derives stack
// pointers after a call. Selected by `gscript --stack-stress` or GSCRIPT_STACK_STRESS=1.
// Process-wide (like an allocator setting); the hot path (`ensure_stack`) is unchanged.
static STACK_STRESS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Initial stack size of a thread in stack-stress mode (slots).
pub const STRESS_INITIAL_STACK: usize = 2;
/// Below this size (slots) a stressed stack grows by exactly what is needed.
const STRESS_EXACT_LIMIT: usize = 1 << 15;

/// Turns stack-stress mode on or off for threads created (and stacks grown) from now on.
pub fn set_stack_stress(on: bool) {
    STACK_STRESS.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// True if stack-stress mode is on.
pub fn stack_stress() -> bool {
    STACK_STRESS.load(std::sync::atomic::Ordering::Relaxed)
}

impl Thread {
    pub fn new(is_main: bool) -> Thread {
        Thread {
            header: GcHeader::new(ObjKind::Thread),
            stack: vec![Value::NIL; if stack_stress() { STRESS_INITIAL_STACK } else { INITIAL_STACK }],
            top: 0,
            frames: Vec::new(),
            open_upvalues: Vec::new(),
            status: if is_main { CoStatus::Running } else { CoStatus::Suspended },
            resumer: None,
            is_main,
            protected: 0,
            non_yieldable: 0,
            unwinding: None,
            body: Value::NIL,
            death_error: None,
        }
    }

    /// Pushes a frame (inlined fast path when there is capacity).
    #[inline(always)]
    pub fn push_frame(&mut self, f: Frame) {
        let len = self.frames.len();
        if len < self.frames.capacity() {
            // SAFETY: len < capacity, so the slot is allocated and uninitialised; writing
            // it and bumping the length keeps the Vec valid.
            unsafe {
                std::ptr::write(self.frames.as_mut_ptr().add(len), f);
                self.frames.set_len(len + 1);
            }
        } else {
            self.frames.push(f);
        }
    }

    /// Makes sure `stack[..needed]` exists. Returns false if `needed` exceeds `limit`.
    #[inline]
    pub fn ensure_stack(&mut self, needed: usize, limit: usize) -> bool {
        if needed <= self.stack.len() {
            return true;
        }
        self.grow(needed, limit)
    }

    #[cold]
    fn grow(&mut self, needed: usize, limit: usize) -> bool {
        if needed > limit {
            return false;
        }
        if stack_stress() {
            // Exactly the needed size (doubling only past STRESS_EXACT_LIMIT slots, so deep
            // recursion stays linear), in a new buffer: the old one is freed, so the stack
            // always moves.
            let old_len = self.stack.len();
            let new_len = if old_len < STRESS_EXACT_LIMIT { needed } else { (old_len * 2).max(needed).min(limit.max(needed)) };
            let mut moved = Vec::with_capacity(new_len);
            moved.extend_from_slice(&self.stack);
            moved.resize(new_len, Value::NIL);
            self.stack = moved;
            crate::gc::account((new_len - old_len) * 8);
            self.fix_upvalue_locations();
            return true;
        }
        let new_len = (self.stack.len() * 2).max(needed).min(limit.max(needed));
        let old_len = self.stack.len();
        self.stack.resize(new_len, Value::NIL);
        crate::gc::account((new_len - old_len) * 8);
        self.fix_upvalue_locations();
        true
    }

    /// Re-points open upvalues after the stack buffer moved.
    pub fn fix_upvalue_locations(&mut self) {
        let base = self.stack.as_mut_ptr();
        for u in self.open_upvalues.iter_mut() {
            // SAFETY: stack_index < stack.len() for open upvalues.
            u.location = unsafe { base.add(u.stack_index) };
        }
    }

    /// Finds or creates the open upvalue for stack slot `index`.
    pub fn find_upvalue(&mut self, index: usize, heap: &mut crate::gc::Heap) -> Gc<Upvalue> {
        // Captures are usually of the newest frame, i.e. at or above the last open
        // upvalue: check it first, then search the sorted list.
        let pos = match self.open_upvalues.last() {
            None => 0,
            Some(last) if last.stack_index < index => self.open_upvalues.len(),
            Some(last) if last.stack_index == index => return *last,
            Some(_) => match self.open_upvalues.binary_search_by(|u| u.stack_index.cmp(&index)) {
                Ok(i) => return self.open_upvalues[i],
                Err(i) => i,
            },
        };
        let location = &mut self.stack[index] as *mut Value;
        let uv = heap.alloc(
            Upvalue {
                header: GcHeader::new(ObjKind::Upvalue),
                location,
                closed: Value::NIL,
                stack_index: index,
                open: true,
            },
            0,
        );
        if pos == self.open_upvalues.len() {
            self.open_upvalues.push(uv); // no memmove call for the usual append
        } else {
            self.open_upvalues.insert(pos, uv);
        }
        uv
    }

    /// Closes every open upvalue at stack index >= `level`.
    #[inline]
    pub fn close_upvalues(&mut self, level: usize) {
        while let Some(&last) = self.open_upvalues.last() {
            if last.stack_index < level {
                break;
            }
            let mut u = last;
            u.closed = self.stack[u.stack_index];
            u.location = &mut u.closed as *mut Value;
            u.open = false;
            self.open_upvalues.pop();
        }
    }

    pub fn close_all_upvalues(&mut self) {
        self.close_upvalues(0);
    }

    /// The extent of the stack the GC must scan.
    pub fn top_for_gc(&self) -> usize {
        let mut top = self.top;
        for f in &self.frames {
            let extent = match f.closure {
                Some(c) => f.base + c.proto.max_stack,
                None => f.base,
            };
            let (rs, rc) = f.ret_range();
            top = top.max(extent).max(rs + rc);
        }
        top.min(self.stack.len())
    }

    /// Visits every value this thread keeps alive; clears stale slots above the live part.
    pub fn for_each_root(&self, mut f: impl FnMut(Value)) {
        let top = self.top_for_gc();
        for &v in &self.stack[..top] {
            f(v);
        }
        for frame in &self.frames {
            f(frame.handler());
            for d in frame.defers() {
                for &v in d.iter() {
                    f(v);
                }
            }
        }
        if let Some(r) = self.resumer {
            f(Value::from_ptr(crate::value::TAG_OBJ, r.header()));
        }
        if let Some(e) = &self.unwinding {
            f(e.value);
        }
        if let Some(e) = self.death_error {
            f(e);
        }
        f(self.body);
    }

    /// Clears stack slots above the live part (so stale values cannot be resurrected).
    pub fn clear_dead_slots(&mut self) {
        let top = self.top_for_gc();
        for v in &mut self.stack[top..] {
            *v = Value::NIL;
        }
    }
}
