//! Goroutines, channels and select (spec 11), phase 1: every goroutine is a VM thread
//! multiplexed on ONE OS thread by the scheduler in this file.
//!
//! # Model
//!
//! A [`Goroutine`] owns a main [`Thread`] (`is_main = true`) and remembers its *current*
//! thread (the innermost coroutine it is running; coroutine resume/yield switch
//! `Vm::current` without telling the scheduler, so `current` is saved when the goroutine
//! is switched out). Goroutines live in a slab (`Scheduler::gs`) indexed by *slot*; the
//! user-visible number (`id`: main = 1, then 2, 3, ... in creation order) is separate.
//! The main goroutine is slot 0 and runs the main chunk on `Vm::main_thread`.
//!
//! # The one switching point
//!
//! Goroutines are switched only in [`Vm::sched_point`], called by the dispatch loop at
//! the top of its outer loop (entered after every call, return, thread switch and
//! error) when `Scheduler::tick` is zero, i.e. when a switch was requested.
//!
//! Preemption uses the VM's hook countdown (hooks.rs: decremented at loop back-edges and
//! script calls, so the hot path is a decrement and a branch). Every `HOOK_INTERVAL`
//! ticks `run_hooks` calls [`Vm::sched_preempt`], which fires due timers and, if another
//! goroutine is runnable, requests a switch (`tick = 0`) and returns `Flow::Enter`.
//!
//! Blocking never switches on the spot: the blocking operation *parks* the running
//! goroutine (state `Blocked`, a fresh park sequence number, what to do on wake-up in
//! `resume`), sets `tick = 0` and returns `Flow::Enter`; the dispatch loop then reaches
//! the scheduling point, which switches to the next runnable goroutine. Because no Rust
//! caller of a blocking operation ever sees `Vm::current` change under it, the existing
//! call/return machinery needs no knowledge of goroutines.
//!
//! How a parked goroutine continues:
//! * **Instructions** (`SEND`, `RECV`, `SELECT`, `RANGECALL` over a channel) park with
//!   the frame's pc pointing back at the instruction, and are **re-executed** on wake-up.
//!   The waker stores the outcome in the goroutine (`Goroutine::wake`: the select case,
//!   the received value and `ok`, or "the channel was closed under a blocked send"), and
//!   the re-executed instruction completes with it instead of touching the channel.
//! * **Blocking builtins** (`NativeKind::Blocking`: `time.sleep`, `mu:lock()`,
//!   `wg:wait()`) park with their builtin frame left on top of the stack
//!   (`Resume::FinishBuiltin`); on wake-up the scheduler completes the frame with no
//!   results (`finish_frame`), exactly like a coroutine resume completes a `yield` frame.
//! * **New goroutines** (`Resume::Start`) hold the callee and arguments in their fresh
//!   thread's stack; the first switch-in calls it with the `GOROUTINE_BASE` frame flag.
//!   When that frame returns (`finish_frame`) the goroutine is dead; when an error
//!   unwinds through it (`handle_error`) the run ends (see "Fatal errors" below).
//!
//! Channel hand-off: a sender that finds a live waiting receiver gives it the value
//! directly (`Wake`) and continues; a receiver that finds a waiting sender takes the
//! sender's value (refilling the buffer from the first waiting sender for buffered
//! channels) and wakes it. Waiters are served first come, first served.
//!
//! # Timers, sleeping and deadlock
//!
//! `time.sleep` and `time.after` push entries into a min-heap ordered by (deadline,
//! creation sequence), so sleepers wake in deadline order. Due timers are fired at every
//! scheduling point that has timers. When no goroutine is runnable the scheduler flushes
//! standard output and sleeps the OS thread until the earliest deadline (no busy wait);
//! with no timers either, every goroutine is blocked: a deadlock (a fatal error). The
//! sleep is cut into short slices: a host's interrupt ends it (also a fatal error, since
//! no goroutine is running to raise it).
//!
//! # Fatal errors: goroutine death and deadlock
//!
//! Both end the whole run (spec 9.8, 11.6) but never the process: they become an
//! [`RtError`] marked `fatal`, which `handle_error` does not catch or unwind (no `pcall`
//! sees it, no deferred call runs), so it leaves the dispatch loop and reaches the
//! top-level `Vm::call` (call depth 1, the only depth at which goroutines switch, so the
//! only place these can arise). That call resets the scheduler ([`Vm::sched_abort`]):
//! other goroutines are dropped, the main goroutine is back on the thread and frame
//! depth the call started with, and the VM runs new code normally. The CLI prints the
//! spec's text and exits with status 2; an embedding host gets an ordinary error.
//!
//! # Blocking inside a Rust re-entry
//!
//! A goroutine may only be switched out when its Rust stack is the scheduler's own:
//! `Scheduler::call_depth` counts active `Vm::call`s (the CLI's call of the main chunk is
//! depth 1). Code run by a builtin's callback (a `table.sort` comparator, a `gsub`
//! replacement function, a `__tostring` handler, an `xpcall` message handler, a module
//! body run by `require`) runs at depth > 1. Phase 1 does not switch goroutines there:
//! preemption is postponed until the callback returns, and a blocking operation raises
//! `attempt to block across a builtin call boundary` (like Lua's "attempt to yield
//! across a C-call boundary"). Operations that do not block (a buffered send with room,
//! a receive with a value ready, `tryLock`, ...) work everywhere.
//!
//! # Garbage collection
//!
//! Scheduler roots ([`Vm::sched_mark_roots`]): every goroutine's main and current thread,
//! pending wake-up values, the channels a parked `select` registered on, the channels of
//! pending `time.after` timers and the sync metatables. Channels trace their buffers and
//! their blocked senders' values. `sync` objects keep their native state in a side table
//! keyed by the table's address, dropped when the table dies ([`Vm::sched_sweep_weak`]).

use crate::call::Flow;
use crate::channel::{Channel, Waiter};
use crate::error::{Fatal, RtError};
use crate::function::{Args, Native};
use crate::object::{value_as, Gc};
use crate::table::Table;
use crate::thread::{flags, Thread};
use crate::value::Value;
use crate::vm::{Tm, Vm};
use compiler::{Instr, Op};
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::time::{Duration, Instant};

/// The deadlock message (spec 11.6; the CLI prints it after `fatal error: `).
pub const DEADLOCK_MESSAGE: &str = "all goroutines are asleep - deadlock!";

/// Longest uninterrupted OS sleep while waiting for a timer (interrupt latency).
const TIMER_WAIT_SLICE: Duration = Duration::from_millis(10);

/// Value of `Scheduler::tick` when no switch is requested.
const NO_SWITCH: i32 = 1;

/// Longest sleep or timer accepted (longer durations are clamped to it).
const MAX_SLEEP: Duration = Duration::from_secs(100 * 365 * 86_400);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GState {
    Runnable,
    Blocked,
    Dead,
}

/// What the scheduler does when it switches a goroutine in.
#[derive(Clone, Copy, Debug)]
pub enum Resume {
    /// Continue the top frame (a preempted goroutine, or a re-executed instruction).
    Continue,
    /// First run: call `stack[0]` with this many arguments above it.
    Start(usize),
    /// Complete the parked blocking builtin on top of the stack (no results).
    FinishBuiltin,
}

/// The outcome of a channel operation, delivered by the goroutine that completed it.
#[derive(Clone, Copy, Debug)]
pub struct Wake {
    pub case: u32,
    pub value: Value,
    pub ok: bool,
    /// The channel was closed while this goroutine was blocked sending on it.
    pub send_closed: bool,
}

impl Wake {
    fn received(case: u32, value: Value, ok: bool) -> Wake {
        Wake { case, value, ok, send_closed: false }
    }
    fn sent(case: u32) -> Wake {
        Wake { case, value: Value::NIL, ok: true, send_closed: false }
    }
}

pub struct Goroutine {
    /// User-visible number (main = 1).
    pub id: u64,
    pub main: Gc<Thread>,
    /// Innermost running thread (valid while switched out).
    pub current: Gc<Thread>,
    /// Saved `Vm::rust_depth` (coroutine nesting counts there).
    pub rust_depth: u32,
    pub state: GState,
    pub resume: Resume,
    /// Sequence number of the current park (identifies live waiters).
    pub park_seq: u64,
    pub wake: Option<Wake>,
    /// Channels on which this goroutine registered waiters for the current park.
    pub waiting_on: Vec<Gc<Channel>>,
}

enum TimerKind {
    Sleep { slot: u32, seq: u64 },
    After(Gc<Channel>),
}

struct Timer {
    deadline: Instant,
    seq: u64,
    kind: TimerKind,
}

impl PartialEq for Timer {
    fn eq(&self, other: &Self) -> bool {
        (self.deadline, self.seq) == (other.deadline, other.seq)
    }
}
impl Eq for Timer {}
impl PartialOrd for Timer {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Timer {
    /// Reversed, so that `BinaryHeap` (a max-heap) pops the earliest deadline first.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (other.deadline, other.seq).cmp(&(self.deadline, self.seq))
    }
}

/// Native state of a `sync` library object (see `stdlib/sync.rs`).
pub enum SyncObj {
    Mutex { locked: bool, waiters: VecDeque<(u32, u64)> },
    WaitGroup { count: i64, waiters: Vec<(u32, u64)> },
}

pub struct Scheduler {
    /// Zero (or less) when the dispatch loop must call `sched_point` (module header).
    pub tick: i32,
    /// Number of active `Vm::call`s; goroutines switch only at depth <= 1.
    pub call_depth: u32,
    gs: Vec<Option<Goroutine>>,
    free: Vec<u32>,
    runq: VecDeque<u32>,
    timers: BinaryHeap<Timer>,
    /// Slot of the running goroutine.
    running: u32,
    next_id: u64,
    next_seq: u64,
    rng: u64,
    /// Set by `park_builtin` for `call_blocking_native`.
    parked_builtin: bool,
    /// Native state of `sync` objects, keyed by table address.
    pub sync_objects: HashMap<usize, SyncObj>,
    /// Metatables of `sync.Mutex` and `sync.WaitGroup` objects (GC roots).
    pub mutex_meta: Option<Gc<Table>>,
    pub waitgroup_meta: Option<Gc<Table>>,
}

impl Scheduler {
    pub fn new(main_thread: Gc<Thread>) -> Scheduler {
        let main = Goroutine {
            id: 1,
            main: main_thread,
            current: main_thread,
            rust_depth: 1,
            state: GState::Runnable,
            resume: Resume::Continue,
            park_seq: 0,
            wake: None,
            waiting_on: Vec::new(),
        };
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x9E37_79B9_7F4A_7C15);
        Scheduler {
            tick: NO_SWITCH,
            call_depth: 0,
            gs: vec![Some(main)],
            free: Vec::new(),
            runq: VecDeque::new(),
            timers: BinaryHeap::new(),
            running: 0,
            next_id: 2,
            next_seq: 1,
            rng: seed | 1,
            parked_builtin: false,
            sync_objects: HashMap::new(),
            mutex_meta: None,
            waitgroup_meta: None,
        }
    }

    /// A uniformly distributed index below `n` (n > 0), from a per-VM splitmix64.
    fn random_below(&mut self, n: usize) -> usize {
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        ((z as u128 * n as u128) >> 64) as usize
    }

    fn seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    fn g(&mut self, slot: u32) -> Option<&mut Goroutine> {
        self.gs.get_mut(slot as usize).and_then(|g| g.as_mut())
    }

    /// The running goroutine.
    fn running_g(&mut self) -> &mut Goroutine {
        let slot = self.running as usize;
        self.gs[slot].as_mut().expect("the running goroutine exists")
    }

    /// True if the waiter's goroutine is still parked by that same park.
    pub fn is_live(&self, slot: u32, seq: u64) -> bool {
        matches!(self.gs.get(slot as usize), Some(Some(g)) if g.state == GState::Blocked && g.park_seq == seq)
    }

    /// Makes a parked goroutine runnable with `wake` as its outcome. False if the waiter
    /// is stale.
    pub fn wake(&mut self, slot: u32, seq: u64, wake: Option<Wake>) -> bool {
        match self.g(slot) {
            Some(g) if g.state == GState::Blocked && g.park_seq == seq => {
                g.wake = wake;
                g.state = GState::Runnable;
                self.runq.push_back(slot);
                true
            }
            _ => false,
        }
    }

    /// User-visible number of the running goroutine.
    pub fn running_id(&self) -> u64 {
        match self.gs.get(self.running as usize) {
            Some(Some(g)) => g.id,
            _ => 0,
        }
    }

    /// A top-level run starts (a host's `Vm::call` at depth 0): if no goroutine survives
    /// from an earlier run, goroutines are numbered from 2 again, so that each run of an
    /// embedding host numbers them like a program (spec 9.8).
    pub fn begin_run(&mut self) {
        if self.live_count() == 1 {
            self.next_id = 2;
        }
    }

    /// Number of goroutines that have not finished (including main).
    pub fn live_count(&self) -> usize {
        self.gs.len() - self.free.len()
    }

    fn free_slot(&mut self, slot: u32) {
        if let Some(s) = self.gs.get_mut(slot as usize) {
            if s.take().is_some() {
                self.free.push(slot);
            }
        }
    }

    fn add_timer(&mut self, seconds: f64, kind: TimerKind) {
        let d = Duration::try_from_secs_f64(seconds.max(0.0)).unwrap_or(MAX_SLEEP).min(MAX_SLEEP);
        let now = Instant::now();
        let deadline = now.checked_add(d).unwrap_or(now + Duration::from_secs(86_400));
        let seq = self.seq();
        self.timers.push(Timer { deadline, seq, kind });
    }
}

/// Outcome of a non-blocking send attempt.
enum SendTry {
    Sent,
    Closed,
    WouldBlock,
}

impl Vm {
    // ---------------------------------------------------------------- parking

    /// Error if the running goroutine cannot be switched out here (inside a Rust
    /// re-entry; see the module header).
    fn check_can_block(&mut self, builtin: bool) -> Result<(), RtError> {
        if self.sched.call_depth <= 1 {
            return Ok(());
        }
        let msg = "attempt to block across a builtin call boundary";
        Err(if builtin { self.rt_error(msg) } else { self.error_here(msg) })
    }

    /// Parks the running goroutine; the dispatch loop switches at its next iteration.
    fn park(&mut self, resume: Resume) -> u64 {
        let seq = self.sched.seq();
        let g = self.sched.running_g();
        g.state = GState::Blocked;
        g.park_seq = seq;
        g.resume = resume;
        g.wake = None;
        self.sched.tick = 0;
        seq
    }

    /// Parks at the instruction just executed: pc goes back to it (re-executed on wake).
    fn park_instruction(&mut self) -> u64 {
        let mut th = self.current;
        if let Some(f) = th.frames.last_mut() {
            f.pc = f.pc.saturating_sub(1);
        }
        self.park(Resume::Continue)
    }

    /// Called by a blocking builtin (`NativeKind::Blocking`) that must wait: parks the
    /// goroutine with the builtin's frame on top. The builtin then returns `Ok(0)`.
    /// Returns (slot, park sequence) for the builtin's wait queue.
    pub fn park_builtin(&mut self) -> Result<(u32, u64), RtError> {
        self.check_can_block(true)?;
        let seq = self.park(Resume::FinishBuiltin);
        self.sched.parked_builtin = true;
        Ok((self.sched.running, seq))
    }

    /// `time.sleep`: parks the running goroutine for `seconds` (a blocking builtin).
    pub fn sleep_builtin(&mut self, seconds: f64) -> Result<(), RtError> {
        if seconds.is_nan() || seconds <= 0.0 {
            return Ok(());
        }
        let (slot, seq) = self.park_builtin()?;
        self.sched.add_timer(seconds, TimerKind::Sleep { slot, seq });
        Ok(())
    }

    /// `time.after`: a channel of capacity 1 that receives `time.now()` once.
    pub fn after_channel(&mut self, seconds: f64) -> Value {
        let ch = self.heap.alloc(Channel::new(1), 0);
        let s = if seconds.is_nan() { 0.0 } else { seconds };
        self.sched.add_timer(s, TimerKind::After(ch));
        Vm::object_value(ch)
    }

    /// Takes the outcome delivered to the running goroutine by its waker, if any.
    fn take_wake(&mut self) -> Option<Wake> {
        let slot = self.sched.running;
        let g = self.sched.running_g();
        let w = g.wake.take()?;
        let chans = std::mem::take(&mut g.waiting_on);
        let seq = g.park_seq;
        for mut c in chans {
            c.remove_waiters(slot, seq);
        }
        Some(w)
    }

    // ---------------------------------------------------------------- blocking builtins

    /// Calls a `NativeKind::Blocking` builtin: like an ordinary builtin call, except that
    /// if the builtin parked the goroutine its frame stays on the stack until wake-up.
    pub fn call_blocking_native(&mut self, func: usize, nargs: usize, want: i32, frame_flags: u16, n: Gc<Native>) -> Result<Flow, RtError> {
        self.push_native_frame(func, nargs, want, frame_flags)?;
        self.sched.parked_builtin = false;
        let nres = (n.func)(self, Args { base: func + 1, count: nargs })?;
        if std::mem::take(&mut self.sched.parked_builtin) {
            return Ok(Flow::Enter);
        }
        let th = self.current;
        let src = th.top - nres;
        self.finish_frame(src, nres)
    }

    // ---------------------------------------------------------------- goroutine lifecycle

    /// `finish_frame` popped a `GOROUTINE_BASE` frame: the goroutine is finished.
    pub fn goroutine_finished(&mut self) -> Result<Flow, RtError> {
        let g = self.sched.running_g();
        g.state = GState::Dead;
        self.sched.tick = 0;
        Ok(Flow::Enter)
    }

    /// An error unwound through a `GOROUTINE_BASE` frame: the whole run ends (spec 9.8).
    /// The error becomes fatal (uncatchable, no further deferred calls) with the
    /// traceback header `stack traceback (goroutine N):`; it leaves the dispatch loop and
    /// the top-level `Vm::call`, which resets the scheduler (`sched_abort`). The CLI
    /// reports it and exits with status 2; an embedding host gets an ordinary error.
    pub fn goroutine_died(&mut self, mut e: RtError) -> Result<Flow, RtError> {
        let id = self.sched.running_id();
        if let Some(tb) = e.traceback.take() {
            e.traceback = Some(tb.replacen("stack traceback:", &format!("stack traceback (goroutine {}):", id), 1));
        }
        e.fatal = Some(Fatal::GoroutineDied { id });
        Err(e)
    }

    /// Every goroutine is blocked and no timer can wake one (spec 11.6): a fatal error.
    fn deadlock(&mut self) -> RtError {
        let mut e = self.plain_error(DEADLOCK_MESSAGE);
        e.fatal = Some(Fatal::Deadlock);
        e
    }

    /// Called by the top-level `Vm::call` (call depth 1) when a fatal error ended its run:
    /// makes the VM usable again as if only the main goroutine had ever run, and as if the
    /// call had never been made on it. `entry` is the thread the call started on and
    /// `depth` its frame count then.
    ///
    /// * Every other goroutine is dropped without running its deferred calls (spec 9.8):
    ///   its threads (and the coroutines it was running) become dead, their open upvalues
    ///   are closed (escaped closures keep the current values), its waiters on channels
    ///   and `sync` objects become stale (parks are identified by sequence numbers, and
    ///   stale waiters are skipped and dropped lazily).
    ///   Channels keep their buffers; a mutex locked by a dropped goroutine stays locked
    ///   (mutexes have no owner, as in Go).
    /// * The main goroutine loses the frames above `depth` (again without deferred calls)
    ///   and any coroutines it was running, and becomes runnable with no pending park.
    /// * All timers are dropped, `time.after` ones included (their channels never
    ///   receive): a pending timer would otherwise make a later deadlock wait for it.
    pub fn sched_abort(&mut self, entry: Gc<Thread>, depth: usize) {
        let running = self.sched.running;
        for slot in 0..self.sched.gs.len() {
            let Some(g) = self.sched.gs[slot].as_mut() else { continue };
            let top = if slot as u32 == running { self.current } else { g.current };
            let (main, waiting_on, park_seq) = (g.main, std::mem::take(&mut g.waiting_on), g.park_seq);
            for mut c in waiting_on {
                c.remove_waiters(slot as u32, park_seq);
            }
            // Coroutines this goroutine was running, innermost first.
            let mut t = top;
            while !t.is_main {
                let next = t.resumer.take();
                kill_thread(t);
                match next {
                    Some(n) => t = n,
                    None => break,
                }
            }
            if slot != 0 {
                kill_thread(main);
            }
        }
        let mut th = entry;
        if depth < th.frames.len() {
            let level = th.frames[depth].func;
            let dropped_protected = th.frames[depth..].iter().filter(|f| f.flags & (flags::PCALL | flags::XPCALL) != 0).count();
            th.frames.truncate(depth);
            th.close_upvalues(level);
            th.protected = th.protected.saturating_sub(dropped_protected as u32);
        }
        th.unwinding = None;
        th.status = crate::thread::CoStatus::Running;
        th.resumer = None;
        let s = &mut self.sched;
        for slot in 1..s.gs.len() {
            s.gs[slot] = None;
        }
        s.gs.truncate(1);
        s.free.clear();
        s.runq.clear();
        s.timers.clear();
        s.running = 0;
        s.next_id = 2;
        s.parked_builtin = false;
        s.tick = NO_SWITCH;
        if let Some(g) = s.gs[0].as_mut() {
            g.current = entry;
            g.state = GState::Runnable;
            g.resume = Resume::Continue;
            g.wake = None;
        }
        self.current = entry;
    }

    // ---------------------------------------------------------------- the scheduling point

    /// Preemption check (from `run_hooks`): fires due timers; if another goroutine is
    /// runnable, requests a switch at the dispatch loop's next scheduling point.
    pub fn sched_preempt(&mut self) -> Result<Flow, RtError> {
        if self.sched.call_depth > 1 || (self.sched.gs.len() == 1 && self.sched.timers.is_empty()) {
            return Ok(Flow::Done);
        }
        if !self.sched.timers.is_empty() {
            self.fire_due_timers();
        }
        if self.sched.runq.is_empty() {
            return Ok(Flow::Done);
        }
        self.sched.tick = 0;
        Ok(Flow::Enter)
    }

    /// Called by the dispatch loop when a switch was requested: fires due timers and, if the
    /// running goroutine is blocked, dead or has used up its time slice while others are
    /// runnable, switches to the next runnable goroutine.
    pub fn sched_point(&mut self) -> Result<Flow, RtError> {
        self.sched.tick = NO_SWITCH;
        if self.sched.call_depth > 1 {
            // Inside a Rust re-entry: no switching (blocking was refused there).
            return Ok(Flow::Done);
        }
        if !self.sched.timers.is_empty() {
            self.fire_due_timers();
        }
        let cur = self.sched.running;
        let state = self.sched.running_g().state;
        if state == GState::Runnable && self.sched.runq.is_empty() {
            return Ok(Flow::Done);
        }
        self.switch_out(cur);
        loop {
            let Some(next) = self.sched.runq.pop_front() else {
                self.wait_for_timers()?;
                continue;
            };
            let Some(g) = self.sched.g(next) else { continue };
            if g.state != GState::Runnable {
                continue;
            }
            let (thread, depth) = (g.current, g.rust_depth);
            let resume = std::mem::replace(&mut g.resume, Resume::Continue);
            self.sched.running = next;
            self.current = thread;
            self.rust_depth = depth;
            let r = match resume {
                Resume::Continue => return Ok(Flow::Enter),
                Resume::Start(nargs) => self.precall(0, nargs, 0, flags::GOROUTINE_BASE),
                Resume::FinishBuiltin => {
                    let src = self.current.top;
                    self.finish_frame(src, 0)
                }
            };
            match r {
                Ok(Flow::Exit) => return Ok(Flow::Exit),
                Ok(_) => {}
                Err(e) => {
                    if self.current.frames.is_empty() {
                        // Failed before its frame existed (e.g. stack overflow).
                        return self.goroutine_died(e);
                    }
                    return Err(e);
                }
            }
            // A builtin body may have finished or blocked already.
            if self.sched.running_g().state == GState::Runnable {
                self.sched.tick = NO_SWITCH;
                return Ok(Flow::Enter);
            }
            self.switch_out(next);
        }
    }

    /// Saves the running goroutine's state (or frees it if dead).
    fn switch_out(&mut self, slot: u32) {
        let (current, depth) = (self.current, self.rust_depth);
        let Some(g) = self.sched.g(slot) else { return };
        match g.state {
            GState::Dead => self.sched.free_slot(slot),
            GState::Runnable => {
                g.current = current;
                g.rust_depth = depth;
                self.sched.runq.push_back(slot);
            }
            GState::Blocked => {
                g.current = current;
                g.rust_depth = depth;
            }
        }
    }

    /// Nothing is runnable: sleep until the earliest timer and fire it, or report the
    /// deadlock if there is no timer. An interrupt during the sleep ends the run.
    fn wait_for_timers(&mut self) -> Result<(), RtError> {
        let Some(deadline) = self.sched.timers.peek().map(|t| t.deadline) else {
            return Err(self.deadlock());
        };
        let mut now = Instant::now();
        if deadline > now {
            self.flush_stdout();
        }
        // In slices, so that an interrupt from the host ends a long wait.
        while deadline > now {
            if self.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
                let mut e = self.plain_error("interrupted");
                e.fatal = Some(Fatal::Interrupted);
                return Err(e);
            }
            std::thread::sleep((deadline - now).min(TIMER_WAIT_SLICE));
            now = Instant::now();
        }
        self.fire_due_timers();
        Ok(())
    }

    /// Fires every timer whose deadline has passed, in deadline order.
    fn fire_due_timers(&mut self) {
        let now = Instant::now();
        while self.sched.timers.peek().is_some_and(|t| t.deadline <= now) {
            let Some(t) = self.sched.timers.pop() else { break };
            match t.kind {
                TimerKind::Sleep { slot, seq } => {
                    self.sched.wake(slot, seq, None);
                }
                TimerKind::After(ch) => {
                    let v = self.time_now_value();
                    let _ = self.try_send(ch, v);
                }
            }
        }
    }

    /// The value of `time.now()`, from the time module's builtin (never a script
    /// function: this runs inside the scheduler). Falls back to epoch seconds.
    fn time_now_value(&mut self) -> Value {
        let time = self.get_field(self.globals, "time");
        if let Some(t) = value_as::<Table>(time) {
            let now = self.get_field(t, "now");
            if value_as::<Native>(now).is_some_and(|n| n.kind == crate::function::NativeKind::Normal) {
                let mut th = self.current;
                let saved_top = th.top;
                let r = self.call(now, &[]);
                th.top = saved_top;
                if let Some(&v) = r.ok().as_ref().and_then(|vals| vals.first()) {
                    return v;
                }
            }
        }
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0);
        Value::float(secs)
    }

    // ---------------------------------------------------------------- channel core

    /// Sends without blocking: to a waiting receiver, or into the buffer.
    fn try_send(&mut self, mut ch: Gc<Channel>, v: Value) -> SendTry {
        if ch.closed {
            return SendTry::Closed;
        }
        while let Some(w) = ch.recvq.pop_front() {
            if self.sched.wake(w.slot, w.seq, Some(Wake::received(w.case, v, true))) {
                return SendTry::Sent;
            }
        }
        if ch.buffer.len() < ch.cap {
            ch.push_buffer(v);
            return SendTry::Sent;
        }
        SendTry::WouldBlock
    }

    /// Receives without blocking: `Some((value, ok))`, or None if it would block.
    fn try_recv(&mut self, mut ch: Gc<Channel>) -> Option<(Value, bool)> {
        if let Some(v) = ch.buffer.pop_front() {
            // Room freed: the first waiting sender's value moves into the buffer.
            while let Some(w) = ch.sendq.pop_front() {
                if self.sched.wake(w.slot, w.seq, Some(Wake::sent(w.case))) {
                    ch.push_buffer(w.value);
                    break;
                }
            }
            return Some((v, true));
        }
        while let Some(w) = ch.sendq.pop_front() {
            if self.sched.wake(w.slot, w.seq, Some(Wake::sent(w.case))) {
                return Some((w.value, true));
            }
        }
        if ch.closed {
            return Some((Value::NIL, false));
        }
        None
    }

    /// Drops stale waiters at the front of a queue; true if a live one remains.
    fn has_live_waiter(&self, q: &mut VecDeque<Waiter>) -> bool {
        while let Some(w) = q.front() {
            if self.sched.is_live(w.slot, w.seq) {
                return true;
            }
            q.pop_front();
        }
        false
    }

    fn can_send(&self, mut ch: Gc<Channel>) -> bool {
        ch.closed || ch.buffer.len() < ch.cap || self.has_live_waiter(&mut ch.recvq)
    }

    fn can_recv(&self, mut ch: Gc<Channel>) -> bool {
        !ch.buffer.is_empty() || ch.closed || self.has_live_waiter(&mut ch.sendq)
    }

    /// `close(ch)` (spec 11.4): receivers get nil, false; blocked senders raise.
    pub fn close_channel(&mut self, mut ch: Gc<Channel>) -> Result<(), RtError> {
        if ch.closed {
            return Err(self.rt_error("close of closed channel"));
        }
        ch.closed = true;
        while let Some(w) = ch.recvq.pop_front() {
            self.sched.wake(w.slot, w.seq, Some(Wake::received(w.case, Value::NIL, false)));
        }
        while let Some(w) = ch.sendq.pop_front() {
            let wake = Wake { case: w.case, value: Value::NIL, ok: false, send_closed: true };
            self.sched.wake(w.slot, w.seq, Some(wake));
        }
        Ok(())
    }

    /// Registers the running goroutine (parked with `seq`) as a waiter on `ch`. A
    /// `select` also records the channel, to remove its other waiters once one case
    /// fires (a plain operation's only waiter is removed by the goroutine that wakes it).
    fn add_waiter(&mut self, mut ch: Gc<Channel>, seq: u64, case: u32, send: Option<Value>, select: bool) {
        let slot = self.sched.running;
        let w = Waiter { slot, seq, case, value: send.unwrap_or(Value::NIL) };
        if send.is_some() {
            ch.sendq.push_back(w);
        } else {
            ch.recvq.push_back(w);
        }
        if select {
            self.sched.running_g().waiting_on.push(ch);
        }
    }

    /// A channel operand: Ok(Some) for a channel, Ok(None) for nil, else the 11.4 error.
    fn channel_operand(&mut self, v: Value, send: bool) -> Result<Option<Gc<Channel>>, RtError> {
        if let Some(c) = value_as::<Channel>(v) {
            return Ok(Some(c));
        }
        if v.is_nil() {
            return Ok(None);
        }
        let tn = self.type_name_for_msg(v);
        let what = if send { "send to" } else { "receive from" };
        Err(self.error_here(&format!("attempt to {} a {} value", what, tn)))
    }

    // ---------------------------------------------------------------- instructions

    /// GO, MAKECHAN, SEND, RECV and SELECT.
    pub fn concurrency_op(&mut self, i: Instr, base: usize) -> Result<Flow, RtError> {
        match i.op() {
            Op::GO => self.op_go(i, base),
            Op::MAKECHAN => self.op_makechan(i, base),
            Op::SEND => self.op_send(base + i.a(), base + i.b()),
            Op::RECV => self.op_recv(base + i.a(), base + i.b(), i.c() == 1),
            Op::SELECT => self.op_select(i, base),
            _ => Ok(Flow::Done),
        }
    }

    fn op_go(&mut self, i: Instr, base: usize) -> Result<Flow, RtError> {
        let th = self.current;
        let func = base + i.a();
        let nargs = if i.b() == 0 { th.top.saturating_sub(func + 1) } else { i.b() - 1 };
        let f = th.stack[func];
        if !f.is_function() && self.metamethod(f, Tm::Call).is_nil() {
            return Err(self.call_error(func, f));
        }
        let mut t = Thread::new(true);
        // Small initial stack and frame list: most goroutines are short and shallow, and
        // both grow on demand (100,000 parked goroutines stay well under 100 MB).
        t.stack = vec![Value::NIL; nargs + 8];
        t.frames = Vec::with_capacity(2);
        t.stack[..=nargs].copy_from_slice(&th.stack[func..=func + nargs]);
        t.top = nargs + 1;
        let bytes = (nargs + 8) * std::mem::size_of::<Value>();
        let nt = self.heap.alloc(t, bytes);
        let s = &mut self.sched;
        let id = s.next_id;
        s.next_id += 1;
        let g = Goroutine {
            id,
            main: nt,
            current: nt,
            rust_depth: 1,
            state: GState::Runnable,
            resume: Resume::Start(nargs),
            park_seq: 0,
            wake: None,
            waiting_on: Vec::new(),
        };
        let slot = match s.free.pop() {
            Some(slot) => {
                s.gs[slot as usize] = Some(g);
                slot
            }
            None => {
                s.gs.push(Some(g));
                (s.gs.len() - 1) as u32
            }
        };
        s.runq.push_back(slot);
        Ok(Flow::Done)
    }

    fn op_makechan(&mut self, i: Instr, base: usize) -> Result<Flow, RtError> {
        let cap = if i.c() == 0 {
            0
        } else {
            match channel_capacity(self.current.stack[base + i.b()]) {
                Some(c) => c,
                None => return Err(self.error_here("invalid channel capacity")),
            }
        };
        let ch = self.heap.alloc(Channel::new(cap), 0);
        let mut th = self.current;
        th.stack[base + i.a()] = Vm::object_value(ch);
        Ok(Flow::Done)
    }

    fn op_send(&mut self, ra: usize, rb: usize) -> Result<Flow, RtError> {
        if let Some(w) = self.take_wake() {
            if w.send_closed {
                return Err(self.error_here("send on closed channel"));
            }
            return Ok(Flow::Done);
        }
        let (chv, v) = (self.current.stack[ra], self.current.stack[rb]);
        let ch = self.channel_operand(chv, true)?;
        let Some(ch) = ch else {
            self.check_can_block(false)?;
            self.park_instruction();
            return Ok(Flow::Enter);
        };
        match self.try_send(ch, v) {
            SendTry::Sent => Ok(Flow::Done),
            SendTry::Closed => Err(self.error_here("send on closed channel")),
            SendTry::WouldBlock => {
                self.check_can_block(false)?;
                let seq = self.park_instruction();
                self.add_waiter(ch, seq, 0, Some(v), false);
                Ok(Flow::Enter)
            }
        }
    }

    fn op_recv(&mut self, ra: usize, rb: usize, with_ok: bool) -> Result<Flow, RtError> {
        let outcome = match self.take_wake() {
            Some(w) => Some((w.value, w.ok)),
            None => {
                let chv = self.current.stack[rb];
                match self.channel_operand(chv, false)? {
                    Some(ch) => {
                        let r = self.try_recv(ch);
                        if r.is_none() {
                            self.check_can_block(false)?;
                            let seq = self.park_instruction();
                            self.add_waiter(ch, seq, 0, None, false);
                        }
                        r
                    }
                    None => {
                        self.check_can_block(false)?;
                        self.park_instruction();
                        None
                    }
                }
            }
        };
        let Some((v, ok)) = outcome else { return Ok(Flow::Enter) };
        let mut th = self.current;
        th.stack[ra] = v;
        if with_ok {
            th.stack[ra + 1] = Value::bool(ok);
        }
        Ok(Flow::Done)
    }

    /// The send mask of the SELECT at the top frame's pc - 1 (its EXTRAARG is at pc).
    fn select_send_mask(&self) -> u64 {
        let th = &self.current;
        let Some(f) = th.frames.last() else { return 0 };
        let Some(c) = f.closure else { return 0 };
        let Some(extra) = c.proto.code.get(f.pc) else { return 0 };
        let k = extra.ax_field();
        c.proto.constants.get(k).and_then(|v| v.as_int()).unwrap_or(0) as u64
    }

    fn op_select(&mut self, i: Instr, base: usize) -> Result<Flow, RtError> {
        let a = base + i.a();
        let ncases = i.b();
        let has_default = i.c() == 1;
        if let Some(w) = self.take_wake() {
            if w.send_closed {
                return Err(self.error_here("send on closed channel"));
            }
            self.select_result(a, w.case as usize, w.value, w.ok);
            return Ok(Flow::Done);
        }
        let mask = self.select_send_mask();
        // 1. Operands, in source order.
        let mut cases: Vec<(Option<Gc<Channel>>, bool, Value)> = Vec::with_capacity(ncases);
        for c in 0..ncases {
            let is_send = c < 64 && mask & (1 << c) != 0;
            let (chv, v) = (self.current.stack[a + 2 * c], self.current.stack[a + 2 * c + 1]);
            let ch = self.channel_operand(chv, is_send)?;
            cases.push((ch, is_send, v));
        }
        // 2. Cases that can proceed; 3. one chosen uniformly at random.
        let ready: Vec<usize> = (0..ncases)
            .filter(|&c| match cases[c] {
                (Some(ch), true, _) => self.can_send(ch),
                (Some(ch), false, _) => self.can_recv(ch),
                (None, _, _) => false,
            })
            .collect();
        if !ready.is_empty() {
            let c = ready[self.sched.random_below(ready.len())];
            let (ch, is_send, v) = cases[c];
            let Some(ch) = ch else { return Ok(Flow::Done) };
            if is_send {
                match self.try_send(ch, v) {
                    SendTry::Closed => return Err(self.error_here("send on closed channel")),
                    SendTry::Sent | SendTry::WouldBlock => self.select_result(a, c, Value::NIL, true),
                }
            } else {
                let (v, ok) = self.try_recv(ch).unwrap_or((Value::NIL, false));
                self.select_result(a, c, v, ok);
            }
            return Ok(Flow::Done);
        }
        if has_default {
            self.select_result(a, ncases, Value::NIL, false);
            return Ok(Flow::Done);
        }
        // Block until a case can proceed (select {} and all-nil selects: forever).
        self.check_can_block(false)?;
        let seq = self.park_instruction();
        for (c, &(ch, is_send, v)) in cases.iter().enumerate() {
            if let Some(ch) = ch {
                self.add_waiter(ch, seq, c as u32, if is_send { Some(v) } else { None }, true);
            }
        }
        Ok(Flow::Enter)
    }

    fn select_result(&mut self, a: usize, case: usize, v: Value, ok: bool) {
        let mut th = self.current;
        th.stack[a] = Value::inline_int(case as i64);
        th.stack[a + 1] = v;
        th.stack[a + 2] = Value::bool(ok);
    }

    /// Next value of a `range` over a channel into R[A+3]: Some(true) with a value,
    /// Some(false) when closed and drained, None when the goroutine parked (the
    /// RANGECALL is re-executed on wake-up).
    pub fn range_channel_next(&mut self, ra: usize, nvars: usize) -> Result<Option<bool>, RtError> {
        let _ = nvars;
        let outcome = match self.take_wake() {
            Some(w) => Some((w.value, w.ok)),
            None => {
                let Some(ch) = value_as::<Channel>(self.current.stack[ra + 1]) else { return Ok(Some(false)) };
                let r = self.try_recv(ch);
                if r.is_none() {
                    self.check_can_block(false)?;
                    let seq = self.park_instruction();
                    self.add_waiter(ch, seq, 0, None, false);
                    return Ok(None);
                }
                r
            }
        };
        match outcome {
            Some((v, true)) => {
                let mut th = self.current;
                th.stack[ra + 3] = v;
                Ok(Some(true))
            }
            _ => Ok(Some(false)),
        }
    }

    // ---------------------------------------------------------------- GC

    /// Marks everything the scheduler keeps alive (see the module header).
    pub fn sched_mark_roots(&mut self) {
        let mut roots: Vec<Value> = Vec::new();
        for g in self.sched.gs.iter().flatten() {
            roots.push(Vm::object_value(g.main));
            roots.push(Vm::object_value(g.current));
            if let Some(w) = g.wake {
                roots.push(w.value);
            }
            for &c in &g.waiting_on {
                roots.push(Vm::object_value(c));
            }
        }
        for t in self.sched.timers.iter() {
            if let TimerKind::After(c) = t.kind {
                roots.push(Vm::object_value(c));
            }
        }
        for m in [self.sched.mutex_meta, self.sched.waitgroup_meta].into_iter().flatten() {
            roots.push(Vm::table_value(m));
        }
        for v in roots {
            self.heap.mark_value(v);
        }
    }

    /// After tracing, before sweeping: drops the native state of dead `sync` objects.
    pub fn sched_sweep_weak(&mut self) {
        self.sched.sync_objects.retain(|&addr, _| {
            // SAFETY: keys are addresses of tables that were alive at the last collection
            // (entries are removed here in the same collection that frees the table), so
            // the header is still allocated while tracing has just finished.
            unsafe { (*(addr as *const crate::object::GcHeader)).marked }
        });
    }

    // ---------------------------------------------------------------- sync objects

    /// The native state of a `sync` object table, if it is one.
    pub fn sync_object(&mut self, t: Gc<Table>) -> Option<&mut SyncObj> {
        self.sched.sync_objects.get_mut(&t.addr())
    }

    /// Wakes one live waiter of a list (FIFO); false if none.
    pub fn wake_one(&mut self, waiters: &mut VecDeque<(u32, u64)>) -> bool {
        while let Some((slot, seq)) = waiters.pop_front() {
            if self.sched.wake(slot, seq, None) {
                return true;
            }
        }
        false
    }

    /// Wakes every live waiter of a list.
    pub fn wake_all(&mut self, waiters: Vec<(u32, u64)>) {
        for (slot, seq) in waiters {
            self.sched.wake(slot, seq, None);
        }
    }
}

/// Capacity operand of `make(chan, n)`: an integer >= 0 or a float with such a value.
fn channel_capacity(v: Value) -> Option<usize> {
    if let Some(i) = v.as_int() {
        return usize::try_from(i).ok();
    }
    let f = v.as_float()?;
    if f >= 0.0 && f.fract() == 0.0 && f < 9.2e18 {
        return Some(f as usize);
    }
    None
}

/// Ends a thread that will never run again: dead, no frames, open upvalues closed.
fn kill_thread(mut t: Gc<Thread>) {
    t.status = crate::thread::CoStatus::Dead;
    t.frames.clear();
    t.close_all_upvalues();
    t.top = 0;
    t.unwinding = None;
    t.resumer = None;
    t.protected = 0;
    t.non_yieldable = 0;
}
