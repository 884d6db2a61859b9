//! The heap: allocation, string interning and a precise, non-moving mark-sweep collector.
//!
//! Every object is a `Box` recorded in one all-objects vector (sweeping walks it in
//! order, prefetching ahead, instead of chasing a linked list through the objects). A
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
use crate::slab::BigIntSlabs;
use crate::table::{hash_bytes, Table};
use crate::value::{Value, TAG_FUNC, TAG_OBJ, TAG_STR, TAG_TABLE};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Strings up to this many bytes are interned.
pub const MAX_SHORT_STRING: usize = 40;
const MIN_THRESHOLD: usize = 4 << 20;
/// Freed allocations kept for reuse, per pooled kind: at least this many, and up to as
/// many as the next cycle can allocate (`Heap::sweep`).
const POOL_MIN: usize = 1 << 16;
/// Largest array buffer (in values) a pooled table keeps for reuse.
const POOL_KEEP_ARRAY: usize = 8;

/// Kinds whose freed allocations are reused (the most frequently allocated fixed-size
/// objects): index into `Heap::pools`.
fn pool_index(kind: ObjKind) -> Option<usize> {
    match kind {
        ObjKind::Table => Some(0),
        ObjKind::Closure => Some(1),
        ObjKind::Upvalue => Some(2),
        // Boxed integers live in their own slabs (`Heap::alloc_big_int`).
        _ => None,
    }
}

/// Most free boxed-integer cells a sweep keeps (4 MiB): bit-manipulation loops box one
/// integer per operation, and their boxes die by the hundred thousand per collection.
const BIG_INT_KEEP_MAX: usize = (MIN_THRESHOLD / std::mem::size_of::<BigInt>()) * 2;

/// Drops an object's contents in place, keeping its allocation (for a pool). A pooled
/// table keeps one field alive: `array`, an empty `Vec` (see `Heap::alloc_table`).
///
/// # Safety
/// `h` is a live object of a pooled kind, no longer referenced.
unsafe fn drop_contents(h: *mut GcHeader) {
    // SAFETY: the caller guarantees the kind matches the concrete type.
    unsafe {
        match (*h).kind {
            ObjKind::Table => {
                // Keep a small array buffer (emptied) for the next table made from this
                // memory (`Heap::alloc_table`): most small tables get the same size.
                let t = h as *mut Table;
                let array = std::ptr::replace(std::ptr::addr_of_mut!((*t).array), Vec::new());
                std::ptr::drop_in_place(t);
                let array = if array.capacity() <= POOL_KEEP_ARRAY {
                    let mut a = array;
                    a.clear();
                    a
                } else {
                    Vec::new()
                };
                std::ptr::write(std::ptr::addr_of_mut!((*t).array), array);
            }
            ObjKind::Closure => std::ptr::drop_in_place(h as *mut crate::function::Closure),
            ObjKind::Upvalue => std::ptr::drop_in_place(h as *mut Upvalue),
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
    if index == 0 {
        // SAFETY: a pooled table's `array` is the one live field (see `drop_contents`).
        unsafe { std::ptr::drop_in_place(std::ptr::addr_of_mut!((*(p as *mut Table)).array)) };
    }
    let layout = match index {
        0 => Layout::new::<Table>(),
        1 => Layout::new::<crate::function::Closure>(),
        _ => Layout::new::<Upvalue>(),
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
    // A plain load and store, not an atomic read-modify-write (a locked instruction per
    // table allocation): the count is approximate anyway and the VM is single-threaded.
    EXTRA_ALLOCATED.store(EXTRA_ALLOCATED.load(Ordering::Relaxed).wrapping_add(bytes), Ordering::Relaxed);
}

fn take_extra() -> usize {
    EXTRA_ALLOCATED.swap(0, Ordering::Relaxed)
}

/// Smallest intern table size (slots; a power of two).
const MIN_INTERN_SLOTS: usize = 1024;

/// An intern-table slot in one word: the string's address (48 bits, as in NaN-boxed
/// values) with the top 16 bits of its hash above it, so probing compares hashes without
/// touching other strings. 0 is an empty slot.
#[derive(Clone, Copy, PartialEq, Eq)]
struct InternSlot(u64);

const SLOT_PTR_MASK: u64 = (1 << 48) - 1;

impl InternSlot {
    const EMPTY: InternSlot = InternSlot(0);

    #[inline(always)]
    fn new(hash: u32, p: *mut Str) -> InternSlot {
        debug_assert!(p as u64 & !SLOT_PTR_MASK == 0, "heap addresses fit in 48 bits");
        InternSlot((u64::from(hash >> 16) << 48) | p as u64)
    }
    #[inline(always)]
    fn ptr(self) -> *mut Str {
        (self.0 & SLOT_PTR_MASK) as *mut Str
    }
    #[inline(always)]
    fn is_empty(self) -> bool {
        self.0 == 0
    }
    #[inline(always)]
    fn hash_may_be(self, hash: u32) -> bool {
        self.0 >> 48 == u64::from(hash >> 16)
    }
}

/// Puts a string into an intern table known not to contain it and to have a free slot.
fn intern_insert(table: &mut [InternSlot], slot: InternSlot, hash: u32) {
    let mask = table.len() - 1;
    let mut i = hash as usize & mask;
    while !table[i].is_empty() {
        i = (i + 1) & mask;
    }
    table[i] = slot;
}

pub struct Heap {
    /// Every object (live, or dead and not yet swept).
    objects: Vec<*mut GcHeader>,
    /// Bytes allocated since the last collection.
    allocated: usize,
    threshold: usize,
    /// Bytes found live by the last collection.
    pub live_bytes: usize,
    pub stress: bool,
    /// Set by every allocation; cleared by a collection (stress mode uses it).
    pub allocated_since_gc: bool,
    /// The intern table: open addressing with linear probing, at most half full. A slot
    /// keeps the string's hash next to the pointer, so probing past other strings does
    /// not touch them.
    strings: Vec<InternSlot>,
    /// Interned strings in the table.
    string_count: usize,
    /// The previous table's buffer, reused by the next rebuild.
    spare_strings: Vec<InternSlot>,
    /// Memory of freed tables, closures and upvalues (contents dropped) for reuse: they
    /// are the most frequently allocated objects; this skips a malloc/free pair each.
    pools: [Vec<*mut u8>; 3],
    /// Boxed integers (not in `objects`; see slab.rs).
    big_ints: BigIntSlabs,
    /// Every live thread (sweeping must close dead threads' open upvalues first).
    threads: Vec<*mut GcHeader>,
    gray: Vec<*mut GcHeader>,
    /// Values found by tracing whose headers are being prefetched (null: empty slot);
    /// see `mark_value_deferred`.
    mark_ring: [*mut GcHeader; MARK_RING],
    ring_pos: usize,
    pub collections: u64,
    /// Longest collection pause so far (wall clock), and the sum of all pauses
    /// (`GSCRIPT_GC_STATS` prints them).
    pub max_pause: std::time::Duration,
    pub total_pause: std::time::Duration,
    /// Bytes found live by the collection with the longest pause.
    pub max_pause_live: usize,
    pub memory_limit: Option<usize>,
    /// A byte buffer for building strings (CONCAT), kept between uses to save a
    /// malloc/free pair per concatenation.
    pub scratch: Vec<u8>,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            objects: Vec::new(),
            allocated: 0,
            threshold: MIN_THRESHOLD,
            live_bytes: 0,
            stress: false,
            allocated_since_gc: false,
            strings: vec![InternSlot::EMPTY; MIN_INTERN_SLOTS],
            string_count: 0,
            spare_strings: Vec::new(),
            pools: [Vec::new(), Vec::new(), Vec::new()],
            big_ints: BigIntSlabs::new(),
            threads: Vec::new(),
            gray: Vec::new(),
            mark_ring: [std::ptr::null_mut(); MARK_RING],
            ring_pos: 0,
            collections: 0,
            max_pause: std::time::Duration::ZERO,
            total_pause: std::time::Duration::ZERO,
            max_pause_live: 0,
            memory_limit: None,
            scratch: Vec::new(),
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
                if T::KIND == ObjKind::Table {
                    // A pooled table's kept array buffer (see `drop_contents`).
                    std::ptr::drop_in_place(std::ptr::addr_of_mut!((*(p as *mut Table)).array));
                }
                let p = p as *mut T;
                std::ptr::write(p, obj);
                p
            },
            None => Box::into_raw(Box::new(obj)),
        };
        let header = ptr as *mut GcHeader;
        // SAFETY: every HeapObject is repr(C) with a GcHeader first; ptr is fresh.
        unsafe { debug_assert_eq!((*header).kind, T::KIND) };
        self.objects.push(header);
        if T::KIND == ObjKind::Thread {
            self.threads.push(header);
        }
        self.allocated += std::mem::size_of::<T>() + extra_bytes;
        self.allocated_since_gc = true;
        // SAFETY: just allocated.
        unsafe { Gc::from_raw(ptr) }
    }

    /// A new boxed integer (for integers outside the inline range): a free slab cell,
    /// no malloc and no all-objects entry (slab.rs).
    #[inline(always)]
    pub fn alloc_big_int(&mut self, value: i64) -> Gc<BigInt> {
        let p = self.big_ints.alloc(value);
        self.allocated += std::mem::size_of::<BigInt>();
        self.allocated_since_gc = true;
        // SAFETY: a fresh, initialised cell.
        unsafe { Gc::from_raw(p) }
    }

    /// Number of boxed-integer slabs (tests and statistics).
    pub fn big_int_slabs(&self) -> usize {
        self.big_ints.slab_count()
    }

    /// Allocates an empty table with room for `narr` array items and `nhash` fields,
    /// reusing a pooled table's memory and array buffer when there is one.
    pub fn alloc_table(&mut self, narr: usize, nhash: usize) -> Gc<Table> {
        let Some(p) = self.pools[0].pop() else {
            return self.alloc(Table::new(narr, nhash), 0);
        };
        // Pooled tables are scattered (freed in sweep order): start loading the table
        // that a later allocation will write, and the array buffer of a nearer one (its
        // table was prefetched a few allocations ago, so reading the pointer is cheap).
        let pool = &self.pools[0];
        if let Some(&later) = pool.len().checked_sub(POOL_PREFETCH_TABLE).map(|i| &pool[i]) {
            prefetch(later as *mut GcHeader);
        }
        if let Some(&nearer) = pool.len().checked_sub(POOL_PREFETCH_ARRAY).map(|i| &pool[i]) {
            // SAFETY: pooled tables keep a valid (empty) `array` Vec (see `drop_contents`).
            prefetch(unsafe { (*(nearer as *const Table)).array.as_ptr() } as *mut GcHeader);
        }
        let p = p as *mut Table;
        // SAFETY: pool 0 holds Box<Table> allocations whose fields are all dropped except
        // `array`, an empty Vec (see `drop_contents`): take it, then initialise the whole
        // table afresh.
        unsafe {
            let array = std::ptr::read(std::ptr::addr_of!((*p).array));
            if nhash == 0 {
                // The common case (`{}`, `{a, b}`): initialise in place, then size the
                // array part there. Building the table on the stack and copying it made
                // the copy's wide loads wait on the narrow field stores (no store
                // forwarding).
                std::ptr::write(p, Table::with_array(array, 0, 0));
                if narr > 0 {
                    let array = &mut *std::ptr::addr_of_mut!((*p).array);
                    if array.capacity() < narr {
                        array.reserve_exact(narr);
                    }
                    account(narr * 8);
                }
            } else {
                std::ptr::write(p, Table::with_array(array, narr, nhash));
            }
        }
        self.objects.push(p as *mut GcHeader);
        self.allocated += std::mem::size_of::<Table>();
        self.allocated_since_gc = true;
        // SAFETY: just initialised.
        unsafe { Gc::from_raw(p) }
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

    /// Links a freshly allocated string into the all-objects list.
    #[inline]
    fn link_str(&mut self, p: *mut Str) -> Gc<Str> {
        // SAFETY: `p` is a fresh, initialised string object.
        self.allocated += std::mem::size_of::<Str>() + unsafe { (*p).len() };
        self.objects.push(p as *mut GcHeader);
        self.allocated_since_gc = true;
        // SAFETY: just allocated.
        unsafe { Gc::from_raw(p) }
    }

    /// Interns or allocates a string.
    pub fn new_str(&mut self, bytes: &[u8]) -> Gc<Str> {
        if bytes.len() > MAX_SHORT_STRING {
            let p = Str::alloc_raw(bytes, 0, false);
            return self.link_str(p);
        }
        let hash = hash_bytes(bytes);
        let mask = self.strings.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = self.strings[i];
            if slot.is_empty() {
                break;
            }
            // SAFETY: the intern table only holds live strings (sweep removes dead ones).
            if slot.hash_may_be(hash) && crate::shortbytes::eq(unsafe { (*slot.ptr()).as_bytes() }, bytes) {
                // A string found dead-but-not-yet-swept cannot exist: sweeping happens
                // in the same collection as marking.
                return unsafe { Gc::from_raw(slot.ptr()) };
            }
            i = (i + 1) & mask;
        }
        let p = Str::alloc_raw(bytes, hash, true);
        let s = self.link_str(p);
        self.strings[i] = InternSlot::new(hash, p);
        self.string_count += 1;
        if self.string_count * 2 > self.strings.len() {
            let len = self.strings.len() * 2;
            self.rebuild_strings(len, false);
        }
        s
    }

    /// Makes a string from a byte buffer (the bytes are copied into the string object).
    pub fn new_str_owned(&mut self, bytes: Vec<u8>) -> Gc<Str> {
        self.new_str(&bytes)
    }

    /// Rebuilds the intern table with `len` slots (a power of two, more than twice the
    /// number of strings kept); during a sweep (`drop_unmarked`) without the unmarked
    /// strings. Reading each string's hash costs nothing extra in a sweep, which reads
    /// its mark anyway.
    fn rebuild_strings(&mut self, len: usize, drop_unmarked: bool) {
        // Build into the spare buffer (the previous table), which is already mapped.
        let mut new = std::mem::take(&mut self.spare_strings);
        new.clear();
        new.resize(len, InternSlot::EMPTY);
        let old = std::mem::replace(&mut self.strings, new);
        let mut count = 0;
        for &slot in &old {
            if slot.is_empty() {
                continue;
            }
            // SAFETY: non-empty slots point to strings not freed yet (a sweep frees them
            // only after this).
            let s = unsafe { &*slot.ptr() };
            if drop_unmarked && !s.header.marked {
                continue;
            }
            intern_insert(&mut self.strings, slot, s.hash);
            count += 1;
        }
        self.string_count = count;
        // Keep the old table as the next spare unless the table shrank.
        self.spare_strings = if old.len() <= len { old } else { Vec::new() };
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
                ObjKind::Table => {
                    // Tracing it reads its array buffer next: start loading that too.
                    prefetch((*(h as *const Table)).array.as_ptr() as *mut GcHeader);
                    self.gray.push(h)
                }
                _ => self.gray.push(h),
            }
        }
    }

    pub fn mark<T>(&mut self, g: Gc<T>) {
        self.mark_header(g.header());
    }

    /// Marks a value found while tracing, a few values later: its header is prefetched
    /// now and the value waits in a small ring (`mark_ring`), so the header has loaded
    /// by the time its mark is read. Marking a tree of small tables is otherwise one
    /// cache miss after another (each table has only a couple of children to prefetch).
    #[inline(always)]
    fn mark_value_deferred(&mut self, v: Value) {
        if (TAG_STR..=TAG_OBJ).contains(&v.tag()) {
            let h = v.as_ptr();
            prefetch_object(h);
            let slot = self.ring_pos % MARK_RING;
            self.ring_pos = slot + 1;
            let waiting = std::mem::replace(&mut self.mark_ring[slot], h);
            if !waiting.is_null() {
                self.mark_header(waiting);
            }
        }
    }

    /// Processes the gray stack and the mark ring until everything reachable is marked.
    pub fn trace(&mut self) {
        loop {
            while let Some(h) = self.gray.pop() {
                // SAFETY: gray objects are live and of the kind in their header.
                unsafe { self.trace_object(h) }
            }
            let mut flushed = false;
            for slot in 0..MARK_RING {
                let waiting = std::mem::replace(&mut self.mark_ring[slot], std::ptr::null_mut());
                if !waiting.is_null() {
                    flushed = true;
                    self.mark_header(waiting);
                }
            }
            if !flushed {
                break;
            }
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
                    for &v in t.array.iter() {
                        self.mark_value_deferred(v);
                    }
                    t.for_each_entry_value(|v| self.mark_value_deferred(v));
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
        // 2. Dead strings leave the intern table (rebuilt without them; it keeps its
        // size, so code that makes many strings between collections does not regrow
        // it, unless it is mostly empty).
        let mut len = self.strings.len();
        while len > MIN_INTERN_SLOTS && self.string_count * 16 < len {
            len /= 2;
        }
        self.rebuild_strings(len, true);
        // 3. Free the unmarked, unmark the rest. A pool keeps as many allocations as the
        // next cycle can use (it allocates about `threshold` bytes): freeing more only
        // for malloc to give the pages back and take them again, zeroed, next cycle.
        let pool_cap = |size: usize| (self.threshold / size).max(POOL_MIN);
        let pool_max = [
            pool_cap(std::mem::size_of::<Table>()),
            pool_cap(std::mem::size_of::<crate::function::Closure>()),
            pool_cap(std::mem::size_of::<Upvalue>()),
        ];
        let mut live = 0usize;
        let mut objects = std::mem::take(&mut self.objects);
        let n = objects.len();
        let mut kept = 0;
        for r in 0..n {
            if let Some(&ahead) = objects.get(r + SWEEP_PREFETCH) {
                prefetch_object(ahead);
            }
            let h = objects[r];
            // SAFETY: the vector holds every object not yet freed, each exactly once; a
            // freed object leaves it (only survivors are copied to the front).
            unsafe {
                if (*h).marked {
                    (*h).marked = false;
                    live += object_size(h);
                    objects[kept] = h;
                    kept += 1;
                } else {
                    let pool = pool_index((*h).kind).filter(|&i| self.pools[i].len() < pool_max[i]);
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
        objects.truncate(kept);
        self.objects = objects;
        // 4. Boxed integers: keep about as many free cells as the next cycle may use.
        let keep_free = (live.max(MIN_THRESHOLD) / std::mem::size_of::<BigInt>()).min(BIG_INT_KEEP_MAX);
        live += self.big_ints.sweep(keep_free) * std::mem::size_of::<BigInt>();
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
        for p in std::mem::take(&mut self.objects) {
            // SAFETY: the heap owns every object; nothing is used after the heap drops.
            unsafe { free_object(p) };
        }
    }
}

/// How many pooled tables ahead of the one being reused to prefetch (the table, and
/// its kept array buffer).
const POOL_PREFETCH_TABLE: usize = 8;
const POOL_PREFETCH_ARRAY: usize = 4;

/// How many traced values wait (their headers loading) before being marked.
const MARK_RING: usize = 8;

/// How many objects ahead of the one being swept to prefetch.
const SWEEP_PREFETCH: usize = 8;

/// Hints the CPU to start loading an object's header (sweeping is otherwise bound by one
/// cache miss after another).
#[inline(always)]
fn prefetch(h: *mut GcHeader) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(h as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = h;
}

/// Prefetches both cache lines an object may span (a table is 80 bytes: its hash part
/// and metatable fields are usually in the second line).
#[inline(always)]
fn prefetch_object(h: *mut GcHeader) {
    prefetch(h);
    prefetch(h.wrapping_byte_add(64));
}

/// Approximate size of an object and its buffers.
unsafe fn object_size(h: *mut GcHeader) -> usize {
    // SAFETY: `h` is a live object of the kind in its header.
    unsafe {
        match (*h).kind {
            ObjKind::String => std::mem::size_of::<Str>() + (*(h as *const Str)).len(),
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
    // SAFETY: `h` was allocated by `Heap::alloc` as a Box of the type its kind names
    // (strings: by `Str::alloc_raw`), and is no longer referenced by the heap.
    unsafe {
        match (*h).kind {
            ObjKind::String => Str::free_raw(h as *mut Str),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn big(heap: &mut Heap, i: i64) -> Value {
        Value::from_ptr(TAG_OBJ, heap.alloc_big_int(i).header())
    }

    #[test]
    fn boxed_ints_and_tables_survive_through_the_mark_ring() {
        let mut heap = Heap::new();
        let mut root = heap.alloc_table(0, 0);
        // More children than the mark ring holds, of every marked-leaf and traced kind.
        for i in 0..100i64 {
            let v = big(&mut heap, (1 << 60) + i);
            let mut child = heap.alloc_table(1, 0);
            let inner = big(&mut heap, -(1 << 60) - i);
            child.array.push(inner);
            let s = heap.new_str(format!("s{i}").as_bytes());
            root.array.push(v);
            root.array.push(Value::from_ptr(TAG_TABLE, child.header()));
            root.array.push(Value::from_ptr(TAG_STR, s.header()));
            // Garbage between the live boxes.
            for j in 0..50 {
                big(&mut heap, i64::MIN + j);
            }
        }
        heap.mark(root);
        heap.trace();
        heap.sweep();
        // Reuse the freed cells; survivors must keep their values.
        for j in 0..10_000 {
            big(&mut heap, i64::MAX - j);
        }
        for i in 0..100usize {
            assert_eq!(root.array[3 * i].as_int(), Some((1 << 60) + i as i64));
            let child = crate::object::value_as::<Table>(root.array[3 * i + 1]).unwrap();
            assert_eq!(child.array[0].as_int(), Some(-(1 << 60) - i as i64));
            let s = crate::object::value_as::<Str>(root.array[3 * i + 2]).unwrap();
            assert_eq!(s.as_bytes(), format!("s{i}").as_bytes());
        }
        // 200 live boxes, 100 children, 100 strings, the root: all accounted live.
        assert!(heap.live_bytes >= 200 * std::mem::size_of::<BigInt>() + 101 * std::mem::size_of::<Table>());
        // Unreachable now: everything goes, and the heap stays usable.
        heap.trace();
        heap.sweep();
        assert_eq!(heap.live_bytes, 0);
        assert_eq!(big(&mut heap, 1 << 62).as_int(), Some(1 << 62));
    }
}
