//! Channels (spec 11.4): a FIFO buffer of capacity `cap` (0 = unbuffered), a closed
//! flag, and the goroutines waiting to send or receive. The scheduler that blocks and
//! wakes goroutines lives in `sched.rs`.

use crate::object::{GcHeader, HeapObject, ObjKind};
use crate::value::Value;
use std::collections::VecDeque;

#[repr(C)]
pub struct Channel {
    pub header: GcHeader,
    pub buffer: VecDeque<Value>,
    pub cap: usize,
    pub closed: bool,
}
impl HeapObject for Channel {
    const KIND: ObjKind = ObjKind::Channel;
}

impl Channel {
    pub fn new(cap: usize) -> Channel {
        Channel { header: GcHeader::new(ObjKind::Channel), buffer: VecDeque::new(), cap, closed: false }
    }

    pub fn for_each_root(&self, mut f: impl FnMut(Value)) {
        for &v in &self.buffer {
            f(v);
        }
    }
}
