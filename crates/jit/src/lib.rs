//! GScript's tracing JIT for x86-64 (phase 1: loop traces with inlined calls).
//!
//! # Overview
//! * **Hooks** (`vm/src/jit_hooks.rs`): the interpreter keeps per-loop hot counters
//!   (hashed by the loop header's address) and calls [`Engine::back_edge`] (through the
//!   `JitEngine` trait) only when a loop's counter reaches zero (`-jhot=N`, default
//!   [`DEFAULT_HOT`]) or when the loop has a trace (the engine then keeps its counter at
//!   1). Calls take the interpreter's normal fast path with a JIT attached, so attaching
//!   it costs < 1% instructions on untraceable code (callgrind, see docs/jit.md).
//! * **Recording** (`record.rs`): records one iteration *by executing it* (the recorder
//!   has the interpreter's semantics for the instructions it supports), emitting typed SSA
//!   IR (`ir.rs`) with guards and snapshots. Unsupported instructions abort the recording
//!   cleanly: the VM is then exactly at the interpreter's state for that pc. A loop whose
//!   recording aborted [`MAX_ABORTS`] times is blacklisted. Supported: arithmetic and
//!   comparisons on ints/floats, table array reads/writes/appends, field and global loads
//!   and stores (guarded by entry index and key), other table keys through raw get/set
//!   calls (`record/tables.rs`), method calls through `__index` chains, upvalue loads
//!   and stores, `#` (tables and strings), `type`, `string.byte`/`string.len`,
//!   `math.sqrt`/`math.abs`/`math.floor`, pure builtins and `..` called out of the trace
//!   (`callout.rs`), and calls of script functions, inlined (prototype-guarded; guards
//!   inside them exit *before* the outermost inlined call, which the interpreter
//!   re-executes, until the callee stores into a table or global: later guards have
//!   snapshots with frames, `ir::Snapshot`, whose exits push the callees' interpreter
//!   frames, `exit::push_frames`, and resume inside them; the recorder undoes such
//!   stores when it aborts before the call returns).
//! * **Passes** (each its own file, each switchable): fold + CSE during recording
//!   (`opt_fold.rs`, `-jopt=-fold`), dead-code elimination (`opt_dce.rs`, `-jopt=-dce`),
//!   the loop optimisation (`opt_loop.rs`, `-jopt=-loop`: pre-header, loop-carried values
//!   as PHIs in registers, invariant hoisting), the memory optimisation (`opt_mem.rs`,
//!   `-jopt=-mem`: alias analysis, invariant load hoisting, forwarding, proven hash
//!   checks), snapshot liveness (`opt_snap.rs`, `-jopt=-snap`: dead registers leave the
//!   snapshots, so `Loop` does not store temporaries), bounds-check hoisting for
//!   induction-variable array loads (`opt_abc.rs`, `-jopt=-abc`; a loop whose hoisted
//!   check fails gets a copy of its trace without it), typed table loads
//!   (`opt_tload.rs`, `-jopt=-tload`), the verifier (`verify.rs`) after
//!   each of them, then linear-scan register allocation (`regalloc.rs`, `-jopt=-regs` spills
//!   everything) and code generation (`x64/emit.rs`, dynasm-rs, W^X executable buffers).
//! * **Running**: a trace's pre-header loads and type-checks the slots it reads once per
//!   entry; its body runs one iteration per pass; `Loop` writes back modified slots that
//!   are not loop-carried, moves each PHI's new value into its register (a parallel move)
//!   and jumps to `Head`.
//! * **Exits** (`exit.rs`): a failing guard leaves through its snapshot's stub, which
//!   writes the snapshot to the frame's registers itself (falling back to the engine's
//!   `restore` for integers that need a heap box); the engine sets the frame's pc; the
//!   interpreter re-executes the guarded instruction. A trace also exits at its loop end
//!   when its iteration budget (the interpreter's periodic-hook countdown, kept in a free
//!   register inside a loop body, `regalloc::budget_register`) runs out, so
//!   interrupts, instruction budgets and goroutine preemption keep working.
//! * **Side traces** (`record::record_side`, [`Engine::run`]): every exit (trace,
//!   snapshot) is counted; a hot one gets a side trace recorded from its pc, which follows
//!   the executed path (backward jumps included) until a loop header with a trace or a
//!   return of the traced function, and ends with `Exit`. A loop trace unrolls inner
//!   loops with short trip counts (`record::MAX_UNROLL` inner back-edges in all,
//!   `-jopt=-unroll`); a loop whose recording aborted at a longer inner loop (or failed
//!   after unrolling) gets an *entry trace* (recorded the same way from its header).
//! * **Variants and entry penalties** ([`Engine::record_variant`], [`Engine::enter`]): a
//!   loop trace whose pre-header guard fails (entry types, hoisted invariant guards such
//!   as a test of a parameter) did not run an iteration; a hot such exit gets a
//!   *variant*, another trace of the same loop recorded from the current state and
//!   linked from the exit (at most [`MAX_VARIANTS`] traces per loop). A failed entry with
//!   nowhere to go sets the loop's hot counter to a penalty that doubles per consecutive
//!   failure (up to [`MAX_ENTRY_PENALTY`], plus a random extra) instead of 1, so such a
//!   trace is not entered and left at every back-edge.
//! * **Direct links** (`exit.rs`): an exit stub jumps straight to the trace its link-table
//!   word names (its side trace, or the loop trace a side trace's final `Exit` reaches),
//!   so nested loops run in linked traces without returning to the engine; each linked
//!   jump costs one unit of the iteration budget. The engine's loop in [`Engine::run`]
//!   handles the rest (recording side traces, making links, big-integer exits).
//! * **Exit stress** (`-jexit-stress`): every guard also decrements a countdown (reset
//!   pseudo-randomly to 1..=17 at each trace entry) and exits when it reaches zero, which
//!   exercises the restore of every snapshot. It implies `-jhot=1` unless `-jhot` is given.
//!
//! Observation: `-jv` prints trace events (start, compiled, abort, blacklist, exit) to
//! stderr as lines starting with `[jit]`; `-jdump` prints the IR after each pass and the
//! machine code.
//!
//! Next steps (see docs/jit.md for measurements): values passed from exit stubs to linked
//! side traces in registers (today through the frame), side traces for exits inside
//! inlined calls (today they resume in the interpreter), appends and new keys inside
//! inlined calls, more builtins.
//!
//! Safety: a JIT bug must abort a trace, never crash: recording, verification, allocation
//! and emission return errors, which abort the trace. Traces embed pointers to constants of
//! their prototype and to its globals table, and compare function values by identity; the
//! engine keeps the traced closure and every inlined closure or builtin alive
//! ([`JitEngine::mark_roots`]).

pub mod callout;
pub mod exit;
pub mod ir;
pub mod opt_abc;
pub mod ir_text;
pub mod opt_dce;
pub mod opt_fold;
pub mod opt_loop;
pub mod opt_mem;
pub mod opt_snap;
pub mod opt_tload;
pub mod record;
pub mod regalloc;
pub mod verify;
pub mod x64;

use exit::JitCtx;
use ir::{SnapId, Trace};
use std::collections::HashMap;
use vm::call::Flow;
use vm::function::{Closure, ProtoObj};
use vm::gc::Heap;
use vm::jit_hooks::JitEngine;
use vm::object::Gc;
use vm::value::{Value, TAG_FUNC};
use vm::Vm;

/// Default hot-loop threshold (back-edges before a loop is recorded).
pub const DEFAULT_HOT: u32 = 56;
/// Recording attempts of one loop before it is blacklisted.
pub const MAX_ABORTS: u32 = 4;
/// Hot counter of a blacklisted loop (the engine is asked again only after this many
/// back-edges, in case another loop shares its counter slot).
pub const BLACKLIST_PENALTY: i32 = 1 << 15;
/// Exits of one snapshot before a side trace is recorded for it (at most; `-jhot=N`
/// with a smaller N lowers it).
pub const HOT_EXIT: u32 = 10;
/// No more traces are recorded once there are this many.
pub const MAX_TRACES: usize = 4000;
/// Side traces of one root trace, all generations together (as LuaJIT's `maxside`): a
/// guard that fails in every new side trace would otherwise grow an unbounded chain of
/// one-iteration traces, each recorded, compiled and linked (seen with a big-integer
/// type change); beyond the limit such exits return to the interpreter.
pub const MAX_SIDE_PER_ROOT: u32 = 100;
/// Generations of side traces below a root (side trace of a side trace of ...).
pub const MAX_SIDE_DEPTH: u32 = 12;
/// Traces of one loop: its first trace and the variants recorded at failed entries.
pub const MAX_VARIANTS: u32 = 4;
/// Largest penalty (in back-edges, before the random extra) of a loop trace whose entry
/// keeps failing at the loop header with nowhere to go.
pub const MAX_ENTRY_PENALTY: i32 = 64;

#[derive(Clone, Debug)]
pub struct Options {
    pub hot: u32,
    /// `-jhot` was given (otherwise `-jexit-stress` lowers the threshold to 1).
    pub hot_set: bool,
    pub verbose: bool,
    pub dump: bool,
    pub exit_stress: bool,
    pub fold: bool,
    pub dce: bool,
    pub regs: bool,
    /// Loop optimisation (`opt_loop.rs`): pre-header, PHIs, invariant hoisting.
    pub loop_opt: bool,
    /// Side traces from hot exits (`-jopt=-side` turns them off).
    pub side: bool,
    /// Alias analysis, load hoisting and forwarding (`opt_mem.rs`).
    pub mem: bool,
    /// Dead slots dropped from snapshots (`opt_snap.rs`): no write-back of dead
    /// temporaries at `Loop` or at exits.
    pub snap: bool,
    /// Bounds checks of induction-variable array loads hoisted (`opt_abc.rs`).
    pub abc: bool,
    /// Loop traces unroll inner loops with short trip counts (`-jopt=-unroll`).
    pub unroll: bool,
    /// Table loads that are only unboxed become typed loads (`opt_tload.rs`).
    pub tload: bool,
    /// Inlined callees may store into tables and globals (`-jopt=-istore`: such
    /// recordings abort, as before round 5).
    pub istore: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { hot: DEFAULT_HOT, hot_set: false, verbose: false, dump: false, exit_stress: false, fold: true, dce: true, regs: true, loop_opt: true, side: true, mem: true, snap: true, abc: true, unroll: true, tload: true, istore: true }
    }
}

impl Options {
    /// Applies one `-j...` command-line flag (other than `-jon`/`-joff`); false if unknown.
    pub fn apply_flag(&mut self, flag: &str) -> bool {
        match flag {
            "-jv" => self.verbose = true,
            "-jdump" => self.dump = true,
            "-jexit-stress" => {
                self.exit_stress = true;
                if !self.hot_set {
                    self.hot = 1;
                }
            }
            _ => {
                if let Some(n) = flag.strip_prefix("-jhot=") {
                    match n.parse::<u32>() {
                        Ok(n) if n >= 1 => {
                            self.hot = n;
                            self.hot_set = true;
                        }
                        _ => return false,
                    }
                } else if let Some(list) = flag.strip_prefix("-jopt=") {
                    for item in list.split(',') {
                        let (on, name) = match item.strip_prefix('-') {
                            Some(n) => (false, n),
                            None => (true, item.strip_prefix('+').unwrap_or(item)),
                        };
                        match name {
                            "fold" => self.fold = on,
                            "dce" => self.dce = on,
                            "regs" => self.regs = on,
                            "loop" => self.loop_opt = on,
                            "side" => self.side = on,
                            "mem" => self.mem = on,
                            "snap" => self.snap = on,
                            "abc" => self.abc = on,
                            "unroll" => self.unroll = on,
                            "tload" => self.tload = on,
                            "istore" => self.istore = on,
                            _ => return false,
                        }
                    }
                } else {
                    return false;
                }
            }
        }
        true
    }
}

/// A fast hasher for the loop table (keys are a prototype address and a pc).
#[derive(Default)]
struct LoopHasher(u64);

impl std::hash::Hasher for LoopHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

type LoopMap = HashMap<(usize, usize), LoopState, std::hash::BuildHasherDefault<LoopHasher>>;

enum LoopState {
    /// Not traced yet (the VM's hot counter does the counting).
    /// `inner`: the last recording aborted at an inner loop, so the next one records an
    /// *entry trace* instead (from the header to the first traced loop header, like a
    /// side trace), which the engine links to that loop's trace.
    Counting { aborts: u32, inner: bool },
    Traced(usize),
    Blacklisted,
}

struct CompiledTrace {
    /// Per snapshot: exit counts and the linked side trace.
    exits: Vec<ExitState>,
    /// Side traces: the trace of the loop header their final `Exit` reaches (looked up
    /// on first use).
    exit_to: Option<usize>,
    /// Side traces: the trace count when `exit_to` was last looked up and not found
    /// (a final `Exit` at a `RETURN` or an untraced header looks again only after a new
    /// trace was made).
    exit_to_miss: u64,
    ir: Trace,
    alloc: regalloc::Allocation,
    code: x64::emit::Compiled,
    /// Direct links of the exit stubs (exit.rs), one word per snapshot.
    links: exit::LinkTable,
    proto: Gc<ProtoObj>,
    /// The root trace (itself for a loop or entry trace) and, for a side trace, how many
    /// side traces lie between it and the root (0 for roots).
    root: usize,
    depth: u32,
    /// For a root: side traces recorded below it so far.
    sides: u32,
    /// Side traces: some int slot loads skip their type check (the parent's exit stub
    /// wrote inline ints there). Such a trace is not entered after an exit the engine
    /// restored, where an int slot may hold a heap-boxed big integer.
    trusts_ints: bool,
    /// Loop traces (roots and their variants): the loop header and the pc of the
    /// back-edge that closes the loop (None for side and entry traces).
    loop_pcs: Option<(usize, usize)>,
    /// Snapshot of the trace's `Loop` instruction (its loop-end exit), if any.
    loop_snap: Option<u32>,
    /// Loop traces: the loop's first trace (itself for the first) and, on the first,
    /// the number of variants recorded for the loop (see [`Engine::record_variant`]).
    first: usize,
    variants: u32,
    /// Loop traces: back-edges to wait before entering the trace again after its last
    /// entry failed at the loop header (0 after an entry that got past it).
    entry_penalty: i32,
    /// A loop trace with hoisted bounds checks (`opt_abc.rs`): their snapshot, and the
    /// recorded IR, from which a copy without the hoisting is compiled when that exit
    /// gets hot (`follow_exit`).
    abc: Option<(u32, Trace)>,
}

impl CompiledTrace {
    fn new(ir: Trace, alloc: regalloc::Allocation, code: x64::emit::Compiled, links: exit::LinkTable, proto: Gc<ProtoObj>, root: usize, depth: u32) -> CompiledTrace {
        let loop_snap = ir.ins.last().filter(|i| i.op == ir::Opc::Loop).map(|i| i.snap.0);
        CompiledTrace { exits: (0..ir.snaps.len()).map(|_| ExitState::default()).collect(), exit_to: None, exit_to_miss: u64::MAX, ir, alloc, code, links, proto, root, depth, sides: 0, trusts_ints: false, loop_pcs: None, loop_snap, first: root, variants: 0, entry_penalty: 0, abc: None }
    }

    /// Whether exit `snap` (at `pc`) is a loop trace's exit at its own loop header other
    /// than its loop end: a guard of the pre-header (entry type checks, hoisted invariant
    /// guards) failed, so the trace did not run an iteration.
    fn is_entry_exit(&self, snap: u32, pc: usize) -> bool {
        self.loop_pcs.is_some_and(|(header, _)| header == pc) && self.loop_snap != Some(snap) && !self.has_frames(snap)
    }

    /// Snapshot `snap` resumes inside inlined calls (`ir::Snapshot::frames`).
    fn has_frames(&self, snap: u32) -> bool {
        self.ir.snaps.get(snap as usize).is_some_and(|s| !s.frames.is_empty())
    }
}

/// Statistics (for tests and `-jv`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    pub traces: u64,
    pub aborts: u64,
    pub entries: u64,
    pub exits: u64,
    pub side_traces: u64,
    /// Direct links made (exit stub -> trace).
    pub links: u64,
    /// Transitions taken through direct links (without returning to the engine).
    pub linked: u64,
    /// Variants of loop traces (counted in `traces` too).
    pub variants: u64,
    /// Trace entries that failed at the loop header and were penalised.
    pub entry_penalties: u64,
}

/// Per exit (trace, snapshot): how often it was taken, failed side-trace recordings, and
/// the side trace linked to it.
#[derive(Default)]
struct ExitState {
    count: u32,
    aborts: u32,
    link: Option<usize>,
}

pub struct Engine {
    opts: Options,
    layout: x64::layout::Layout,
    loops: LoopMap,
    traces: Vec<CompiledTrace>,
    roots: Vec<Value>,
    ctx: Box<JitCtx>,
    seed: u64,
    /// Stack slots from a frame's base that restoring an exit inside inlined calls may
    /// use (the largest `Recorded::stack_need` of any trace; see [`Engine::run`]).
    stack_need: usize,
    /// Set by `follow_exit` when an exit inside inlined calls got hot (read by `run`).
    hot_frame_exit: bool,
    /// Per hot-counter slot: the (prototype, header pc) and trace last run from it (a
    /// cache in front of `loops`; `usize::MAX` keys never match).
    slot_traces: Vec<(usize, usize, usize)>,
    pub stats: Stats,
}

type TraceFn = unsafe extern "sysv64" fn(*mut Value, *mut JitCtx) -> u64;

impl Engine {
    /// A new engine, or None where the JIT cannot run (not x86-64, or an unexpected
    /// memory layout).
    pub fn new(opts: Options) -> Option<Engine> {
        if !cfg!(all(target_arch = "x86_64", unix)) {
            return None;
        }
        let layout = x64::layout::Layout::probe()?;
        Some(Engine { opts, layout, loops: LoopMap::default(), traces: Vec::new(), roots: Vec::new(), ctx: JitCtx::new(), seed: 0x2545_F491, stack_need: 0, hot_frame_exit: false, slot_traces: vec![(usize::MAX, usize::MAX, 0); vm::jit_hooks::HOT_SLOTS], stats: Stats::default() })
    }

    /// Creates an engine and attaches it to `vm`; false if the JIT cannot run here.
    pub fn attach(vm: &mut Vm, opts: Options) -> bool {
        match Engine::new(opts) {
            Some(e) => {
                vm.attach_jit(Box::new(e));
                true
            }
            None => false,
        }
    }

    fn where_(proto: Gc<ProtoObj>, pc: usize) -> String {
        format!("{}:{}", proto.source(), proto.line_at(pc))
    }

    fn dump(&self, title: &str, t: &Trace) {
        if self.opts.dump {
            eprintln!("---- IR {} ----\n{}", title, ir_text::print(t));
        }
    }

    /// Verifies the IR after a pass (`verifier (pass): ...` on failure) and dumps it
    /// with `-jdump`.
    fn checked(&self, pass: &str, t: &Trace) -> Result<(), String> {
        verify::verify(t).map_err(|e| format!("verifier ({}): {}", pass, e))?;
        self.dump(&format!("after {}", pass), t);
        Ok(())
    }

    /// Runs the pass pipeline and the backend on a recorded trace (left as recorded:
    /// a loop trace keeps it for the bounds-check fallback).
    /// `trusted`: for a side trace, the IR type of each slot its parent's exit wrote
    /// (its `SLoad`s of those slots skip the type check).
    /// `abc`: run the bounds-check hoisting (the snapshot of its guards is returned).
    fn compile(&self, recorded: &Trace, trusted: &[(u16, ir::Ty)], proto: Gc<ProtoObj>, abc: bool) -> Result<(Trace, regalloc::Allocation, x64::emit::Compiled, exit::LinkTable, Option<u32>), String> {
        verify::verify(recorded).map_err(|e| format!("verifier (record): {}", e))?;
        self.dump("after record+fold", recorded);
        let mut t = if self.opts.dce {
            let t = opt_dce::dce(recorded);
            self.checked("dce", &t)?;
            t
        } else {
            recorded.clone()
        };
        if self.opts.loop_opt {
            t = opt_loop::optimize(&t);
            self.checked("loop", &t)?;
        }
        if self.opts.mem {
            t = opt_mem::optimize(&t);
            self.checked("mem", &t)?;
        }
        if self.opts.snap {
            let live = opt_snap::Liveness::new(&proto);
            t = opt_snap::prune(&t, |pc, slot| live.dead(pc, slot));
            if self.opts.dce {
                t = opt_dce::dce(&t);
            }
            self.checked("snap", &t)?;
        }
        let mut abc_snap = None;
        if abc && self.opts.abc {
            let (out, snap) = opt_abc::optimize(&t);
            if let Some(s) = snap {
                t = out;
                abc_snap = Some(s.0);
                self.checked("abc", &t)?;
            }
        }
        if self.opts.tload {
            t = opt_tload::optimize(&t);
            self.checked("tload", &t)?;
        }
        trust_sloads(&mut t, trusted);
        let alloc = regalloc::allocate(&t, self.opts.regs, exit::MAX_SPILLS)?;
        let links = exit::LinkTable::new(t.snaps.len());
        let link = x64::emit::LinkInfo { trace: self.traces.len() as u32, table: links.addr() };
        let code = x64::emit::compile(&t, &alloc, self.layout, self.opts.exit_stress, link)?;
        if self.opts.dump {
            let len = code.code.len();
            let ptr = code.code.ptr(dynasmrt::AssemblyOffset(0));
            // SAFETY: the buffer holds `len` initialised bytes of finalised code.
            let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
            eprintln!("---- machine code ({} bytes) ----\n{}", len, x64::disasm::disassemble(bytes, ptr as u64));
        }
        Ok((t, alloc, code, links, abc_snap))
    }

    fn record(&mut self, vm: &mut Vm, closure: Gc<Closure>, key: (usize, usize), from_pc: usize) -> Flow {
        let proto = closure.proto;
        let header = key.1;
        let id = self.traces.len() + 1;
        let entry = matches!(self.loops.get(&key), Some(LoopState::Counting { inner: true, .. }));
        if self.opts.verbose {
            eprintln!("[jit] trace {} start {}{}", id, Self::where_(proto, header), if entry { " (entry trace)" } else { "" });
        }
        let recorded = if entry {
            // The loop contains an inner loop: record from its header to the first loop
            // header with a trace (nested loops then run entirely in linked traces).
            let stops = self.traced_headers(key.0);
            record::record_side(vm, &stops, self.opts.fold, self.opts.istore)
        } else {
            record::record(vm, from_pc, self.opts.fold, self.opts.unroll, self.opts.istore)
        };
        let result = match recorded {
            Ok(rec) => {
                let unrolled = rec.unrolled;
                let loop_pcs = (!entry).then_some((header, from_pc));
                self.compile_loop_trace(vm, rec, closure, header, loop_pcs, id).map_err(|(end, reason)| {
                    // Unrolling made the trace too big (e.g. spills): an entry trace next.
                    (end, if unrolled { format!("{}: {}", record::UNROLL_FAILED, reason) } else { reason })
                })
            }
            Err(a) => Err((a.pc, a.reason)),
        };
        match result {
            Ok(new) => {
                self.loops.insert(key, LoopState::Traced(new));
            }
            Err((pc, reason)) => {
                self.stats.aborts += 1;
                if self.opts.verbose {
                    eprintln!("[jit] trace {} abort at {}: {}", id, Self::where_(proto, pc), reason);
                }
                let mut th = vm.current;
                if let Some(f) = th.frames.last_mut() {
                    f.pc = pc;
                }
                let aborts = match self.loops.get(&key) {
                    Some(LoopState::Counting { aborts, .. }) => aborts + 1,
                    _ => 1,
                };
                if aborts >= MAX_ABORTS {
                    if self.opts.verbose {
                        eprintln!("[jit] blacklist {}", Self::where_(proto, header));
                    }
                    self.loops.insert(key, LoopState::Blacklisted);
                } else {
                    self.loops.insert(key, LoopState::Counting { aborts, inner: reason.starts_with("inner loop") });
                }
            }
        }
        Flow::Enter
    }

    /// Compiles a loop or entry trace `id` just recorded from `header` of `closure` and
    /// adds it (`loop_pcs`: header and back-edge pc of a loop trace; None for an entry
    /// trace). Keeps the recorded IR only when bounds checks were hoisted (the fallback
    /// compiles it again without). Returns the new trace's index, or where the
    /// recording left the VM (the header, or after the loop when its last iteration was
    /// recorded: the interpreter goes on there) and why compilation failed.
    fn compile_loop_trace(&mut self, vm: &Vm, rec: record::Recorded, closure: Gc<Closure>, header: usize, loop_pcs: Option<(usize, usize)>, id: usize) -> Result<usize, (usize, String)> {
        let proto = closure.proto;
        self.stack_need = self.stack_need.max(rec.stack_need);
        let end = vm.current.frames.last().map_or(header, |f| f.pc);
        let (ir, alloc, code, links, abc_snap) = self.compile(&rec.trace, &[], proto, true).map_err(|reason| (end, reason))?;
        self.roots.extend(rec.roots);
        self.roots.push(Value::from_ptr(TAG_FUNC, closure.header()));
        if self.opts.verbose {
            eprintln!("[jit] trace {} compiled {} ({} IR instructions, {} bytes)", id, Self::where_(proto, header), ir.ins.len(), code.code.len());
        }
        let new = self.traces.len();
        let mut tr = CompiledTrace::new(ir, alloc, code, links, proto, new, 0);
        tr.loop_pcs = loop_pcs;
        tr.abc = abc_snap.map(|s| (s, rec.trace));
        self.traces.push(tr);
        self.stats.traces += 1;
        Ok(new)
    }

    /// Makes trace `to` the destination of exit `snap` of trace `from`: the engine's
    /// record of it, and the direct link in the exit stub.
    fn attach_exit(&mut self, from: usize, snap: u32, to: usize) {
        if let Some(st) = self.traces.get_mut(from).and_then(|t| t.exits.get_mut(snap as usize)) {
            st.link = Some(to);
        }
        self.link(from, snap, to);
    }

    /// Runs trace `idx` on the current frame, then follows links: an exit with a side
    /// trace runs it, and a side trace's final `Exit` at a traced loop header runs that
    /// loop's trace, each transition counting one unit of the iteration budget. A hot
    /// exit without a side trace gets one recorded. Returns to the interpreter at the
    /// first exit that has nowhere to go. Also returns whether that exit was a failed
    /// entry (a pre-header guard failed: no iteration ran) of a trace of the loop that
    /// `idx` belongs to.
    fn run(&mut self, vm: &mut Vm, mut idx: usize) -> (Flow, bool) {
        let th = vm.current;
        let Some(frame) = th.frames.last() else { return (Flow::Done, false) };
        let base = frame.base;
        let Some(tr) = self.traces.get(idx) else { return (Flow::Done, false) };
        let proto = tr.proto;
        let pkey = proto.header() as usize;
        if base + proto.max_stack.max(self.stack_need) > th.stack.len() {
            return (Flow::Done, false);
        }
        // An exit inside inlined calls pushes up to MAX_INLINE_DEPTH frames.
        if self.stack_need > 0 && th.frames.len() + record::MAX_INLINE_DEPTH >= vm.limits.max_frames {
            return (Flow::Done, false);
        }
        // The trace's iterations count against the periodic-hook countdown.
        self.ctx.budget = vm.hook_countdown.max(1);
        let start_header = tr.loop_pcs.map(|(header, _)| header);
        let mut entry_failed = false;
        loop {
            let Some((exited, snap, pc, is_final)) = self.run_one(vm, idx, base) else { break };
            idx = exited;
            entry_failed = !is_final && Some(pc) == start_header && self.traces.get(idx).is_some_and(|t| t.is_entry_exit(snap, pc));
            if self.ctx.budget <= 1 {
                break;
            }
            self.ctx.budget -= 1;
            let next = if is_final {
                let traces_made = self.stats.traces;
                let tr = &self.traces[idx];
                match tr.exit_to {
                    Some(t) => Some(t),
                    None if tr.exit_to_miss == traces_made => None,
                    None => {
                        let t = match self.loops.get(&(pkey, pc)) {
                            Some(LoopState::Traced(t)) => Some(*t),
                            _ => None,
                        };
                        self.traces[idx].exit_to = t;
                        self.traces[idx].exit_to_miss = traces_made;
                        if let Some(t) = t {
                            self.link(idx, snap, t);
                        }
                        t
                    }
                }
            } else {
                // Also after an exit the engine restored (big integers became heap
                // boxes), except into side traces that trust their int slots.
                let slow = self.ctx.restored == 0;
                self.follow_exit(vm, idx, snap, pc, pkey, slow)
            };
            match next {
                Some(n) => idx = n,
                None => {
                    if std::mem::take(&mut self.hot_frame_exit) {
                        entry_failed = true;
                    }
                    break;
                }
            }
        }
        if self.opts.verbose && self.ctx.linked != self.stats.linked {
            eprintln!("[jit] linked {} transitions", self.ctx.linked - self.stats.linked);
        }
        self.stats.linked = self.ctx.linked;
        vm.hook_countdown = self.ctx.budget.max(1);
        (Flow::Enter, entry_failed)
    }

    /// Runs loop trace `idx` from the back-edge whose hot counter is `slot`, then sets
    /// that counter: 1 (enter again at the next back-edge), or after a failed entry a
    /// penalty that doubles with each consecutive failure (up to [`MAX_ENTRY_PENALTY`])
    /// plus a random extra, like LuaJIT's hot-count penalties: a trace specialised to
    /// another context (e.g. a hoisted guard on a parameter) would otherwise be entered
    /// and exit at every back-edge of the loop.
    fn enter(&mut self, vm: &mut Vm, slot: usize, idx: usize) -> Flow {
        let (flow, entry_failed) = self.run(vm, idx);
        let mut counter = 1;
        if let Some(t) = self.traces.get_mut(idx) {
            if entry_failed {
                t.entry_penalty = t.entry_penalty.saturating_mul(2).clamp(2, MAX_ENTRY_PENALTY);
                self.seed = self.seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                counter = t.entry_penalty + ((self.seed >> 33) % t.entry_penalty as u64) as i32;
                self.stats.entry_penalties += 1;
            } else {
                t.entry_penalty = 0;
            }
        }
        vm.jit_set_hot(slot, counter);
        flow
    }

    /// Runs trace `idx` (and the traces it links to) until one returns, and restores the
    /// interpreter state of that exit. Returns the trace that returned, the snapshot, its
    /// pc, and whether it is a side trace's final `Exit` (None: bad trace index, a JIT
    /// bug; the frame is then at the exit's state only if the stub restored it).
    fn run_one(&mut self, vm: &mut Vm, idx: usize, base: usize) -> Option<(usize, u32, usize, bool)> {
        let mut th = vm.current;
        let tr = self.traces.get(idx)?;
        if self.opts.exit_stress {
            self.seed = self.seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            self.ctx.stress = 1 + ((self.seed >> 33) % 17) as i64;
        }
        let ptr = code_entry(&tr.code);
        self.ctx.vm = vm as *mut Vm;
        self.ctx.closure = th.frames.last().and_then(|f| f.closure).map_or(Value::NIL.0, |c| Vm::object_value(c).0);
        // SAFETY: `ptr` is the entry of finalised code generated for this trace, with the
        // signature of `TraceFn`. The code reads and writes only the frame's registers
        // `base..base + max_stack` (inside the stack, checked by `run` for this frame's
        // prototype, which all linked traces share), the context, and tables it has
        // type-checked and bounds-checked.
        let exit = unsafe {
            let f: TraceFn = std::mem::transmute(ptr);
            f(th.stack.as_mut_ptr().add(base), &mut *self.ctx)
        };
        self.stats.entries += 1;
        self.stats.exits += 1;
        let idx = self.ctx.trace as usize;
        let tr = self.traces.get(idx)?;
        let snap = SnapId(exit as u32);
        let pc = tr.ir.snaps.get(snap.idx()).map_or(0, |s| s.pc);
        if self.ctx.restored != 0 {
            // The exit stub wrote the registers; only the pc is left.
            let mut th = vm.current;
            if let Some(f) = th.frames.last_mut() {
                f.pc = pc;
            }
        } else {
            let restored = exit::restore(vm, &tr.ir, &tr.alloc.locs, &self.ctx, snap);
            debug_assert!(restored, "snapshot value without a location");
        }
        let mut where_proto = tr.proto;
        let mut inlined = "";
        if let Some(s) = tr.ir.snaps.get(snap.idx()).filter(|s| !s.frames.is_empty()) {
            if exit::push_frames(vm, base, s) {
                inlined = " (inside an inlined call)";
                if let Some(c) = vm.current.frames.last().and_then(|f| f.closure) {
                    where_proto = c.proto;
                }
            }
        }
        let last = tr.ir.ins.last();
        let is_final = last.is_some_and(|i| i.op == ir::Opc::Exit && i.snap == snap);
        if self.opts.verbose {
            eprintln!("[jit] exit trace {} snapshot {} at {}{}", idx + 1, exit, Self::where_(where_proto, pc), inlined);
        }
        Some((idx, exit as u32, pc, is_final))
    }

    /// The loop headers of prototype `pkey` that have traces.
    fn traced_headers(&self, pkey: usize) -> Vec<usize> {
        self.loops.iter().filter(|(k, v)| k.0 == pkey && matches!(v, LoopState::Traced(_))).map(|(k, _)| k.1).collect()
    }

    /// Links exit `snap` of trace `from` directly to trace `to` (exit.rs): the exit stub
    /// then jumps to `to`'s link entry without returning to the engine.
    fn link(&mut self, from: usize, snap: u32, to: usize) {
        let Some(target) = self.traces.get(to).map(|t| t.code.code.ptr(t.code.link_entry) as u64) else { return };
        if let Some(w) = self.traces.get_mut(from).and_then(|t| t.links.0.get_mut(snap as usize)) {
            *w = target;
            self.stats.links += 1;
            if self.opts.verbose {
                eprintln!("[jit] link trace {} exit {} -> trace {}", from + 1, snap, to + 1);
            }
        }
    }

    /// An exit (not a final `Exit`) of trace `idx` at snapshot `snap` (pc `pc`): the
    /// trace to run next (its side trace, or the loop trace a just-recorded side trace
    /// ended at), if any. `slow`: the engine restored the exit (an int slot may hold a
    /// heap-boxed big integer).
    fn follow_exit(&mut self, vm: &mut Vm, idx: usize, snap: u32, pc: usize, pkey: usize, slow: bool) -> Option<usize> {
        let threshold = self.opts.hot.clamp(1, HOT_EXIT);
        let ntraces = self.traces.len();
        let (root, depth) = self.traces.get(idx).map_or((idx, 0), |t| (t.root, t.depth));
        let side_budget_left = depth < MAX_SIDE_DEPTH && self.traces.get(root).is_some_and(|r| r.sides < MAX_SIDE_PER_ROOT);
        // An exit inside inlined calls resumes in a callee's frame: the interpreter
        // (no side trace). A hot one counts as a failed entry of the loop (`run`): the
        // loop's hot counter gets the entry penalty, so a trace whose callee keeps
        // failing a guard is not entered and left at every back-edge.
        if self.traces.get(idx).is_some_and(|t| t.has_frames(snap)) {
            if let Some(st) = self.traces.get_mut(idx).and_then(|t| t.exits.get_mut(snap as usize)) {
                st.count = st.count.saturating_add(1);
                if st.count >= threshold {
                    self.hot_frame_exit = true;
                }
            }
            return None;
        }
        if self.traces.get(idx).and_then(|t| t.abc.as_ref()).is_some_and(|a| a.0 == snap) {
            let link = self.traces[idx].exits.get(snap as usize).and_then(|st| st.link);
            return link.or_else(|| self.abc_fallback(idx, snap, threshold));
        }
        // A failed entry of a loop trace may get a variant (another trace of the loop).
        let variant_left = self.traces.get(idx).is_some_and(|t| t.is_entry_exit(snap, pc) && self.traces.get(t.first).is_some_and(|f| f.variants + 1 < MAX_VARIANTS));
        let link = self.traces.get(idx).and_then(|t| t.exits.get(snap as usize)).and_then(|st| st.link);
        if let Some(t) = link {
            return (!slow || !self.traces.get(t).is_some_and(|t| t.trusts_ints)).then_some(t);
        }
        let Some(st) = self.traces.get_mut(idx).and_then(|t| t.exits.get_mut(snap as usize)) else { return None };
        if !self.opts.side || st.aborts >= MAX_ABORTS || ntraces >= MAX_TRACES {
            return None;
        }
        // Other exits at a loop header (the budget, entries of side traces) go to the
        // interpreter.
        let at_header = matches!(self.loops.get(&(pkey, pc)), Some(LoopState::Traced(_)));
        if (at_header && !variant_left) || (!at_header && !side_budget_left) {
            return None;
        }
        st.count += 1;
        if st.count < threshold {
            return None;
        }
        st.count = 0;
        if at_header {
            return self.record_variant(vm, idx, snap);
        }
        let t = self.record_side(vm, idx, snap, pkey, slow)?;
        match self.loops.get(&(pkey, t)) {
            Some(LoopState::Traced(n)) => Some(*n),
            _ => None,
        }
    }

    /// Records a *variant* of loop trace `idx` after its entry failed at exit `snap`
    /// (the VM is at the loop header): a new trace of the same loop, recorded from the
    /// current state, to which the exit links. A trace specialised by its pre-header
    /// (slot types, hoisted invariant guards such as a test of a parameter) thus gets a
    /// sibling for each hot other case (at most [`MAX_VARIANTS`] per loop) instead of
    /// failing its entry at every back-edge. Returns the variant if the VM is at the
    /// loop header (the recording ran one iteration), else None.
    fn record_variant(&mut self, vm: &mut Vm, idx: usize, snap: u32) -> Option<usize> {
        let (proto, (header, from_pc), first) = {
            let t = self.traces.get(idx)?;
            (t.proto, t.loop_pcs?, t.first)
        };
        let id = self.traces.len() + 1;
        let closure = vm.current.frames.last().and_then(|f| f.closure)?;
        if self.opts.verbose {
            eprintln!("[jit] trace {} start {} (variant of trace {})", id, Self::where_(proto, header), idx + 1);
        }
        let result = match record::record(vm, from_pc, self.opts.fold, self.opts.unroll, self.opts.istore) {
            Ok(rec) => self.compile_loop_trace(vm, rec, closure, header, Some((header, from_pc)), id),
            Err(a) => Err((a.pc, a.reason)),
        };
        match result {
            Ok(new) => {
                self.traces[new].first = first;
                if let Some(f) = self.traces.get_mut(first) {
                    f.variants += 1;
                }
                self.stats.variants += 1;
                self.attach_exit(idx, snap, new);
                let at_header = vm.current.frames.last().is_some_and(|f| f.pc == header);
                at_header.then_some(new)
            }
            Err((pc, reason)) => {
                self.exit_recording_aborted(vm, idx, snap, pc);
                if self.opts.verbose {
                    eprintln!("[jit] trace {} abort at {}: {}", id, Self::where_(proto, pc), reason);
                }
                None
            }
        }
    }

    /// The exit of trace `idx`'s hoisted bounds checks (`opt_abc.rs`), at the loop header
    /// with nothing modified: once hot, the trace's recorded IR is compiled again without
    /// the hoisting and the exit linked to that copy, which runs the loop with a bounds
    /// check per load (as a root of its own).
    fn abc_fallback(&mut self, idx: usize, snap: u32, threshold: u32) -> Option<usize> {
        if self.traces.len() >= MAX_TRACES {
            return None;
        }
        let st = self.traces.get_mut(idx)?.exits.get_mut(snap as usize)?;
        if st.aborts > 0 {
            return None;
        }
        st.count += 1;
        if st.count < threshold {
            return None;
        }
        let (Some((_, recorded)), proto) = (&self.traces[idx].abc, self.traces[idx].proto) else { return None };
        let id = self.traces.len() + 1;
        let header = self.traces[idx].ir.snaps.get(snap as usize).map_or(0, |s| s.pc);
        match self.compile(recorded, &[], proto, false) {
            Ok((ir, alloc, code, links, _)) => {
                if self.opts.verbose {
                    eprintln!("[jit] trace {} compiled {} without hoisted bounds checks (trace {} exit {})", id, Self::where_(proto, header), idx + 1, snap);
                }
                let new = self.traces.len();
                // A root of its own, a trace of the same loop (entry penalties apply).
                let (loop_pcs, first) = (self.traces[idx].loop_pcs, self.traces[idx].first);
                let mut tr = CompiledTrace::new(ir, alloc, code, links, proto, new, 0);
                tr.loop_pcs = loop_pcs;
                tr.first = first;
                self.traces.push(tr);
                self.stats.traces += 1;
                self.attach_exit(idx, snap, new);
                Some(new)
            }
            Err(reason) => {
                if self.opts.verbose {
                    eprintln!("[jit] trace {} abort: {}", id, reason);
                }
                if let Some(st) = self.traces.get_mut(idx).and_then(|t| t.exits.get_mut(snap as usize)) {
                    st.aborts += 1;
                }
                None
            }
        }
    }

    /// A recording started at exit `snap` of trace `idx` (a side trace or a variant)
    /// aborted at `pc`: the interpreter continues there, and the exit counts the abort
    /// (an exit whose recordings keep aborting is not recorded again, `MAX_ABORTS`).
    fn exit_recording_aborted(&mut self, vm: &mut Vm, idx: usize, snap: u32, pc: usize) {
        self.stats.aborts += 1;
        let mut th = vm.current;
        if let Some(f) = th.frames.last_mut() {
            f.pc = pc;
        }
        if let Some(st) = self.traces.get_mut(idx).and_then(|t| t.exits.get_mut(snap as usize)) {
            st.aborts += 1;
        }
    }

    /// Records and compiles a side trace for exit `snap` of trace `idx` (the VM is at the
    /// exit's state) and links it. Returns the pc where the VM stopped if it is a loop
    /// header with a trace (recording succeeded), else None (the VM is at a pc where the
    /// interpreter continues).
    fn record_side(&mut self, vm: &mut Vm, idx: usize, snap: u32, pkey: usize, slow: bool) -> Option<usize> {
        let proto = self.traces[idx].proto;
        let stops = self.traced_headers(pkey);
        let id = self.traces.len() + 1;
        let start = vm.current.frames.last().map_or(0, |f| f.pc);
        if self.opts.verbose {
            eprintln!("[jit] side trace {} start {} (trace {} exit {})", id, Self::where_(proto, start), idx + 1, snap);
        }
        let parent = &self.traces[idx].ir;
        // After an engine-restored exit an int slot may hold a heap box: ints untrusted.
        let trusted: Vec<(u16, ir::Ty)> = parent.snaps.get(snap as usize).map_or(Vec::new(), |s| s.entries.iter().map(|&(slot, r)| (slot, parent.ty(r))).filter(|&(_, ty)| !(slow && ty == ir::Ty::Int)).collect());
        let trusts_ints = trusted.iter().any(|&(_, ty)| ty == ir::Ty::Int);
        let result = match record::record_side(vm, &stops, self.opts.fold, self.opts.istore) {
            Ok(rec) => {
                self.stack_need = self.stack_need.max(rec.stack_need);
                let end = vm.current.frames.last().map_or(0, |f| f.pc);
                let roots = rec.roots;
                self.compile(&rec.trace, &trusted, proto, false).map(|(ir, alloc, code, links, _)| (ir, alloc, code, links, roots, end)).map_err(|reason| (end, reason))
            }
            Err(a) => Err((a.pc, a.reason)),
        };
        match result {
            Ok((ir, alloc, code, links, roots, end)) => {
                self.roots.extend(roots);
                if self.opts.verbose {
                    eprintln!("[jit] side trace {} compiled {} -> {} ({} IR instructions, {} bytes)", id, Self::where_(proto, start), Self::where_(proto, end), ir.ins.len(), code.code.len());
                }
                let (root, depth) = (self.traces[idx].root, self.traces[idx].depth + 1);
                let mut side = CompiledTrace::new(ir, alloc, code, links, proto, root, depth);
                side.trusts_ints = trusts_ints;
                self.traces.push(side);
                if let Some(r) = self.traces.get_mut(root) {
                    r.sides += 1;
                }
                self.stats.traces += 1;
                self.stats.side_traces += 1;
                self.attach_exit(idx, snap, self.traces.len() - 1);
                Some(end)
            }
            Err((pc, reason)) => {
                self.exit_recording_aborted(vm, idx, snap, pc);
                if self.opts.verbose {
                    eprintln!("[jit] side trace {} abort at {}: {}", id, Self::where_(proto, pc), reason);
                }
                None
            }
        }
    }
}

/// Marks the `SLoad`s of a side trace whose slot type its parent's exit guarantees
/// (`trusted`: slot and IR type written by the exit stub) as not needing a type check.
fn trust_sloads(t: &mut Trace, trusted: &[(u16, ir::Ty)]) {
    if trusted.is_empty() {
        return;
    }
    for ins in t.ins.iter_mut() {
        if ins.op != ir::Opc::SLoad || !matches!(ins.ty, ir::Ty::Int | ir::Ty::Num | ir::Ty::Tab) {
            continue;
        }
        let slot = ins.k & exit::SLOAD_SLOT;
        if trusted.iter().any(|&(s, ty)| s as i64 == slot && ty == ins.ty) {
            ins.k |= exit::SLOAD_TRUSTED;
        }
    }
}

fn code_entry(c: &x64::emit::Compiled) -> *const u8 {
    c.code.ptr(c.entry)
}

impl JitEngine for Engine {
    fn back_edge(&mut self, vm: &mut Vm, from_pc: usize, slot: usize) -> Flow {
        let th = vm.current;
        let Some(frame) = th.frames.last() else { return Flow::Done };
        let Some(closure) = frame.closure else { return Flow::Done };
        let header = frame.pc;
        let key = (closure.proto.header() as usize, header);
        // Fast path: the loop of this hot-counter slot has a trace.
        if let Some(&(k0, k1, idx)) = self.slot_traces.get(slot) {
            if (k0, k1) == key {
                return self.enter(vm, slot, idx);
            }
        }
        let state = self.loops.entry(key).or_insert(LoopState::Counting { aborts: 0, inner: false });
        match state {
            LoopState::Blacklisted => {
                vm.jit_set_hot(slot, BLACKLIST_PENALTY);
                Flow::Done
            }
            LoopState::Traced(idx) => {
                let idx = *idx;
                if let Some(c) = self.slot_traces.get_mut(slot) {
                    *c = (key.0, key.1, idx);
                }
                self.enter(vm, slot, idx)
            }
            LoopState::Counting { .. } => {
                let flow = self.record(vm, closure, key, from_pc);
                match self.loops.get(&key) {
                    Some(LoopState::Traced(_)) => vm.jit_set_hot(slot, 1),
                    Some(LoopState::Counting { .. }) if self.opts.hot > 1 => {
                        // After an abort, wait a pseudo-random extra number of back-edges,
                        // so that a loop with a short trip count whose length divides the
                        // threshold is not always recorded in the same (e.g. its last)
                        // iteration.
                        self.seed = self.seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        let extra = ((self.seed >> 33) % self.opts.hot as u64) as i32;
                        vm.jit_set_hot(slot, self.hot_threshold().saturating_add(extra));
                    }
                    _ => {}
                }
                flow
            }
        }
    }

    fn hot_threshold(&self) -> i32 {
        self.opts.hot.min(i32::MAX as u32) as i32
    }

    fn mark_roots(&self, heap: &mut Heap) {
        for &v in &self.roots {
            heap.mark_value(v);
        }
    }
}
