//! Channels (spec 11.4): a FIFO buffer of capacity `cap` (0 = unbuffered), a closed
//! flag, and the goroutines waiting to send or receive, in arrival order. The scheduler
//! that blocks and wakes goroutines lives in `sched.rs`; this file only holds the data.
//!
//! A [`Waiter`] names a parked goroutine by its scheduler slot and the sequence number
//! of the park (`seq`). A waiter is *live* only while that goroutine is still parked
//! with that same sequence number; a `select` registers one waiter per case, and once
//! one case fires the others become stale. Stale waiters are skipped (and dropped) by
//! whoever meets them, and the woken `select` removes its own leftovers eagerly
//! (`Channel::remove_waiters`), so queues do not grow with abandoned waits.

use crate::object::{GcHeader, HeapObject, ObjKind};
use crate::value::Value;
use std::collections::VecDeque;

/// A goroutine parked on a channel operation.
#[derive(Clone, Copy, Debug)]
pub struct Waiter {
    /// Scheduler slot of the goroutine.
    pub slot: u32,
    /// Sequence number of the park (see the module header).
    pub seq: u64,
    /// The `select` case index (0 for a plain send/receive).
    pub case: u32,
    /// The value to send (send waiters only).
    pub value: Value,
}

#[repr(C)]
pub struct Channel {
    pub header: GcHeader,
    pub buffer: VecDeque<Value>,
    pub cap: usize,
    pub closed: bool,
    /// Goroutines blocked receiving, first come first served.
    pub recvq: VecDeque<Waiter>,
    /// Goroutines blocked sending (with their values), first come first served.
    pub sendq: VecDeque<Waiter>,
}
impl HeapObject for Channel {
    const KIND: ObjKind = ObjKind::Channel;
}

impl Channel {
    pub fn new(cap: usize) -> Channel {
        Channel {
            header: GcHeader::new(ObjKind::Channel),
            buffer: VecDeque::new(),
            cap,
            closed: false,
            recvq: VecDeque::new(),
            sendq: VecDeque::new(),
        }
    }

    /// Appends to the buffer, reporting buffer growth to the GC accounting.
    pub fn push_buffer(&mut self, v: Value) {
        let before = self.buffer.capacity();
        self.buffer.push_back(v);
        let after = self.buffer.capacity();
        if after > before {
            crate::gc::account((after - before) * std::mem::size_of::<Value>());
        }
    }

    /// Removes every waiter of the park (`slot`, `seq`) from both queues.
    pub fn remove_waiters(&mut self, slot: u32, seq: u64) {
        self.recvq.retain(|w| !(w.slot == slot && w.seq == seq));
        self.sendq.retain(|w| !(w.slot == slot && w.seq == seq));
    }

    /// Every value the channel keeps alive: buffered values and values of blocked senders.
    pub fn for_each_root(&self, mut f: impl FnMut(Value)) {
        for &v in &self.buffer {
            f(v);
        }
        for w in &self.sendq {
            f(w.value);
        }
    }
}
