//! Boxed integers ([`BigInt`]) live in slabs: fixed arrays of 16-byte cells with an
//! intrusive free list, outside the heap's all-objects list.
//!
//! Bit-manipulation code (hashes, PRNGs: 64-bit values beyond the 48-bit inline range)
//! boxes one integer per operation, so boxing must cost about as much as a store:
//! allocation pops the free list's head (no malloc, no all-objects entry), and a
//! collection sweeps the slabs sequentially (each cell is 16 bytes, four to a cache
//! line) instead of chasing pointers, rebuilding the free list in address order so the
//! next cycle's allocations walk memory forwards.
//!
//! Invariants:
//! * every cell is either a live-or-dead-but-unswept `BigInt` (header kind `BigInt`), or
//!   free: on the free list, unmarked, its `value` word holding the next free cell's
//!   pointer (null at the end);
//! * marking uses the header's `marked` flag, like every object (`Heap::mark_header`);
//!   the sweep unmarks survivors and relinks every unmarked cell (dead or already free);
//! * a cell never moves and a slab is freed only when none of its cells is marked.

use crate::object::{BigInt, GcHeader, ObjKind};
use std::alloc::{alloc, dealloc, handle_alloc_error, Layout};

/// Cells per slab (64 KiB of 16-byte cells).
pub const SLAB_CELLS: usize = 4096;

/// The slabs of boxed integers and their free list.
pub struct BigIntSlabs {
    /// Every slab (each `SLAB_CELLS` cells, allocated with [`slab_layout`]).
    slabs: Vec<*mut BigInt>,
    /// The first free cell (null: none; the next allocation adds a slab).
    free: *mut BigInt,
}

fn slab_layout() -> Layout {
    Layout::array::<BigInt>(SLAB_CELLS).expect("slab layout")
}

/// The free-list link stored in a free cell's value word.
///
/// # Safety
/// `cell` points to a cell of a live slab.
#[inline(always)]
unsafe fn link_of(cell: *mut BigInt) -> *mut *mut BigInt {
    // SAFETY: the value word is 8-byte aligned and 8 bytes wide, like a pointer; a free
    // cell's value is never read as an integer (no live value points to it).
    unsafe { std::ptr::addr_of_mut!((*cell).value) as *mut *mut BigInt }
}

impl Default for BigIntSlabs {
    fn default() -> Self {
        BigIntSlabs::new()
    }
}

impl BigIntSlabs {
    pub const fn new() -> BigIntSlabs {
        BigIntSlabs { slabs: Vec::new(), free: std::ptr::null_mut() }
    }

    /// A new boxed integer (its header unmarked).
    #[inline(always)]
    pub fn alloc(&mut self, value: i64) -> *mut BigInt {
        let cell = self.free;
        if cell.is_null() {
            return self.alloc_in_new_slab(value);
        }
        // SAFETY: `cell` is the free list's head, a free cell of a live slab: its link
        // is the next free cell; writing a whole BigInt initialises it afresh.
        unsafe {
            self.free = *link_of(cell);
            std::ptr::write(cell, BigInt { header: GcHeader::new(ObjKind::BigInt), value });
        }
        cell
    }

    #[cold]
    #[inline(never)]
    fn alloc_in_new_slab(&mut self, value: i64) -> *mut BigInt {
        self.add_slab();
        self.alloc(value)
    }

    /// Adds a slab whose cells all go on the free list (in address order).
    fn add_slab(&mut self) {
        let layout = slab_layout();
        // SAFETY: the layout has non-zero size; the fresh slab's cells are initialised
        // as free cells (unmarked header, link) before anything reads them.
        unsafe {
            let slab = alloc(layout) as *mut BigInt;
            if slab.is_null() {
                handle_alloc_error(layout);
            }
            let mut next = self.free;
            for j in (0..SLAB_CELLS).rev() {
                let cell = slab.add(j);
                std::ptr::write(std::ptr::addr_of_mut!((*cell).header), GcHeader::new(ObjKind::BigInt));
                *link_of(cell) = next;
                next = cell;
            }
            self.free = next;
            self.slabs.push(slab);
        }
    }

    /// Number of slabs (for tests and statistics).
    pub fn slab_count(&self) -> usize {
        self.slabs.len()
    }

    /// After marking: unmarks the survivors and rebuilds the free list from every
    /// unmarked cell. Slabs with no survivor are freed once `keep_free` free cells are
    /// kept (enough for the next cycle's allocations). Returns the number of survivors.
    pub fn sweep(&mut self, keep_free: usize) -> usize {
        let mut live = 0usize;
        let mut free: *mut BigInt = std::ptr::null_mut();
        let mut free_cells = 0usize;
        let mut kept = Vec::with_capacity(self.slabs.len());
        // Backwards, pushing onto the list's head: the list ends up in address order
        // within each slab, and slabs in their order of creation.
        for &slab in self.slabs.iter().rev() {
            let mut slab_free = free;
            let mut slab_live = 0usize;
            // SAFETY: `slab` is a live slab of SLAB_CELLS initialised cells (see the
            // module invariants); only headers and links are touched.
            unsafe {
                for j in (0..SLAB_CELLS).rev() {
                    let cell = slab.add(j);
                    let header = std::ptr::addr_of_mut!((*cell).header);
                    if (*header).marked {
                        (*header).marked = false;
                        slab_live += 1;
                    } else {
                        *link_of(cell) = slab_free;
                        slab_free = cell;
                    }
                }
                if slab_live == 0 && free_cells >= keep_free {
                    // Nothing here is reachable and enough free cells are kept elsewhere.
                    dealloc(slab as *mut u8, slab_layout());
                    continue;
                }
            }
            free = slab_free;
            free_cells += SLAB_CELLS - slab_live;
            live += slab_live;
            kept.push(slab);
        }
        kept.reverse();
        self.slabs = kept;
        self.free = free;
        live
    }
}

impl Drop for BigIntSlabs {
    fn drop(&mut self) {
        for &slab in &self.slabs {
            // SAFETY: allocated by `add_slab` with this layout; BigInt has no destructor.
            unsafe { dealloc(slab as *mut u8, slab_layout()) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(p: *mut BigInt) {
        // SAFETY: test cells come from `alloc` and their slabs are alive.
        unsafe { (*p).header.marked = true };
    }

    fn value(p: *mut BigInt) -> i64 {
        // SAFETY: as in `mark`.
        unsafe { (*p).value }
    }

    #[test]
    fn cells_are_distinct_and_hold_their_values() {
        let mut s = BigIntSlabs::new();
        let cells: Vec<_> = (0..(SLAB_CELLS as i64 + 10)).map(|i| s.alloc(i << 50)).collect();
        assert_eq!(s.slab_count(), 2);
        for (i, &p) in cells.iter().enumerate() {
            assert_eq!(value(p), (i as i64) << 50);
            // SAFETY: as in `mark`.
            unsafe { assert_eq!((*p).header.kind, ObjKind::BigInt) };
        }
        let mut sorted: Vec<_> = cells.iter().map(|&p| p as usize).collect();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), cells.len());
    }

    #[test]
    fn sweep_keeps_marked_cells_and_reuses_the_rest() {
        let mut s = BigIntSlabs::new();
        let cells: Vec<_> = (0..100).map(|i| s.alloc(i64::MAX - i)).collect();
        for &p in cells.iter().step_by(3) {
            mark(p);
        }
        let live = s.sweep(0);
        assert_eq!(live, 34);
        for (i, &p) in cells.iter().enumerate().step_by(3) {
            assert_eq!(value(p), i64::MAX - i as i64);
            // SAFETY: as in `mark`.
            unsafe { assert!(!(*p).header.marked, "survivors are unmarked") };
        }
        // New cells never overlap survivors, and dead cells are reused first (in address
        // order), before the slab's never-used tail.
        let fresh: Vec<_> = (0..66).map(|i| s.alloc(-i)).collect();
        for &p in &fresh {
            assert!(!cells.iter().step_by(3).any(|&q| q == p));
            assert!(cells.contains(&p));
        }
        for (i, &p) in cells.iter().enumerate().step_by(3) {
            assert_eq!(value(p), i64::MAX - i as i64);
        }
        assert_eq!(s.slab_count(), 1);
    }

    #[test]
    fn empty_slabs_are_freed_beyond_the_kept_free_cells() {
        let mut s = BigIntSlabs::new();
        for i in 0..(3 * SLAB_CELLS as i64) {
            s.alloc(i);
        }
        assert_eq!(s.slab_count(), 3);
        // Nothing marked: keep one slab's worth of free cells.
        assert_eq!(s.sweep(SLAB_CELLS), 0);
        assert_eq!(s.slab_count(), 1);
        // A slab with a survivor is never freed.
        let p = s.alloc(7);
        mark(p);
        assert_eq!(s.sweep(0), 1);
        assert_eq!(s.slab_count(), 1);
        assert_eq!(value(p), 7);
        assert_eq!(s.sweep(0), 0);
        assert_eq!(s.slab_count(), 0);
        // Allocation after everything was freed starts a new slab.
        assert_eq!(value(s.alloc(9)), 9);
        assert_eq!(s.slab_count(), 1);
    }
}
