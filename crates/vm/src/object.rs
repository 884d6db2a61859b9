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
    /// Next object in the heap's all-objects list.
    pub next: *mut GcHeader,
    pub kind: ObjKind,
    pub marked: bool,
}

impl GcHeader {
    pub fn new(kind: ObjKind) -> GcHeader {
        GcHeader { next: std::ptr::null_mut(), kind, marked: false }
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
#[repr(C)]
pub struct Str {
    pub header: GcHeader,
    pub hash: u32,
    pub interned: bool,
    /// Next string in the same intern-table bucket.
    pub bucket_next: *mut Str,
    pub bytes: Box<[u8]>,
}
impl HeapObject for Str {
    const KIND: ObjKind = ObjKind::String;
}

impl Str {
    #[inline(always)]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
    pub fn len(&self) -> usize {
        self.bytes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
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
