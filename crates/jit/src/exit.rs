//! The trace context and exits: restoring interpreter state from a snapshot.
//!
//! Compiled code runs as `extern "sysv64" fn(base: *mut Value, ctx: *mut JitCtx) -> u64`.
//! When a guard fails, its exit stub stores the snapshot number in `ctx.exit` and
//! normally writes the snapshot's values to the frame itself (setting `ctx.restored`).
//! Otherwise (an integer that needs a heap box) it jumps to a shared routine that saves
//! every allocatable register into `ctx.gpr` / `ctx.xmm` and returns. [`restore`] then writes each snapshot entry, read from its location
//! (register, spill slot or constant) and boxed by its IR type, to the frame's
//! registers and sets the frame's pc. Integers outside the inline range are boxed here
//! (`Vm::int`), which may allocate but never collects.
//!
//! **Direct links.** Every trace has a link table ([`LinkTable`], one word per
//! snapshot, in ordinary heap memory): after writing its snapshot, an exit stub reads
//! its word and, if it is non-zero, jumps there (the link entry of a side trace, or of
//! the loop trace a side trace's final `Exit` reaches) instead of returning. The code
//! stays W^X: only the data table is written when a link is made, never code. A linked
//! jump costs one unit of the iteration budget (the stub returns to the engine when the
//! budget runs out), so interrupts and preemption fire as with the engine's trampoline.
//! All traces of a function share one machine frame layout (same prologue), so the
//! target continues on the caller's frame and returns to the engine itself.
//! `ctx.trace` tells the engine which trace finally returned.
//!
//! **Trusted slot loads.** A side trace is entered only from its parent's exit, whose
//! stub wrote each snapshot entry boxed by its IR type (inline ints only: a big integer
//! takes the slow path, the engine's `restore`). Its `SLoad`s of such slots skip the type
//! check ([`SLOAD_TRUSTED`]). After a slow-path exit the engine does not enter a side
//! trace that trusts int slots; a side trace recorded there trusts no int slot (its int
//! check loads inline and heap-boxed ints alike).

use crate::ir::*;
use crate::regalloc::Loc;
use vm::value::Value;
use vm::Vm;

/// Flag in an `SLoad`'s `k` (above the slot number): the slot's type is guaranteed by
/// the parent trace's exit, the load needs no type check (set after the IR passes, read
/// only by the emitter).
pub const SLOAD_TRUSTED: i64 = 1 << 40;

/// Mask of the slot number in an `SLoad`'s `k`.
pub const SLOAD_SLOT: i64 = 0xFFFF_FFFF;

/// The link words of one trace (one per snapshot: 0 or the code address the exit stub
/// jumps to). Boxed, so its address stays fixed while the trace lives; written by the
/// engine only while no trace code runs.
pub struct LinkTable(pub Box<[u64]>);

impl LinkTable {
    pub fn new(snaps: usize) -> LinkTable {
        LinkTable(vec![0u64; snaps.max(1)].into_boxed_slice())
    }
    pub fn addr(&self) -> *const u64 {
        self.0.as_ptr()
    }
}

/// Maximum spill slots of one trace.
pub const MAX_SPILLS: usize = 256;

#[repr(C)]
pub struct JitCtx {
    pub gpr: [u64; 16],
    pub xmm: [u64; 16],
    /// Snapshot number of the exit taken.
    pub exit: u64,
    /// Loop iterations left before the trace exits at its loop end (to run the
    /// interpreter's periodic hooks).
    pub budget: i64,
    /// Exit-stress countdown: a guard exits when it reaches zero.
    pub stress: i64,
    /// Set by an exit stub that wrote its snapshot to the frame itself (only the
    /// frame's pc is left to set); 0 when [`restore`] must write it.
    pub restored: u64,
    /// Index of the trace whose exit stub returned to the engine (linked traces jump
    /// into each other, so it need not be the trace the engine called).
    pub trace: u64,
    /// Transitions taken through direct links (exit stub -> next trace) without
    /// returning to the engine (a statistic).
    pub linked: u64,
    pub spill: [u64; MAX_SPILLS],
    /// The VM running the trace (set by the engine before each call), for
    /// [`jit_box_int`].
    pub vm: *mut Vm,
    /// The value of the running frame's closure (set by the engine before each call; all
    /// linked traces run on that frame), read by `curfn`.
    pub closure: u64,
    /// Arguments of a call out of the trace (`carg`, `callout.rs`).
    pub args: [u64; crate::callout::MAX_ARGS],
    /// Set by a call out of the trace that failed (the trace then exits).
    pub callout_failed: u64,
    /// The frame's address after a call out of the trace (the VM stack may move).
    pub frame: u64,
    /// Results 2.. of the last call out of the trace (nil-padded; read by `cres`).
    pub results: [u64; crate::callout::MAX_EXTRA_RESULTS],
}

/// Grows the array part of table `t` for an append (`APush` at full capacity), as the
/// interpreter's append does (same growth, same GC accounting). Never collects.
pub fn grow_array(t: &mut vm::table::Table) {
    let before = t.array.capacity();
    t.array.reserve(t.array.len().max(4));
    vm::gc::account((t.array.capacity() - before) * 8);
}

/// Called from trace code (`APush`, through the `grow` routine of x64/emit.rs) with the
/// untagged pointer of a live table without metatable.
pub extern "sysv64" fn jit_array_grow(_ctx: *mut JitCtx, t: *mut vm::table::Table) -> u64 {
    // SAFETY: the trace type-checked the value as a table and untagged it; tables are
    // never moved, and no other reference to it is live while trace code runs.
    unsafe { grow_array(&mut *t) };
    0
}

/// Called from trace code (`NewTab`, through the `new_table` routine of x64/emit.rs):
/// allocates a table as `NEWTABLE` does (sizes in `sizes`: array | hash << 16) and
/// returns its value. Allocation never collects, so the values the trace holds in
/// registers stay valid; the table is reachable from the frame (or another table, or
/// dead) by the time the trace returns to a safepoint.
pub extern "sysv64" fn jit_new_table(ctx: *mut JitCtx, sizes: u64) -> u64 {
    // SAFETY: as for `jit_box_int`.
    unsafe {
        let vm = &mut *(*ctx).vm;
        let t = vm.new_table((sizes & 0xFFFF) as usize, (sizes >> 16 & 0xFFFF) as usize);
        Vm::table_value(t).0
    }
}

/// Called from trace code (`box_big` in x64/emit.rs): heap-boxes integer `i`, which is
/// outside the inline range, and returns the value's bits. Allocation never collects
/// (collections happen only at the interpreter's safepoints), so every value the trace
/// holds in registers stays valid; the box is reachable (written to the frame or a
/// table) before the trace returns to the interpreter.
pub extern "sysv64" fn jit_box_int(ctx: *mut JitCtx, i: i64) -> u64 {
    // SAFETY: `ctx` is the engine's context passed to the running trace, whose `vm` the
    // engine set to the VM that called the trace (not otherwise borrowed while trace
    // code runs).
    unsafe {
        let vm = &mut *(*ctx).vm;
        vm.int(i).0
    }
}

impl JitCtx {
    pub fn new() -> Box<JitCtx> {
        Box::new(JitCtx { gpr: [0; 16], xmm: [0; 16], exit: 0, budget: 0, stress: 0, restored: 0, trace: 0, linked: 0, spill: [0; MAX_SPILLS], vm: std::ptr::null_mut(), closure: Value::NIL.0, args: [0; crate::callout::MAX_ARGS], callout_failed: 0, frame: 0, results: [Value::NIL.0; crate::callout::MAX_EXTRA_RESULTS] })
    }
}

/// The raw 64-bit contents of value `r` at an exit.
fn raw(t: &Trace, locs: &[Loc], ctx: &JitCtx, r: IrRef) -> Option<u64> {
    let ins = t.ins.get(r.idx())?;
    if ins.op == Opc::K {
        return Some(ins.k as u64);
    }
    Some(match locs.get(r.idx())? {
        Loc::Gpr(g) => ctx.gpr[*g as usize],
        Loc::Xmm(x) => ctx.xmm[*x as usize],
        Loc::Spill(s) => ctx.spill[*s as usize],
        Loc::None => return None,
    })
}

/// Writes snapshot `snap` back to the current frame (registers from `base`) and sets
/// its pc. Returns false if a value had no location (a JIT bug; the state is then
/// that of the loop header, which the caller must not rely on).
pub fn restore(vm: &mut Vm, t: &Trace, locs: &[Loc], ctx: &JitCtx, snap: SnapId) -> bool {
    let Some(s) = t.snaps.get(snap.idx()) else { return false };
    let mut th = vm.current;
    let Some(fidx) = th.frames.len().checked_sub(1) else { return false };
    let base = th.frames[fidx].base;
    let mut ok = true;
    for &(slot, r) in &s.entries {
        let Some(bits) = raw(t, locs, ctx, r) else {
            ok = false;
            continue;
        };
        let v = match t.ty(r) {
            Ty::Int => vm.int(bits as i64),
            Ty::Num => Value::float(f64::from_bits(bits)),
            _ => Value(bits),
        };
        th.stack[base + slot as usize] = v;
    }
    th.frames[fidx].pc = s.pc;
    ok
}
