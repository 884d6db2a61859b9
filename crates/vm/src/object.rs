//! Heap object layouts and the typed GC pointer [`Gc`].
//!
//! Every heap object is a `#[repr(C)]` struct whose first field is a [`GcHeader`], so a
//! `*mut GcHeader` can be cast to the concrete type once `kind` is known. Objects are
//! allocated with `Box` and linked into the heap's all-objects list (see `gc.rs`); they
//! never move.
//!
//! [`Gc<T>`] is a copyable non-null pointer to a live object. Dereferencing it is sound
//! while the object is reachable from a GC root (the collector only frees unreachable
//! objects, and only at collection points) and while no other `&mut` to the same object
//! is alive: the VM is single-threaded and keeps object borrows short.

use crate::value::Value;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum ObjKind {
    String,
    Table,
    Closure,
    Native,
    Proto,
    Upvalue,
    Thread,
    Channel,
    BigInt,
}

#[repr(C)]
pub struct GcHeader {
    pub kind: ObjKind,
    pub marked: bool,
    /// A spare word in the header's padding, for the object kind's own use (tables keep
    /// their absent-metamethod cache here, which keeps `Table` at 80 bytes).
    pub aux: u32,
}

impl GcHeader {
    pub fn new(kind: ObjKind) -> GcHeader {
        GcHeader { kind, marked: false, aux: 0 }
    }
}

/// Implemented by every object type: its kind tag.
pub trait HeapObject {
    const KIND: ObjKind;
}

/// A pointer to a live heap object of type `T`.
pub struct Gc<T> {
    ptr: NonNull<T>,
    _marker: PhantomData<*mut T>,
}

impl<T> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}
impl<T> PartialEq for Gc<T> {
    fn eq(&self, other: &Self) -> bool {
        self.ptr == other.ptr
    }
}
impl<T> Eq for Gc<T> {}
impl<T> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gc({:p})", self.ptr)
    }
}

impl<T> Gc<T> {
    /// # Safety
    /// `ptr` must point to a live object of type `T` allocated by the heap.
    #[inline(always)]
    pub unsafe fn from_raw(ptr: *mut T) -> Gc<T> {
        // SAFETY: the caller guarantees non-null.
        Gc { ptr: unsafe { NonNull::new_unchecked(ptr) }, _marker: PhantomData }
    }
    #[inline(always)]
    pub fn as_ptr(self) -> *mut T {
        self.ptr.as_ptr()
    }
    #[inline(always)]
    pub fn header(self) -> *mut GcHeader {
        self.ptr.as_ptr() as *mut GcHeader
    }
    /// The object's address (for `tostring` and `%p`).
    pub fn addr(self) -> usize {
        self.ptr.as_ptr() as usize
    }
}

impl<T> Deref for Gc<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: see the type's documentation: the object is live while reachable.
        unsafe { &*self.ptr.as_ptr() }
    }
}

impl<T> DerefMut for Gc<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: single-threaded VM; callers never hold two overlapping borrows of one
        // object across operations that touch it.
        unsafe { &mut *self.ptr.as_ptr() }
    }
}

/// An immutable byte string. Short strings are interned (one object per content).
///
/// The bytes follow the struct in the same allocation (one malloc per string, and the
/// bytes share cache lines with the header): a `Str` is only ever created by the heap
/// (`Heap::new_str*`), which allocates `size_of::<Str>() + len` bytes, and only ever
/// referenced through pointers, never moved or copied.
#[repr(C)]
pub struct Str {
    pub header: GcHeader,
    pub hash: u32,
    pub interned: bool,
    len: usize,
}
impl HeapObject for Str {
    const KIND: ObjKind = ObjKind::String;
}

impl Str {
    /// Byte offset of the length inside a string object; its bytes start at
    /// `size_of::<Str>()` (the JIT reads both).
    pub const LEN_OFFSET: usize = std::mem::offset_of!(Str, len);

    /// The allocation layout of a string of `len` bytes.
    pub fn layout(len: usize) -> std::alloc::Layout {
        // The size cannot overflow: strings are limited far below isize::MAX.
        std::alloc::Layout::from_size_align(std::mem::size_of::<Str>() + len, std::mem::align_of::<Str>())
            .expect("string too large")
    }

    /// Allocates a string object holding `bytes` (not linked into any heap list).
    pub(crate) fn alloc_raw(bytes: &[u8], hash: u32, interned: bool) -> *mut Str {
        let layout = Str::layout(bytes.len());
        // SAFETY: the layout has non-zero size (the header part); the fresh allocation is
        // initialised field by field, then the bytes are copied right after the struct.
        unsafe {
            let p = std::alloc::alloc(layout) as *mut Str;
            if p.is_null() {
                std::alloc::handle_alloc_error(layout);
            }
            std::ptr::write(p, Str { header: GcHeader::new(ObjKind::String), hash, interned, len: bytes.len() });
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), (p as *mut u8).add(std::mem::size_of::<Str>()), bytes.len());
            p
        }
    }

    /// Frees a string made by `alloc_raw`.
    ///
    /// # Safety
    /// `p` came from `alloc_raw` and is no longer referenced.
    pub(crate) unsafe fn free_raw(p: *mut Str) {
        // SAFETY: same layout as the allocation (the length never changes); Str has no
        // fields that need dropping.
        unsafe { std::alloc::dealloc(p as *mut u8, Str::layout((*p).len)) }
    }

    #[inline(always)]
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: every Str is followed by `len` initialised bytes in its allocation
        // (see `alloc_raw`), which live as long as the object.
        unsafe { std::slice::from_raw_parts((self as *const Str as *const u8).add(std::mem::size_of::<Str>()), self.len) }
    }
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A boxed integer (outside the inline range). Immutable.
#[repr(C)]
pub struct BigInt {
    pub header: GcHeader,
    pub value: i64,
}
impl HeapObject for BigInt {
    const KIND: ObjKind = ObjKind::BigInt;
}

/// A captured variable. Open: `location` points into a thread's stack at `stack_index`.
/// Closed: `location` points to `closed`.
#[repr(C)]
pub struct Upvalue {
    pub header: GcHeader,
    pub location: *mut Value,
    pub closed: Value,
    pub stack_index: usize,
    pub open: bool,
}
impl HeapObject for Upvalue {
    const KIND: ObjKind = ObjKind::Upvalue;
}

impl Upvalue {
    #[inline(always)]
    pub fn get(&self) -> Value {
        // SAFETY: an open upvalue's location is kept valid across stack reallocation
        // (thread.rs fixes it up); a closed one points to its own `closed` field.
        unsafe { *self.location }
    }
    #[inline(always)]
    pub fn set(&mut self, v: Value) {
        // SAFETY: as in `get`.
        unsafe { *self.location = v }
    }
}

/// Converts a value to the typed pointer if its tag/kind matches.
pub fn value_as<T: HeapObject>(v: Value) -> Option<Gc<T>> {
    use crate::value::{TAG_FUNC, TAG_OBJ, TAG_STR, TAG_TABLE};
    let ok = match T::KIND {
        ObjKind::String => v.tag() == TAG_STR,
        ObjKind::Table => v.tag() == TAG_TABLE,
        ObjKind::Closure | ObjKind::Native => v.tag() == TAG_FUNC && v.obj_kind() == Some(T::KIND),
        _ => v.tag() == TAG_OBJ && v.obj_kind() == Some(T::KIND),
    };
    if ok {
        // SAFETY: tag and kind checked; object values point to live objects.
        Some(unsafe { Gc::from_raw(v.as_ptr() as *mut T) })
    } else {
        None
    }
}
