//! x86-64 code generation from allocated IR (`dynasm-rs`).
//!
//! Frame: `rbx` = the frame's first VM register (`base`), `r12` = the [`JitCtx`]; the
//! callee-saved registers are pushed in the prologue. Scratch registers: rax, rcx, rdx,
//! r11, xmm0, xmm1. Every instruction first reads its operands into scratch registers,
//! performs its checks (jumping to the exit stub of its snapshot) and only then writes
//! its result to its location — the register allocator relies on this order.
//!
//! Exit stubs (one per snapshot) write the snapshot to the frame, then either jump to
//! the trace named by the snapshot's link-table word (exit.rs, direct links) or return
//! to the engine; values they cannot write (big integers) go through a shared routine
//! that saves all allocatable registers into the context. With exit stress on, every
//! guard first decrements `ctx.stress` and exits when it reaches zero.

use super::layout::Layout;
use crate::exit::{JitCtx, SLOAD_SLOT, SLOAD_TRUSTED};
use crate::ir::*;
use crate::regalloc::{Allocation, Loc, GPRS, XMMS};
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use std::mem::offset_of;
use vm::value::{Value, PAYLOAD_MASK, TAG_FUNC, TAG_INT, TAG_OBJ, TAG_TABLE};

const RAX: u8 = 0;
const RCX: u8 = 1;
const RDX: u8 = 2;
const R11: u8 = 11;
const RBX: u8 = 3;
const R12: u8 = 12;

pub struct Compiled {
    pub code: dynasmrt::ExecutableBuffer,
    pub entry: dynasmrt::AssemblyOffset,
    /// Entry for direct links from other traces' exit stubs: after the prologue (all
    /// traces share the same machine frame, `rbx`/`r12` are already set).
    pub link_entry: dynasmrt::AssemblyOffset,
}

/// What an exit stub needs for direct linking (exit.rs): the trace's index (stored in
/// `ctx.trace` when returning to the engine) and its link table (one word per snapshot).
#[derive(Clone, Copy)]
pub struct LinkInfo {
    pub trace: u32,
    pub table: *const u64,
}

struct Em<'a> {
    ops: dynasmrt::x64::Assembler,
    t: &'a Trace,
    alloc: &'a Allocation,
    lay: Layout,
    stress: bool,
    exits: Vec<DynamicLabel>,
    /// Shared routine: heap-boxes the int in rax (`exit::jit_box_int`), result in rax.
    box_big: DynamicLabel,
    /// Shared routine: grows the array part of the table whose pointer is in rax
    /// (`exit::jit_array_grow`).
    grow: DynamicLabel,
    /// Shared routine: a new table (`exit::jit_new_table`, sizes in rax), value in rax.
    new_table: DynamicLabel,
    /// Out-of-line big-integer paths of int type checks: (entry, back, register, exit).
    big_ints: Vec<(DynamicLabel, DynamicLabel, u8, DynamicLabel)>,
}

fn off_spill(s: u16) -> i32 {
    (offset_of!(JitCtx, spill) + s as usize * 8) as i32
}

impl<'a> Em<'a> {
    fn loc(&self, r: IrRef) -> Loc {
        self.alloc.locs[r.idx()]
    }

    /// Loads value `r` (int/tab/val, or a num's bits) into GPR `dst`.
    fn load_gpr(&mut self, dst: u8, r: IrRef) {
        let ins = self.t.get(r);
        if ins.op == Opc::K {
            let k = ins.k;
            dynasm!(self.ops ; .arch x64 ; mov Rq(dst), QWORD k);
            return;
        }
        match self.loc(r) {
            Loc::Gpr(g) => dynasm!(self.ops ; .arch x64 ; mov Rq(dst), Rq(g)),
            Loc::Xmm(x) => dynasm!(self.ops ; .arch x64 ; movq Rq(dst), Rx(x)),
            Loc::Spill(s) => {
                let o = off_spill(s);
                dynasm!(self.ops ; .arch x64 ; mov Rq(dst), QWORD [Rq(R12) + o])
            }
            Loc::None => dynasm!(self.ops ; .arch x64 ; xor Rd(dst), Rd(dst)),
        }
    }

    /// Loads num `r` into SSE register `dst` (clobbers r11 for constants).
    fn load_xmm(&mut self, dst: u8, r: IrRef) {
        let ins = self.t.get(r);
        if ins.op == Opc::K && !matches!(self.loc(r), Loc::Xmm(_)) {
            let k = ins.k;
            dynasm!(self.ops ; .arch x64 ; mov Rq(R11), QWORD k ; movq Rx(dst), Rq(R11));
            return;
        }
        match self.loc(r) {
            Loc::Xmm(x) if x == dst => {}
            Loc::Xmm(x) => dynasm!(self.ops ; .arch x64 ; movapd Rx(dst), Rx(x)),
            Loc::Gpr(g) => dynasm!(self.ops ; .arch x64 ; movq Rx(dst), Rq(g)),
            Loc::Spill(s) => {
                let o = off_spill(s);
                dynasm!(self.ops ; .arch x64 ; movq Rx(dst), QWORD [Rq(R12) + o])
            }
            Loc::None => dynasm!(self.ops ; .arch x64 ; xorpd Rx(dst), Rx(dst)),
        }
    }

    /// Stores GPR `src` as the result of instruction `i`.
    fn def_gpr(&mut self, i: usize, src: u8) {
        match self.alloc.locs[i] {
            Loc::Gpr(g) => dynasm!(self.ops ; .arch x64 ; mov Rq(g), Rq(src)),
            Loc::Xmm(x) => dynasm!(self.ops ; .arch x64 ; movq Rx(x), Rq(src)),
            Loc::Spill(s) => {
                let o = off_spill(s);
                dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(R12) + o], Rq(src))
            }
            Loc::None => {}
        }
    }

    fn def_xmm(&mut self, i: usize, src: u8) {
        match self.alloc.locs[i] {
            Loc::Xmm(x) => dynasm!(self.ops ; .arch x64 ; movapd Rx(x), Rx(src)),
            Loc::Gpr(g) => dynasm!(self.ops ; .arch x64 ; movq Rq(g), Rx(src)),
            Loc::Spill(s) => {
                let o = off_spill(s);
                dynasm!(self.ops ; .arch x64 ; movq QWORD [Rq(R12) + o], Rx(src))
            }
            Loc::None => {}
        }
    }

    /// Exit-stress check at a guard.
    fn stress_check(&mut self, exit: DynamicLabel) {
        if self.stress {
            let o = offset_of!(JitCtx, stress) as i32;
            dynasm!(self.ops ; .arch x64 ; sub QWORD [Rq(R12) + o], 1 ; jz =>exit);
        }
    }

    /// Checks that the value in `reg` has the tag of `ty` (jumps to `exit` otherwise)
    /// and converts it in place (ints are sign-extended from 48 bits; tables and values
    /// stay boxed; nums are left as bits). Clobbers rcx.
    fn check_type(&mut self, reg: u8, ty: Ty, exit: DynamicLabel) {
        match ty {
            Ty::Int => {
                // Inline int, or a heap-boxed big int (its value is loaded, out of line:
                // `big_int_paths`).
                let (big, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
                dynasm!(self.ops ; .arch x64
                    ; mov Rq(RCX), Rq(reg) ; shr Rq(RCX), 48 ; cmp Rd(RCX), TAG_INT as i32 ; jne =>big
                    ; shl Rq(reg), 16 ; sar Rq(reg), 16
                    ; =>done);
                self.big_ints.push((big, done, reg, exit));
            }
            Ty::Num => {
                let max = vm::value::FLOAT_MAX_BITS as i64;
                dynasm!(self.ops ; .arch x64 ; mov Rq(RCX), QWORD max ; cmp Rq(reg), Rq(RCX) ; ja =>exit);
            }
            Ty::Tab => {
                dynasm!(self.ops ; .arch x64
                    ; mov Rq(RCX), Rq(reg) ; shr Rq(RCX), 48 ; cmp Rd(RCX), TAG_TABLE as i32 ; jne =>exit);
            }
            _ => {}
        }
    }

    /// The out-of-line halves of `check_type(Int)`: the value (tag in ecx) is a heap box;
    /// load a `BigInt`'s value and jump back, exit for anything else.
    fn big_int_paths(&mut self) {
        let kind_off = offset_of!(vm::object::GcHeader, kind) as i32;
        let val_off = offset_of!(vm::object::BigInt, value) as i32;
        let big_kind = vm::object::ObjKind::BigInt as u8 as i8;
        for (big, done, reg, exit) in std::mem::take(&mut self.big_ints) {
            dynasm!(self.ops ; .arch x64
                ; =>big
                ; cmp Rd(RCX), TAG_OBJ as i32 ; jne =>exit
                ; shl Rq(reg), 16 ; shr Rq(reg), 16
                ; cmp BYTE [Rq(reg) + kind_off], big_kind ; jne =>exit
                ; mov Rq(reg), QWORD [Rq(reg) + val_off]
                ; jmp =>done);
        }
    }

    /// Untags the table value in `reg` into a pointer.
    fn untag(&mut self, reg: u8) {
        debug_assert_eq!(PAYLOAD_MASK, (1u64 << 48) - 1);
        dynasm!(self.ops ; .arch x64 ; shl Rq(reg), 16 ; shr Rq(reg), 16);
    }

    /// The constant of int `r` if it fits a sign-extended 32-bit immediate.
    fn imm32(&self, r: IrRef) -> Option<i32> {
        let ins = self.t.get(r);
        if ins.op == Opc::K && ins.ty == Ty::Int {
            i32::try_from(ins.k).ok()
        } else {
            None
        }
    }

    /// Boxes the int in rax into a value: inline, or (outside the inline range) a heap
    /// box allocated by the trace's `box_big` routine. Clobbers rcx, rdx, r11.
    fn box_int_rax_alloc(&mut self) {
        let mask = PAYLOAD_MASK as i64;
        let tag = (TAG_INT << 48) as i64;
        let (inline, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        let big = self.box_big;
        dynasm!(self.ops ; .arch x64
            ; mov Rq(RCX), Rq(RAX) ; shl Rq(RCX), 16 ; sar Rq(RCX), 16 ; cmp Rq(RCX), Rq(RAX) ; je =>inline
            ; call =>big ; jmp =>done
            ; =>inline
            ; mov Rq(RCX), QWORD mask ; and Rq(RAX), Rq(RCX) ; mov Rq(RCX), QWORD tag ; or Rq(RAX), Rq(RCX)
            ; =>done);
    }

    /// Boxes the int in rax into a value (exits if it is outside the inline range).
    fn box_int_rax(&mut self, exit: DynamicLabel) {
        let mask = PAYLOAD_MASK as i64;
        let tag = (TAG_INT << 48) as i64;
        dynasm!(self.ops ; .arch x64
            ; mov Rq(RCX), Rq(RAX) ; shl Rq(RCX), 16 ; sar Rq(RCX), 16 ; cmp Rq(RCX), Rq(RAX) ; jne =>exit
            ; mov Rq(RCX), QWORD mask ; and Rq(RAX), Rq(RCX) ; mov Rq(RCX), QWORD tag ; or Rq(RAX), Rq(RCX));
    }

    /// Copies location `src` to location `dst` (any classes; rcx/xmm1 for memory to
    /// memory).
    fn mov_loc(&mut self, dst: Loc, src: Loc) {
        match (dst, src) {
            (Loc::Gpr(d), Loc::Gpr(s)) => dynasm!(self.ops ; .arch x64 ; mov Rq(d), Rq(s)),
            (Loc::Gpr(d), Loc::Xmm(s)) => dynasm!(self.ops ; .arch x64 ; movq Rq(d), Rx(s)),
            (Loc::Gpr(d), Loc::Spill(s)) => {
                let o = off_spill(s);
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(R12) + o])
            }
            (Loc::Xmm(d), Loc::Xmm(s)) => dynasm!(self.ops ; .arch x64 ; movapd Rx(d), Rx(s)),
            (Loc::Xmm(d), Loc::Gpr(s)) => dynasm!(self.ops ; .arch x64 ; movq Rx(d), Rq(s)),
            (Loc::Xmm(d), Loc::Spill(s)) => {
                let o = off_spill(s);
                dynasm!(self.ops ; .arch x64 ; movq Rx(d), QWORD [Rq(R12) + o])
            }
            (Loc::Spill(d), Loc::Gpr(s)) => {
                let o = off_spill(d);
                dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(R12) + o], Rq(s))
            }
            (Loc::Spill(d), Loc::Xmm(s)) => {
                let o = off_spill(d);
                dynasm!(self.ops ; .arch x64 ; movq QWORD [Rq(R12) + o], Rx(s))
            }
            (Loc::Spill(d), Loc::Spill(s)) => {
                let (od, os) = (off_spill(d), off_spill(s));
                dynasm!(self.ops ; .arch x64 ; mov Rq(RCX), QWORD [Rq(R12) + os] ; mov QWORD [Rq(R12) + od], Rq(RCX))
            }
            _ => {}
        }
    }

    /// The PHI moves at `Loop`: each PHI's next value into its entry's location, as a
    /// parallel move (cycles are broken through rax / xmm0), constants last.
    fn phi_moves(&mut self) -> Result<(), String> {
        let mut moves: Vec<(Loc, Loc)> = Vec::new();
        let mut konsts: Vec<(Loc, IrRef)> = Vec::new();
        for &(entry, next) in &self.t.phis {
            let dst = self.loc(entry);
            if dst == Loc::None {
                return Err("phi without a location".into());
            }
            if self.t.get(next).op == Opc::K {
                konsts.push((dst, next));
                continue;
            }
            let src = self.loc(next);
            if src == Loc::None {
                return Err("phi value without a location".into());
            }
            if src != dst {
                moves.push((dst, src));
            }
        }
        while !moves.is_empty() {
            let ready = (0..moves.len()).find(|&m| !moves.iter().any(|&(_, s)| s == moves[m].0));
            match ready {
                Some(m) => {
                    let (d, s) = moves.remove(m);
                    self.mov_loc(d, s);
                }
                None => {
                    // A cycle: park one source in a scratch register.
                    let src = moves[0].1;
                    let scratch = if matches!(src, Loc::Xmm(_)) { Loc::Xmm(0) } else { Loc::Gpr(RAX) };
                    self.mov_loc(scratch, src);
                    for mv in &mut moves {
                        if mv.1 == src {
                            mv.1 = scratch;
                        }
                    }
                }
            }
        }
        for (dst, k) in konsts {
            self.load_gpr(RAX, k);
            self.mov_loc(dst, Loc::Gpr(RAX));
        }
        Ok(())
    }

    fn ins(&mut self, i: usize, top: DynamicLabel) -> Result<(), String> {
        let ins = self.t.ins[i];
        let exit = if ins.snap.is_none() { None } else { Some(self.exits[ins.snap.idx()]) };
        if let Some(e) = exit {
            if ins.op != Opc::Loop {
                self.stress_check(e);
            }
        }
        let lay = self.lay;
        let nil = Value::NIL.0 as i64;
        let fals = Value::FALSE.0 as i64;
        match ins.op {
            Opc::K => {
                // A constant kept in a register (regalloc.rs).
                if let Loc::Xmm(x) = self.alloc.locs[i] {
                    let k = ins.k;
                    dynasm!(self.ops ; .arch x64 ; mov Rq(R11), QWORD k ; movq Rx(x), Rq(R11));
                }
            }
            Opc::SLoad => {
                let e = exit.ok_or("sload without snapshot")?;
                let o = ((ins.k & SLOAD_SLOT) * 8) as i32;
                dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), QWORD [Rq(RBX) + o]);
                if ins.k & SLOAD_TRUSTED != 0 {
                    // The parent's exit wrote this type (exit.rs): only unbox.
                    if ins.ty == Ty::Int {
                        dynasm!(self.ops ; .arch x64 ; shl Rq(RAX), 16 ; sar Rq(RAX), 16);
                    }
                } else {
                    self.check_type(RAX, ins.ty, e);
                }
                self.def_gpr(i, RAX);
            }
            Opc::Unbox => {
                let e = exit.ok_or("unbox without snapshot")?;
                self.load_gpr(RAX, ins.a);
                self.check_type(RAX, ins.ty, e);
                self.def_gpr(i, RAX);
            }
            Opc::Box => {
                let e = exit.ok_or("box without snapshot")?;
                let _ = e;
                if self.t.ty(ins.a) == Ty::Int {
                    self.load_gpr(RAX, ins.a);
                    self.box_int_rax_alloc();
                } else {
                    self.load_gpr(RAX, ins.a);
                }
                self.def_gpr(i, RAX);
            }
            Opc::AddI | Opc::SubI if self.imm32(ins.b).is_some() => {
                let k = self.imm32(ins.b).unwrap_or(0);
                self.load_gpr(RAX, ins.a);
                if ins.op == Opc::AddI {
                    dynasm!(self.ops ; .arch x64 ; add Rq(RAX), k);
                } else {
                    dynasm!(self.ops ; .arch x64 ; sub Rq(RAX), k);
                }
                self.def_gpr(i, RAX);
            }
            Opc::AddI | Opc::SubI | Opc::MulI => {
                self.load_gpr(RAX, ins.a);
                self.load_gpr(RCX, ins.b);
                match ins.op {
                    Opc::AddI => dynasm!(self.ops ; .arch x64 ; add Rq(RAX), Rq(RCX)),
                    Opc::SubI => dynasm!(self.ops ; .arch x64 ; sub Rq(RAX), Rq(RCX)),
                    _ => dynasm!(self.ops ; .arch x64 ; imul Rq(RAX), Rq(RCX)),
                }
                self.def_gpr(i, RAX);
            }
            Opc::NegI => {
                self.load_gpr(RAX, ins.a);
                dynasm!(self.ops ; .arch x64 ; neg Rq(RAX));
                self.def_gpr(i, RAX);
            }
            Opc::AbsI => {
                self.load_gpr(RAX, ins.a);
                dynasm!(self.ops ; .arch x64 ; mov Rq(RCX), Rq(RAX) ; neg Rq(RAX) ; cmovl Rq(RAX), Rq(RCX));
                self.def_gpr(i, RAX);
            }
            Opc::FloorNI => {
                // Truncate (i64::MIN: out of range or NaN: exit), then one less if the
                // truncation rounded up (negative non-integers).
                let e = exit.ok_or("floor without snapshot")?;
                self.load_xmm(0, ins.a);
                let min = i64::MIN;
                let done = self.ops.new_dynamic_label();
                dynasm!(self.ops ; .arch x64
                    ; cvttsd2si Rq(RAX), xmm0
                    ; mov Rq(RCX), QWORD min ; cmp Rq(RAX), Rq(RCX) ; je =>e
                    ; cvtsi2sd xmm1, Rq(RAX)
                    ; ucomisd xmm0, xmm1 ; jae =>done
                    ; sub Rq(RAX), 1
                    ; =>done);
                self.def_gpr(i, RAX);
            }
            Opc::BAndI | Opc::BOrI | Opc::BXorI => {
                self.load_gpr(RAX, ins.a);
                match (self.imm32(ins.b), ins.op) {
                    (Some(k), Opc::BAndI) => dynasm!(self.ops ; .arch x64 ; and Rq(RAX), k),
                    (Some(k), Opc::BOrI) => dynasm!(self.ops ; .arch x64 ; or Rq(RAX), k),
                    (Some(k), _) => dynasm!(self.ops ; .arch x64 ; xor Rq(RAX), k),
                    (None, op) => {
                        self.load_gpr(RCX, ins.b);
                        match op {
                            Opc::BAndI => dynasm!(self.ops ; .arch x64 ; and Rq(RAX), Rq(RCX)),
                            Opc::BOrI => dynasm!(self.ops ; .arch x64 ; or Rq(RAX), Rq(RCX)),
                            _ => dynasm!(self.ops ; .arch x64 ; xor Rq(RAX), Rq(RCX)),
                        }
                    }
                }
                self.def_gpr(i, RAX);
            }
            Opc::ShlI | Opc::ShrI => {
                self.load_gpr(RAX, ins.a);
                let left = ins.op == Opc::ShlI;
                match self.t.konst(ins.b) {
                    // Constant counts: the direction and range are known.
                    Some(k) => {
                        let (left, n) = if k < 0 { (!left, k.unsigned_abs()) } else { (left, k as u64) };
                        if n >= 64 {
                            dynasm!(self.ops ; .arch x64 ; xor Rd(RAX), Rd(RAX));
                        } else if left {
                            dynasm!(self.ops ; .arch x64 ; shl Rq(RAX), n as i8);
                        } else {
                            dynasm!(self.ops ; .arch x64 ; shr Rq(RAX), n as i8);
                        }
                    }
                    None => {
                        // 0 <= n < 64 (unsigned compare): this direction; -64 < n < 0:
                        // the other; otherwise 0.
                        self.load_gpr(RCX, ins.b);
                        let (other, zero, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
                        dynasm!(self.ops ; .arch x64 ; cmp Rq(RCX), 63 ; ja =>other);
                        if left {
                            dynasm!(self.ops ; .arch x64 ; shl Rq(RAX), cl ; jmp =>done);
                        } else {
                            dynasm!(self.ops ; .arch x64 ; shr Rq(RAX), cl ; jmp =>done);
                        }
                        dynasm!(self.ops ; .arch x64 ; =>other ; neg Rq(RCX) ; cmp Rq(RCX), 63 ; ja =>zero);
                        if left {
                            dynasm!(self.ops ; .arch x64 ; shr Rq(RAX), cl ; jmp =>done);
                        } else {
                            dynasm!(self.ops ; .arch x64 ; shl Rq(RAX), cl ; jmp =>done);
                        }
                        dynasm!(self.ops ; .arch x64 ; =>zero ; xor Rd(RAX), Rd(RAX) ; =>done);
                    }
                }
                self.def_gpr(i, RAX);
            }
            Opc::ModI => {
                let e = exit.ok_or("mod without snapshot")?;
                self.load_gpr(RAX, ins.a);
                self.load_gpr(RCX, ins.b);
                let done = self.ops.new_dynamic_label();
                let minus1 = self.ops.new_dynamic_label();
                dynasm!(self.ops ; .arch x64
                    ; test Rq(RCX), Rq(RCX) ; jz =>e
                    ; cmp Rq(RCX), -1 ; je =>minus1
                    ; cqo ; idiv Rq(RCX)
                    ; mov Rq(RAX), Rq(RDX)
                    ; test Rq(RDX), Rq(RDX) ; jz =>done
                    ; xor Rq(RDX), Rq(RCX) ; jns =>done
                    ; add Rq(RAX), Rq(RCX) ; jmp =>done
                    ; =>minus1 ; xor Rd(RAX), Rd(RAX)
                    ; =>done);
                self.def_gpr(i, RAX);
            }
            Opc::AddN | Opc::SubN | Opc::MulN | Opc::DivN => {
                // Two-address form straight into the result's register when the right
                // operand is in another register (it is read after the left one is
                // copied into the result's register).
                let (dst, rb) = (self.alloc.locs[i], self.loc(ins.b));
                if let (Loc::Xmm(d), Loc::Xmm(b)) = (dst, rb) {
                    if d != b {
                        self.load_xmm(d, ins.a);
                        match ins.op {
                            Opc::AddN => dynasm!(self.ops ; .arch x64 ; addsd Rx(d), Rx(b)),
                            Opc::SubN => dynasm!(self.ops ; .arch x64 ; subsd Rx(d), Rx(b)),
                            Opc::MulN => dynasm!(self.ops ; .arch x64 ; mulsd Rx(d), Rx(b)),
                            _ => dynasm!(self.ops ; .arch x64 ; divsd Rx(d), Rx(b)),
                        }
                        return Ok(());
                    }
                }
                self.load_xmm(0, ins.a);
                self.load_xmm(1, ins.b);
                match ins.op {
                    Opc::AddN => dynasm!(self.ops ; .arch x64 ; addsd xmm0, xmm1),
                    Opc::SubN => dynasm!(self.ops ; .arch x64 ; subsd xmm0, xmm1),
                    Opc::MulN => dynasm!(self.ops ; .arch x64 ; mulsd xmm0, xmm1),
                    _ => dynasm!(self.ops ; .arch x64 ; divsd xmm0, xmm1),
                }
                self.def_xmm(i, 0);
            }
            Opc::NegN => {
                self.load_xmm(0, ins.a);
                let sign = i64::MIN;
                dynasm!(self.ops ; .arch x64 ; mov Rq(R11), QWORD sign ; movq xmm1, Rq(R11) ; xorpd xmm0, xmm1);
                self.def_xmm(i, 0);
            }
            Opc::NewTab => {
                let k = ins.k & 0xFFFF_FFFF;
                let nt = self.new_table;
                dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), QWORD k ; call =>nt);
                self.def_gpr(i, RAX);
            }
            Opc::SqrtN => {
                self.load_xmm(0, ins.a);
                dynasm!(self.ops ; .arch x64 ; sqrtsd xmm0, xmm0);
                self.def_xmm(i, 0);
            }
            Opc::AbsN => {
                self.load_xmm(0, ins.a);
                let mask = i64::MAX;
                dynasm!(self.ops ; .arch x64 ; mov Rq(R11), QWORD mask ; movq xmm1, Rq(R11) ; andpd xmm0, xmm1);
                self.def_xmm(i, 0);
            }
            Opc::APush => {
                let e = exit.ok_or("array push without snapshot")?;
                self.load_gpr(RAX, ins.a);
                self.untag(RAX);
                self.load_gpr(R11, ins.b);
                self.load_gpr(RCX, ins.c);
                let c_def = self.t.get(ins.c);
                let never_nil = c_def.op == Opc::Box || (c_def.op == Opc::K && c_def.k != nil);
                if !never_nil {
                    dynasm!(self.ops ; .arch x64 ; mov Rq(RDX), QWORD nil ; cmp Rq(RCX), Rq(RDX) ; je =>e);
                }
                let (lo, po, co) = (lay.tab_array + lay.vec_len, lay.tab_array + lay.vec_ptr, lay.tab_array + lay.vec_cap);
                let elo = lay.tab_entries + lay.vec_len;
                dynasm!(self.ops ; .arch x64
                    ; sub Rq(R11), 1
                    ; cmp Rq(R11), QWORD [Rq(RAX) + lo] ; jne =>e
                    ; cmp QWORD [Rq(RAX) + elo], 0 ; jne =>e);
                // At full capacity: grow the array part (a call out of the trace).
                let room = self.ops.new_dynamic_label();
                let grow = self.grow;
                dynasm!(self.ops ; .arch x64
                    ; cmp Rq(R11), QWORD [Rq(RAX) + co] ; jb =>room
                    ; push rcx ; push r11 ; call =>grow ; pop r11 ; pop rcx);
                self.load_gpr(RAX, ins.a);
                self.untag(RAX);
                dynasm!(self.ops ; .arch x64
                    ; =>room
                    ; mov Rq(RDX), QWORD [Rq(RAX) + po]
                    ; mov QWORD [Rq(RDX) + Rq(R11) * 8], Rq(RCX)
                    ; add Rq(R11), 1
                    ; mov QWORD [Rq(RAX) + lo], Rq(R11));
            }
            Opc::ConvIN => {
                self.load_gpr(RAX, ins.a);
                dynasm!(self.ops ; .arch x64 ; cvtsi2sd xmm0, Rq(RAX));
                self.def_xmm(i, 0);
            }
            Opc::GuardI => {
                let e = exit.ok_or("guard without snapshot")?;
                self.load_gpr(RAX, ins.a);
                match self.imm32(ins.b) {
                    Some(k) => dynasm!(self.ops ; .arch x64 ; cmp Rq(RAX), k),
                    None => {
                        self.load_gpr(RCX, ins.b);
                        dynasm!(self.ops ; .arch x64 ; cmp Rq(RAX), Rq(RCX));
                    }
                }
                // Exit when the condition does not hold.
                match ins.cond() {
                    Cond::Lt | Cond::NGe => dynasm!(self.ops ; .arch x64 ; jge =>e),
                    Cond::Le | Cond::NGt => dynasm!(self.ops ; .arch x64 ; jg =>e),
                    Cond::Gt | Cond::NLe => dynasm!(self.ops ; .arch x64 ; jle =>e),
                    Cond::Ge | Cond::NLt => dynasm!(self.ops ; .arch x64 ; jl =>e),
                    Cond::Eq => dynasm!(self.ops ; .arch x64 ; jne =>e),
                    Cond::Ne => dynasm!(self.ops ; .arch x64 ; je =>e),
                }
            }
            Opc::GuardN => {
                let e = exit.ok_or("guard without snapshot")?;
                self.load_xmm(0, ins.a);
                self.load_xmm(1, ins.b);
                // ucomisd sets CF=ZF=PF=1 when unordered.
                match ins.cond() {
                    // a < b  <=>  b > a
                    Cond::Lt => dynasm!(self.ops ; .arch x64 ; ucomisd xmm1, xmm0 ; jbe =>e),
                    Cond::Le => dynasm!(self.ops ; .arch x64 ; ucomisd xmm1, xmm0 ; jb =>e),
                    Cond::Gt => dynasm!(self.ops ; .arch x64 ; ucomisd xmm0, xmm1 ; jbe =>e),
                    Cond::Ge => dynasm!(self.ops ; .arch x64 ; ucomisd xmm0, xmm1 ; jb =>e),
                    Cond::NLt => dynasm!(self.ops ; .arch x64 ; ucomisd xmm1, xmm0 ; ja =>e),
                    Cond::NLe => dynasm!(self.ops ; .arch x64 ; ucomisd xmm1, xmm0 ; jae =>e),
                    Cond::NGt => dynasm!(self.ops ; .arch x64 ; ucomisd xmm0, xmm1 ; ja =>e),
                    Cond::NGe => dynasm!(self.ops ; .arch x64 ; ucomisd xmm0, xmm1 ; jae =>e),
                    Cond::Eq => dynasm!(self.ops ; .arch x64 ; ucomisd xmm0, xmm1 ; jne =>e ; jp =>e),
                    Cond::Ne => {
                        let ok = self.ops.new_dynamic_label();
                        dynasm!(self.ops ; .arch x64 ; ucomisd xmm0, xmm1 ; jp =>ok ; je =>e ; =>ok);
                    }
                }
            }
            Opc::GuardV => {
                let e = exit.ok_or("guard without snapshot")?;
                self.load_gpr(RAX, ins.a);
                self.load_gpr(RCX, ins.b);
                dynasm!(self.ops ; .arch x64 ; cmp Rq(RAX), Rq(RCX));
                if ins.k != 0 {
                    dynasm!(self.ops ; .arch x64 ; jne =>e);
                } else {
                    dynasm!(self.ops ; .arch x64 ; je =>e);
                }
            }
            Opc::GuardT => {
                let e = exit.ok_or("guard without snapshot")?;
                self.load_gpr(RAX, ins.a);
                if ins.k != 0 {
                    dynasm!(self.ops ; .arch x64
                        ; mov Rq(RCX), QWORD nil ; cmp Rq(RAX), Rq(RCX) ; je =>e
                        ; mov Rq(RCX), QWORD fals ; cmp Rq(RAX), Rq(RCX) ; je =>e);
                } else {
                    let ok = self.ops.new_dynamic_label();
                    dynasm!(self.ops ; .arch x64
                        ; mov Rq(RCX), QWORD nil ; cmp Rq(RAX), Rq(RCX) ; je =>ok
                        ; mov Rq(RCX), QWORD fals ; cmp Rq(RAX), Rq(RCX) ; jne =>e
                        ; =>ok);
                }
            }
            Opc::GuardNoMeta => {
                let e = exit.ok_or("guard without snapshot")?;
                self.load_gpr(RAX, ins.a);
                self.untag(RAX);
                let o = lay.tab_meta;
                dynasm!(self.ops ; .arch x64 ; cmp QWORD [Rq(RAX) + o], 0 ; jne =>e);
            }
            Opc::ABase | Opc::ASize => {
                let o = if ins.op == Opc::ABase { lay.tab_array + lay.vec_ptr } else { lay.tab_array + lay.vec_len };
                self.load_gpr(RAX, ins.a);
                self.untag(RAX);
                dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), QWORD [Rq(RAX) + o]);
                self.def_gpr(i, RAX);
            }
            Opc::ALoadB => {
                // a = the items' address, b = the 1-based index, c = the length.
                let e = exit.ok_or("array access without snapshot")?;
                self.load_gpr(R11, ins.b);
                self.load_gpr(RCX, ins.c);
                dynasm!(self.ops ; .arch x64 ; sub Rq(R11), 1 ; cmp Rq(R11), Rq(RCX) ; jae =>e);
                self.load_gpr(RDX, ins.a);
                dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), QWORD [Rq(RDX) + Rq(R11) * 8]);
                self.def_gpr(i, RAX);
            }
            Opc::GuardProto => {
                // A function value, a closure (not a builtin), with prototype k.
                let e = exit.ok_or("guard without snapshot")?;
                let ko = (offset_of!(vm::function::Closure, header) + offset_of!(vm::object::GcHeader, kind)) as i32;
                let po = offset_of!(vm::function::Closure, proto) as i32;
                let kind = vm::object::ObjKind::Closure as u8 as i8;
                let p = ins.k;
                self.load_gpr(RAX, ins.a);
                dynasm!(self.ops ; .arch x64
                    ; mov Rq(RCX), Rq(RAX) ; shr Rq(RCX), 48 ; cmp Rd(RCX), TAG_FUNC as i32 ; jne =>e);
                self.untag(RAX);
                dynasm!(self.ops ; .arch x64
                    ; cmp BYTE [Rq(RAX) + ko], kind ; jne =>e
                    ; mov Rq(RCX), QWORD p ; cmp Rq(RCX), QWORD [Rq(RAX) + po] ; jne =>e);
            }
            Opc::ALoad | Opc::AStore => {
                let e = exit.ok_or("array access without snapshot")?;
                self.load_gpr(RAX, ins.a);
                self.untag(RAX);
                self.load_gpr(R11, ins.b);
                let (lo, po) = (lay.tab_array + lay.vec_len, lay.tab_array + lay.vec_ptr);
                dynasm!(self.ops ; .arch x64
                    ; sub Rq(R11), 1
                    ; cmp Rq(R11), QWORD [Rq(RAX) + lo] ; jae =>e
                    ; mov Rq(RDX), QWORD [Rq(RAX) + po]);
                if ins.op == Opc::ALoad {
                    dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), QWORD [Rq(RDX) + Rq(R11) * 8]);
                    self.def_gpr(i, RAX);
                } else {
                    self.load_gpr(RCX, ins.c);
                    dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(RDX) + Rq(R11) * 8], Rq(RCX));
                }
            }
            Opc::HLoad | Opc::HStore => {
                let e = exit.ok_or("hash access without snapshot")?;
                let entry = ins.k & 0xFFFF_FFFF;
                let disp = entry.checked_mul(lay.entry_size as i64).filter(|d| *d < (1 << 30)).ok_or("entry index too large")? as i32;
                self.load_gpr(RAX, ins.a);
                self.untag(RAX);
                let (lo, po) = (lay.tab_entries + lay.vec_len, lay.tab_entries + lay.vec_ptr);
                let (ko, vo) = (disp + lay.entry_key, disp + lay.entry_value);
                // Checks proven by earlier accesses (opt_mem.rs) are skipped.
                let proven = ins.op == Opc::HStore && ins.k & crate::opt_mem::HSTORE_PROVEN != 0;
                let count_ok = proven || ins.k & crate::opt_mem::HREF_CHECKED != 0;
                if !count_ok {
                    dynasm!(self.ops ; .arch x64
                        ; mov Rq(RDX), QWORD entry
                        ; cmp Rq(RDX), QWORD [Rq(RAX) + lo] ; jae =>e);
                }
                dynasm!(self.ops ; .arch x64 ; mov Rq(RDX), QWORD [Rq(RAX) + po]);
                if !proven {
                    self.load_gpr(R11, ins.b);
                    dynasm!(self.ops ; .arch x64
                        ; cmp Rq(R11), QWORD [Rq(RDX) + ko] ; jne =>e
                        ; mov Rq(RAX), QWORD [Rq(RDX) + vo]);
                }
                if ins.op == Opc::HLoad {
                    if ins.k & crate::record::HLOAD_NONNIL != 0 {
                        dynasm!(self.ops ; .arch x64 ; mov Rq(RCX), QWORD nil ; cmp Rq(RAX), Rq(RCX) ; je =>e);
                    }
                    self.def_gpr(i, RAX);
                } else {
                    if !proven {
                        dynasm!(self.ops ; .arch x64 ; mov Rq(RCX), QWORD nil ; cmp Rq(RAX), Rq(RCX) ; je =>e);
                    }
                    self.load_gpr(RCX, ins.c);
                    dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(RDX) + vo], Rq(RCX));
                }
            }
            Opc::ALen => {
                let e = exit.ok_or("len without snapshot")?;
                self.load_gpr(RAX, ins.a);
                self.untag(RAX);
                let (elo, alo, apo) = (lay.tab_entries + lay.vec_len, lay.tab_array + lay.vec_len, lay.tab_array + lay.vec_ptr);
                let done = self.ops.new_dynamic_label();
                dynasm!(self.ops ; .arch x64
                    ; cmp QWORD [Rq(RAX) + elo], 0 ; jne =>e
                    ; mov Rq(RCX), QWORD [Rq(RAX) + alo]
                    ; test Rq(RCX), Rq(RCX) ; jz =>done
                    ; mov Rq(RDX), QWORD [Rq(RAX) + apo]
                    ; mov Rq(R11), QWORD [Rq(RDX) + Rq(RCX) * 8 - 8]
                    ; mov Rq(RDX), QWORD nil ; cmp Rq(R11), Rq(RDX) ; je =>e
                    ; =>done);
                self.def_gpr(i, RCX);
            }
            Opc::Head => {
                dynasm!(self.ops ; .arch x64 ; =>top);
            }
            Opc::Loop => {
                let e = exit.ok_or("loop without snapshot")?;
                let entries = self.t.snaps[ins.snap.idx()].entries.clone();
                let phi_slots: Vec<i64> = self.t.phis.iter().map(|p| self.t.get(p.0).k).collect();
                for (slot, r) in entries {
                    if phi_slots.contains(&(slot as i64)) {
                        continue;
                    }
                    let o = slot as i32 * 8;
                    self.load_gpr(RAX, r);
                    if self.t.ty(r) == Ty::Int {
                        self.box_int_rax_alloc();
                    }
                    dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(RBX) + o], Rq(RAX));
                }
                self.stress_check(e);
                let bo = offset_of!(JitCtx, budget) as i32;
                dynasm!(self.ops ; .arch x64 ; sub QWORD [Rq(R12) + bo], 1 ; jle =>e);
                self.phi_moves()?;
                dynasm!(self.ops ; .arch x64 ; jmp =>top);
            }
            Opc::Exit => {
                let e = exit.ok_or("exit without snapshot")?;
                dynasm!(self.ops ; .arch x64 ; jmp =>e);
            }
        }
        Ok(())
    }
}

/// Generates machine code for an allocated trace.
pub fn compile(t: &Trace, alloc: &Allocation, lay: Layout, stress: bool, link: LinkInfo) -> Result<Compiled, String> {
    let mut ops = dynasmrt::x64::Assembler::new().map_err(|e| e.to_string())?;
    let box_big = ops.new_dynamic_label();
    let grow = ops.new_dynamic_label();
    let new_table = ops.new_dynamic_label();
    let mut em = Em { ops, t, alloc, lay, stress, exits: Vec::new(), box_big, grow, new_table, big_ints: Vec::new() };
    for _ in 0..t.snaps.len() {
        let l = em.ops.new_dynamic_label();
        em.exits.push(l);
    }
    let save_all = em.ops.new_dynamic_label();
    let top = em.ops.new_dynamic_label();
    let entry = em.ops.offset();
    dynasm!(em.ops ; .arch x64
        ; push rbx ; push rbp ; push r12 ; push r13 ; push r14 ; push r15 ; sub rsp, 8
        ; mov rbx, rdi ; mov r12, rsi);
    let link_entry = em.ops.offset();
    if t.head().is_none() {
        dynasm!(em.ops ; .arch x64 ; =>top);
    }
    for i in 0..t.ins.len() {
        em.ins(i, top)?;
    }
    em.big_int_paths();
    // Exit stubs: each writes its snapshot's values to the frame's registers itself;
    // then, if the trace's link table has a target for the snapshot and the iteration
    // budget allows, jumps there (exit.rs, direct links); otherwise it returns with
    // `ctx.restored` = 1. An integer outside the inline range (which needs a heap box)
    // or a value without a location falls back to the shared register save, after
    // which `exit::restore` writes the snapshot (never linked).
    let eo = offset_of!(JitCtx, exit) as i32;
    let ro = offset_of!(JitCtx, restored) as i32;
    let to = offset_of!(JitCtx, trace) as i32;
    let bo = offset_of!(JitCtx, budget) as i32;
    let so = offset_of!(JitCtx, stress) as i32;
    let lo = offset_of!(JitCtx, linked) as i32;
    let tidx = link.trace as i32;
    let done = em.ops.new_dynamic_label();
    for (s, &l) in em.exits.clone().iter().enumerate() {
        let slow = em.ops.new_dynamic_label();
        let ret = em.ops.new_dynamic_label();
        let snum = s as i32;
        dynasm!(em.ops ; .arch x64 ; =>l);
        let entries = t.snaps[s].entries.clone();
        let all_located = entries.iter().all(|&(_, r)| t.get(r).op == Opc::K || em.loc(r) != Loc::None);
        if all_located {
            for (slot, r) in entries {
                let o = slot as i32 * 8;
                em.load_gpr(RAX, r);
                if t.ty(r) == Ty::Int {
                    em.box_int_rax(slow);
                }
                dynasm!(em.ops ; .arch x64 ; mov QWORD [rbx + o], rax);
            }
            // SAFETY (of the generated code): the table lives as long as the trace
            // (both owned by the engine's `CompiledTrace`).
            let word = link.table.wrapping_add(s) as i64;
            dynasm!(em.ops ; .arch x64
                ; mov rax, QWORD word ; mov rax, QWORD [rax]
                ; test rax, rax ; jz =>ret
                ; sub QWORD [r12 + bo], 1 ; jle =>ret
                ; add QWORD [r12 + lo], 1);
            if em.stress {
                // Re-arm an expired exit-stress countdown so the linked trace exits too.
                let k = 1 + ((s as i32 * 7 + tidx * 3) % 17);
                let armed = em.ops.new_dynamic_label();
                dynasm!(em.ops ; .arch x64 ; cmp QWORD [r12 + so], 0 ; jg =>armed ; mov QWORD [r12 + so], k ; =>armed);
            }
            dynasm!(em.ops ; .arch x64
                ; jmp rax
                ; =>ret
                ; mov QWORD [r12 + eo], snum ; mov QWORD [r12 + to], tidx ; mov QWORD [r12 + ro], 1 ; jmp =>done);
        }
        dynasm!(em.ops ; .arch x64 ; =>slow ; mov QWORD [r12 + eo], snum ; mov QWORD [r12 + to], tidx ; mov QWORD [r12 + ro], 0 ; jmp =>save_all);
    }
    // `box_big`: called (rsp 16-byte aligned at the call site) with the int in rax;
    // saves the caller-saved allocatable registers around the call of
    // `exit::jit_box_int` (rsp re-aligned), result in rax.
    // The allocation never collects, so values held only in registers stay valid.
    call_thunk(&mut em.ops, box_big, crate::exit::jit_box_int as *const () as usize as i64);
    call_thunk(&mut em.ops, grow, crate::exit::jit_array_grow as *const () as usize as i64);
    call_thunk(&mut em.ops, new_table, crate::exit::jit_new_table as *const () as usize as i64);
    dynasm!(em.ops ; .arch x64 ; =>save_all);
    for &g in GPRS.iter() {
        let o = (offset_of!(JitCtx, gpr) + g as usize * 8) as i32;
        dynasm!(em.ops ; .arch x64 ; mov QWORD [r12 + o], Rq(g));
    }
    for &x in XMMS.iter() {
        let o = (offset_of!(JitCtx, xmm) + x as usize * 8) as i32;
        dynasm!(em.ops ; .arch x64 ; movq QWORD [r12 + o], Rx(x));
    }
    dynasm!(em.ops ; .arch x64
        ; =>done
        ; mov rax, QWORD [r12 + eo]
        ; add rsp, 8 ; pop r15 ; pop r14 ; pop r13 ; pop r12 ; pop rbp ; pop rbx
        ; ret);
    let code = em.ops.finalize().map_err(|_| "cannot finalize code".to_string())?;
    Ok(Compiled { code, entry, link_entry })
}

/// Emits a shared routine at `label`, called from trace code (rsp 16-byte aligned at
/// the call site) with an argument in rax: it saves the caller-saved allocatable
/// registers, calls `helper(ctx, rax)` (rsp re-aligned) and returns its result in rax.
/// Clobbers rcx, rdx, r11.
fn call_thunk(ops: &mut dynasmrt::x64::Assembler, label: DynamicLabel, helper: i64) {
    let saved: Vec<u8> = GPRS.iter().copied().filter(|g| !matches!(g, 3 | 5 | 12 | 13 | 14 | 15)).collect();
    // Entry: rsp = 8 mod 16; pushes + area must bring it back to 0 mod 16.
    let mut area = XMMS.len() as i32 * 8;
    if (8 + saved.len() as i32 * 8 + area) % 16 != 0 {
        area += 8;
    }
    dynasm!(ops ; .arch x64 ; =>label);
    for &g in &saved {
        dynasm!(ops ; .arch x64 ; push Rq(g));
    }
    dynasm!(ops ; .arch x64 ; sub rsp, area);
    for (n, &x) in XMMS.iter().enumerate() {
        let o = n as i32 * 8;
        dynasm!(ops ; .arch x64 ; movq QWORD [rsp + o], Rx(x));
    }
    dynasm!(ops ; .arch x64 ; mov rdi, r12 ; mov rsi, rax ; mov rax, QWORD helper ; call rax);
    for (n, &x) in XMMS.iter().enumerate() {
        let o = n as i32 * 8;
        dynasm!(ops ; .arch x64 ; movq Rx(x), QWORD [rsp + o]);
    }
    dynasm!(ops ; .arch x64 ; add rsp, area);
    for &g in saved.iter().rev() {
        dynasm!(ops ; .arch x64 ; pop Rq(g));
    }
    dynasm!(ops ; .arch x64 ; ret);
}
