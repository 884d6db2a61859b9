//! The heap: allocation, string interning and a precise, non-moving mark-sweep collector.
//!
//! Every object is a `Box` linked into one all-objects list through its header. A
//! collection marks from the roots the VM supplies (see `Vm::collect_garbage`), traces
//! through a gray stack (no recursion, so deep structures cannot overflow the Rust
//! stack), then sweeps: unmarked threads first close their open upvalues, dead strings
//! leave the intern table, and unmarked objects are freed.
//!
//! Collections only happen at the interpreter's safepoints (`Vm::check_gc`), never inside
//! an allocation, so Rust code may hold `Value`s in locals between safepoints. Code that
//! calls back into scripts (a safepoint may occur there) must keep the values it created
//! reachable, e.g. on the VM stack.
//!
//! Accounting: `allocated` counts bytes allocated since the last collection (objects plus
//! the buffers they own, reported through [`account`]); a collection starts when it
//! exceeds `threshold`, which is set to the live size after each collection (so the heap
//! stays within about twice the live data). Stress mode collects at every safepoint
//! following an allocation.

use crate::object::*;
use crate::table::{hash_bytes, Table};
use crate::value::{Value, TAG_FUNC, TAG_OBJ, TAG_STR, TAG_TABLE};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Strings up to this many bytes are interned.
pub const MAX_SHORT_STRING: usize = 40;
const MIN_THRESHOLD: usize = 4 << 20;
/// Most freed allocations kept for reuse, per pooled kind.
const POOL_MAX: usize = 1 << 16;

/// Kinds whose freed allocations are reused (the most frequently allocated fixed-size
/// objects): index into `Heap::pools`.
fn pool_index(kind: ObjKind) -> Option<usize> {
    match kind {
        ObjKind::Table => Some(0),
        ObjKind::Closure => Some(1),
        ObjKind::Upvalue => Some(2),
        // Boxed integers (64-bit values beyond the inline range): bit-manipulation code
        // allocates one per operation.
        ObjKind::BigInt => Some(3),
        _ => None,
    }
}

/// Most freed allocations kept in pool `index`: boxed integers are small (24 bytes) and
/// die by the hundred thousand per collection in bit-manipulation loops.
fn pool_max(index: usize) -> usize {
    if index == 3 {
        POOL_MAX * 4
    } else {
        POOL_MAX
    }
}

/// Drops an object's contents in place, keeping its allocation (for a pool).
///
/// # Safety
/// `h` is a live object of a pooled kind, no longer referenced.
unsafe fn drop_contents(h: *mut GcHeader) {
    // SAFETY: the caller guarantees the kind matches the concrete type.
    unsafe {
        match (*h).kind {
            ObjKind::Table => std::ptr::drop_in_place(h as *mut Table),
            ObjKind::Closure => std::ptr::drop_in_place(h as *mut crate::function::Closure),
            ObjKind::Upvalue => std::ptr::drop_in_place(h as *mut Upvalue),
            ObjKind::BigInt => std::ptr::drop_in_place(h as *mut BigInt),
            _ => unreachable!("not a pooled kind"),
        }
    }
}

/// Frees a pooled allocation (contents already dropped).
///
/// # Safety
/// `p` came from `Box<T>` for the type of pool `index`, with its contents dropped.
unsafe fn dealloc_pooled(index: usize, p: *mut u8) {
    use std::alloc::{dealloc, Layout};
    let layout = match index {
        0 => Layout::new::<Table>(),
        1 => Layout::new::<crate::function::Closure>(),
        2 => Layout::new::<Upvalue>(),
        _ => Layout::new::<BigInt>(),
    };
    // SAFETY: same allocator and layout as the Box that allocated it.
    unsafe { dealloc(p, layout) };
}

/// Bytes allocated by objects' own buffers since the last collection (table growth,
/// stacks, ...). Process-wide and approximate: a relaxed counter that `should_collect`
/// reads, so growing buffers trigger collections too.
static EXTRA_ALLOCATED: AtomicUsize = AtomicUsize::new(0);

/// Reports bytes allocated by an object's own buffers (table growth, stacks, ...).
#[inline]
pub fn account(bytes: usize) {
    EXTRA_ALLOCATED.fetch_add(bytes, Ordering::Relaxed);
}

fn take_extra() -> usize {
    EXTRA_ALLOCATED.swap(0, Ordering::Relaxed)
}

pub struct Heap {
    objects: *mut GcHeader,
    /// Bytes allocated since the last collection.
    allocated: usize,
    threshold: usize,
    /// Bytes found live by the last collection.
    pub live_bytes: usize,
    pub stress: bool,
    /// Set by every allocation; cleared by a collection (stress mode uses it).
    pub allocated_since_gc: bool,
    strings: Vec<*mut Str>,
    string_count: usize,
    /// Memory of freed tables, closures, upvalues and boxed integers (contents dropped)
    /// for reuse: they
    /// are the most frequently allocated objects; this skips a malloc/free pair each.
    pools: [Vec<*mut u8>; 4],
    /// Every live thread (sweeping must close dead threads' open upvalues first).
    threads: Vec<*mut GcHeader>,
    gray: Vec<*mut GcHeader>,
    pub collections: u64,
    /// Longest collection pause so far.
    pub max_pause: std::time::Duration,
    pub memory_limit: Option<usize>,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            objects: std::ptr::null_mut(),
            allocated: 0,
            threshold: MIN_THRESHOLD,
            live_bytes: 0,
            stress: false,
            allocated_since_gc: false,
            strings: vec![std::ptr::null_mut(); 1024],
            string_count: 0,
            pools: [Vec::new(), Vec::new(), Vec::new(), Vec::new()],
            threads: Vec::new(),
            gray: Vec::new(),
            collections: 0,
            max_pause: std::time::Duration::ZERO,
            memory_limit: None,
        }
    }

    /// Moves a new object onto the heap.
    pub fn alloc<T: HeapObject>(&mut self, obj: T, extra_bytes: usize) -> Gc<T> {
        let pooled = match pool_index(T::KIND) {
            Some(i) => self.pools[i].pop(),
            None => None,
        };
        let ptr = match pooled {
            // SAFETY: pool `i` holds allocations made by Box for exactly the type of kind
            // T::KIND (each kind has one type), with their contents dropped; writing a new
            // value into one is a fresh initialisation.
            Some(p) => unsafe {
                let p = p as *mut T;
                std::ptr::write(p, obj);
                p
            },
            None => Box::into_raw(Box::new(obj)),
        };
        let header = ptr as *mut GcHeader;
        // SAFETY: every HeapObject is repr(C) with a GcHeader first; ptr is fresh.
        unsafe {
            debug_assert_eq!((*header).kind, T::KIND);
            (*header).next = self.objects;
        }
        self.objects = header;
        if T::KIND == ObjKind::Thread {
            self.threads.push(header);
        }
        self.allocated += std::mem::size_of::<T>() + extra_bytes;
        self.allocated_since_gc = true;
        // SAFETY: just allocated.
        unsafe { Gc::from_raw(ptr) }
    }

    /// True if a collection is due.
    #[inline(always)]
    pub fn should_collect(&self) -> bool {
        if self.stress {
            return self.allocated_since_gc;
        }
        self.allocated + EXTRA_ALLOCATED.load(Ordering::Relaxed) > self.threshold
    }

    /// Folds bytes reported through [`account`] into the counters.
    #[inline]
    pub fn sync_accounting(&mut self) {
        self.allocated += take_extra();
    }

    /// Total bytes in use (approximate): live at last collection plus allocated since.
    pub fn total_bytes(&self) -> usize {
        self.live_bytes + self.allocated
    }

    /// Interns or allocates a string.
    pub fn new_str(&mut self, bytes: &[u8]) -> Gc<Str> {
        if bytes.len() > MAX_SHORT_STRING {
            return self.alloc(
                Str {
                    header: GcHeader::new(ObjKind::String),
                    hash: 0,
                    interned: false,
                    bucket_next: std::ptr::null_mut(),
                    bytes: bytes.into(),
                },
                bytes.len(),
            );
        }
        let hash = hash_bytes(bytes);
        let bucket = hash as usize & (self.strings.len() - 1);
        let mut p = self.strings[bucket];
        while !p.is_null() {
            // SAFETY: the intern table only holds live strings (sweep unlinks dead ones).
            let s = unsafe { &mut *p };
            if s.hash == hash && &*s.bytes == bytes {
                // A string found dead-but-not-yet-swept cannot exist: sweeping happens
                // in the same collection as marking.
                return unsafe { Gc::from_raw(p) };
            }
            p = s.bucket_next;
        }
        let s = self.alloc(
            Str {
                header: GcHeader::new(ObjKind::String),
                hash,
                interned: true,
                bucket_next: self.strings[bucket],
                bytes: bytes.into(),
            },
            bytes.len(),
        );
        self.strings[bucket] = s.as_ptr();
        self.string_count += 1;
        if self.string_count > self.strings.len() {
            self.grow_strings();
        }
        s
    }

    /// Takes ownership of a byte buffer as a string (no copy for long strings).
    pub fn new_str_owned(&mut self, bytes: Vec<u8>) -> Gc<Str> {
        if bytes.len() <= MAX_SHORT_STRING {
            return self.new_str(&bytes);
        }
        let len = bytes.len();
        self.alloc(
            Str {
                header: GcHeader::new(ObjKind::String),
                hash: 0,
                interned: false,
                bucket_next: std::ptr::null_mut(),
                bytes: bytes.into_boxed_slice(),
            },
            len,
        )
    }

    fn grow_strings(&mut self) {
        let new_len = self.strings.len() * 2;
        let mut buckets = vec![std::ptr::null_mut::<Str>(); new_len];
        for &head in &self.strings {
            let mut p = head;
            while !p.is_null() {
                // SAFETY: live interned strings.
                let s = unsafe { &mut *p };
                let next = s.bucket_next;
                let b = s.hash as usize & (new_len - 1);
                s.bucket_next = buckets[b];
                buckets[b] = p;
                p = next;
            }
        }
        self.strings = buckets;
    }

    // ---- marking ----

    /// Marks a value (its object goes to the gray stack).
    #[inline]
    pub fn mark_value(&mut self, v: Value) {
        let tag = v.tag();
        if (TAG_STR..=TAG_OBJ).contains(&tag) {
            self.mark_header(v.as_ptr());
        }
    }

    #[inline]
    fn mark_header(&mut self, h: *mut GcHeader) {
        // SAFETY: callers pass pointers to live objects (from values or fields).
        unsafe {
            if (*h).marked {
                return;
            }
            (*h).marked = true;
            match (*h).kind {
                ObjKind::String | ObjKind::BigInt => {}
                _ => self.gray.push(h),
            }
        }
    }

    pub fn mark<T>(&mut self, g: Gc<T>) {
        self.mark_header(g.header());
    }

    /// Processes the gray stack until everything reachable is marked.
    pub fn trace(&mut self) {
        while let Some(h) = self.gray.pop() {
            // SAFETY: gray objects are live and of the kind in their header.
            unsafe { self.trace_object(h) }
        }
    }

    unsafe fn trace_object(&mut self, h: *mut GcHeader) {
        // SAFETY (whole function): `h` is a live object whose concrete type matches
        // its kind tag.
        unsafe {
            match (*h).kind {
                ObjKind::String | ObjKind::BigInt => {}
                ObjKind::Table => {
                    let t = &*(h as *const Table);
                    if let Some(m) = t.meta {
                        self.mark(m);
                    }
                    t.for_each_value(|v| self.mark_value(v));
                }
                ObjKind::Closure => {
                    let c = &*(h as *const crate::function::Closure);
                    self.mark(c.proto);
                    for &u in c.upvalues.iter() {
                        self.mark(u);
                    }
                }
                ObjKind::Native => {
                    let n = &*(h as *const crate::function::Native);
                    for &v in n.data.iter() {
                        self.mark_value(v);
                    }
                }
                ObjKind::Proto => {
                    let p = &*(h as *const crate::function::ProtoObj);
                    for &v in p.constants.iter() {
                        self.mark_value(v);
                    }
                    for &child in p.children.iter() {
                        self.mark(child);
                    }
                    self.mark_value(p.env);
                }
                ObjKind::Upvalue => {
                    let u = &*(h as *const Upvalue);
                    self.mark_value(u.get());
                }
                ObjKind::Thread => {
                    // Slots above the live extent may hold stale pointers to objects this
                    // collection frees; a later frame could scan them before writing them.
                    // Nil them now, as Lua does in its atomic phase.
                    (*(h as *mut crate::thread::Thread)).clear_dead_slots();
                    let t = &*(h as *const crate::thread::Thread);
                    t.for_each_root(|v| self.mark_value(v));
                    for &u in t.open_upvalues.iter() {
                        self.mark(u);
                    }
                }
                ObjKind::Channel => {
                    let c = &*(h as *const crate::channel::Channel);
                    c.for_each_root(|v| self.mark_value(v));
                }
            }
        }
    }

    /// Frees every unmarked object and clears the marks of the survivors.
    pub fn sweep(&mut self) {
        // 1. Threads about to die close their open upvalues (which may survive).
        self.threads.retain(|&p| {
            // SAFETY: the thread list holds exactly the live thread objects.
            unsafe {
                if (*p).marked {
                    true
                } else {
                    (*(p as *mut crate::thread::Thread)).close_all_upvalues();
                    false
                }
            }
        });
        // 2. Dead strings leave the intern table.
        for bucket in self.strings.iter_mut() {
            let mut link: *mut *mut Str = bucket;
            // SAFETY: bucket chains hold live strings.
            unsafe {
                while !(*link).is_null() {
                    let s = *link;
                    if !(*s).header.marked {
                        *link = (*s).bucket_next;
                        self.string_count -= 1;
                    } else {
                        link = &mut (*s).bucket_next;
                    }
                }
            }
        }
        // 3. Free the unmarked, unmark the rest.
        let mut live = 0usize;
        let mut link: *mut *mut GcHeader = &mut self.objects;
        // SAFETY: list surgery on our own allocations; each freed object is removed from
        // the list before it is dropped.
        unsafe {
            while !(*link).is_null() {
                let h = *link;
                if (*h).marked {
                    (*h).marked = false;
                    live += object_size(h);
                    link = &mut (*h).next;
                } else {
                    *link = (*h).next;
                    let pool = pool_index((*h).kind).filter(|&i| self.pools[i].len() < pool_max(i));
                    if let Some(i) = pool {
                        // Keep the allocation; drop only the object's own buffers.
                        drop_contents(h);
                        self.pools[i].push(h as *mut u8);
                    } else {
                        free_object(h);
                    }
                }
            }
        }
        take_extra();
        self.live_bytes = live;
        self.allocated = 0;
        self.allocated_since_gc = false;
        self.threshold = live.max(MIN_THRESHOLD);
        self.collections += 1;
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for (i, pool) in self.pools.iter_mut().enumerate() {
            for p in pool.drain(..) {
                // SAFETY: pooled memory came from Box of pool i's type; contents dropped.
                unsafe { dealloc_pooled(i, p) };
            }
        }
        let mut p = self.objects;
        while !p.is_null() {
            // SAFETY: the heap owns every object; nothing is used after the heap drops.
            unsafe {
                let next = (*p).next;
                free_object(p);
                p = next;
            }
        }
        self.objects = std::ptr::null_mut();
    }
}

/// Approximate size of an object and its buffers.
unsafe fn object_size(h: *mut GcHeader) -> usize {
    // SAFETY: `h` is a live object of the kind in its header.
    unsafe {
        match (*h).kind {
            ObjKind::String => std::mem::size_of::<Str>() + (&(*(h as *const Str)).bytes).len(),
            ObjKind::Table => std::mem::size_of::<Table>() + (*(h as *const Table)).owned_bytes(),
            ObjKind::Closure => {
                std::mem::size_of::<crate::function::Closure>() + (&(*(h as *const crate::function::Closure)).upvalues).len() * 8
            }
            ObjKind::Native => std::mem::size_of::<crate::function::Native>(),
            ObjKind::Proto => std::mem::size_of::<crate::function::ProtoObj>() + (&(*(h as *const crate::function::ProtoObj)).code).len() * 4,
            ObjKind::Upvalue => std::mem::size_of::<Upvalue>(),
            ObjKind::Thread => std::mem::size_of::<crate::thread::Thread>() + (&(*(h as *const crate::thread::Thread)).stack).capacity() * 8,
            ObjKind::Channel => std::mem::size_of::<crate::channel::Channel>(),
            ObjKind::BigInt => std::mem::size_of::<BigInt>(),
        }
    }
}

unsafe fn free_object(h: *mut GcHeader) {
    // SAFETY: `h` was allocated by `Heap::alloc` as a Box of the type its kind names,
    // and is no longer referenced by the heap.
    unsafe {
        match (*h).kind {
            ObjKind::String => drop(Box::from_raw(h as *mut Str)),
            ObjKind::Table => drop(Box::from_raw(h as *mut Table)),
            ObjKind::Closure => drop(Box::from_raw(h as *mut crate::function::Closure)),
            ObjKind::Native => drop(Box::from_raw(h as *mut crate::function::Native)),
            ObjKind::Proto => drop(Box::from_raw(h as *mut crate::function::ProtoObj)),
            ObjKind::Upvalue => drop(Box::from_raw(h as *mut Upvalue)),
            ObjKind::Thread => drop(Box::from_raw(h as *mut crate::thread::Thread)),
            ObjKind::Channel => drop(Box::from_raw(h as *mut crate::channel::Channel)),
            ObjKind::BigInt => drop(Box::from_raw(h as *mut BigInt)),
        }
    }
}

/// The tag a value pointing to an object of this kind uses.
pub fn tag_for(kind: ObjKind) -> u64 {
    match kind {
        ObjKind::String => TAG_STR,
        ObjKind::Table => TAG_TABLE,
        ObjKind::Closure | ObjKind::Native => TAG_FUNC,
        _ => TAG_OBJ,
    }
}
