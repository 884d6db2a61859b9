//! x86-64 code generation from allocated IR (`dynasm-rs`).
//!
//! Frame: `rbx` = the frame's first VM register (`base`), `r12` = the [`JitCtx`]; the
//! callee-saved registers are pushed in the prologue. Scratch registers: rax, rcx, rdx,
//! r11, xmm0, xmm1.
//!
//! Lowering: each instruction works on its operands' and its result's allocated
//! locations directly. Arithmetic is two-address on the result's register (`mov d, a`
//! only when `a` is elsewhere; commutative operands swapped so that the one already in
//! `d`, or a constant, comes second); operands are registers, spill slots, 32-bit
//! immediates or RIP-relative constants of a per-trace pool (floats, tag limits, nil),
//! constant tables are untagged at emission. Invariant: an instruction performs all its
//! checks (jumps to the exit stub of its snapshot) before it writes its result
//! location, and it only writes the result's register early when no exit follows and
//! no later read of an operand needs that register (the allocator may give the result
//! the register of an operand or snapshot value whose interval ends there).
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
use vm::value::{Value, PAYLOAD_MASK, TAG_FUNC, TAG_INT, TAG_OBJ, TAG_STR, TAG_TABLE};

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
    /// Shared routine: a call of a builtin (`callout::jit_call_native`, its descriptor in
    /// rax), result in rax.
    call_native: DynamicLabel,
    /// Shared routines: raw table get / set (`callout::jit_table_get` / `_set`,
    /// operands in `ctx.args`), result in rax.
    table_get: DynamicLabel,
    /// `callout::jit_table_pos_after` (`tposafter`) and `jit_table_len` (`tlen`).
    table_pos_after: DynamicLabel,
    table_len: DynamicLabel,
    table_set: DynamicLabel,
    /// Out-of-line big-integer paths of int type checks: (entry, back, register, exit).
    big_ints: Vec<(DynamicLabel, DynamicLabel, u8, DynamicLabel)>,
    /// 8-byte constants read RIP-relative (`pool`), emitted after the code.
    pool: Vec<(i64, DynamicLabel)>,
    /// The table whose hash-entries pointer rdx holds (set by `HLoad`/`HStore`, kept
    /// across the instructions of [`keeps_hash_base`], which neither write rdx nor
    /// move a table's entries; cleared by everything else, `Head` included).
    hbase: Option<IrRef>,
}

/// Instructions that keep rdx and every table's entries pointer intact (an `HStore`
/// writes an existing entry; boxing a float is a register move).
fn keeps_hash_base(t: &Trace, ins: &Ins) -> bool {
    match ins.op {
        Opc::K | Opc::HLoad | Opc::HStore | Opc::Unbox | Opc::AddN | Opc::SubN | Opc::MulN | Opc::DivN | Opc::NegN | Opc::SqrtN | Opc::AbsN => true,
        Opc::SLoad | Opc::AddI | Opc::SubI | Opc::MulI | Opc::NegI | Opc::ConvIN => true,
        Opc::GuardI | Opc::GuardN | Opc::GuardT | Opc::GuardV | Opc::GuardNoMeta | Opc::GuardProto => true,
        Opc::Box => t.ty(ins.a) != Ty::Int,
        _ => false,
    }
}

fn off_spill(s: u16) -> i32 {
    (offset_of!(JitCtx, spill) + s as usize * 8) as i32
}

/// A source operand of an integer instruction.
#[derive(Clone, Copy)]
enum Src {
    Imm(i32),
    Reg(u8),
    /// A spill slot (offset from the context register).
    Mem(i32),
}

/// A source operand of an SSE instruction.
#[derive(Clone, Copy)]
enum FSrc {
    Reg(u8),
    Mem(i32),
    /// A constant of the trace's pool (RIP-relative).
    Pool(DynamicLabel),
}

#[derive(Clone, Copy, PartialEq)]
enum Alu {
    Add,
    Sub,
    Imul,
    Cmp,
}

impl<'a> Em<'a> {
    fn loc(&self, r: IrRef) -> Loc {
        self.alloc.locs[r.idx()]
    }

    /// The GPR holding value `r`, if it lives in one.
    fn gpr(&self, r: IrRef) -> Option<u8> {
        match self.loc(r) {
            Loc::Gpr(g) => Some(g),
            _ => None,
        }
    }

    /// The SSE register holding value `r` (a num or a float constant kept in a register).
    fn xmm(&self, r: IrRef) -> Option<u8> {
        match self.loc(r) {
            Loc::Xmm(x) => Some(x),
            _ => None,
        }
    }

    /// The register an integer-class result of instruction `i` is computed in: its own
    /// register, or rax when it lives elsewhere (then stored by `def_gpr`).
    fn dst_gpr(&self, i: usize) -> u8 {
        match self.alloc.locs[i] {
            Loc::Gpr(g) => g,
            _ => RAX,
        }
    }

    /// The SSE register a num result of instruction `i` is computed in (xmm0 if spilled).
    fn dst_xmm(&self, i: usize) -> u8 {
        match self.alloc.locs[i] {
            Loc::Xmm(x) => x,
            _ => 0,
        }
    }

    /// The label of the 8-byte pool constant `bits` (emitted after the code).
    fn pool(&mut self, bits: i64) -> DynamicLabel {
        if let Some(&(_, l)) = self.pool.iter().find(|(k, _)| *k == bits) {
            return l;
        }
        let l = self.ops.new_dynamic_label();
        self.pool.push((bits, l));
        l
    }

    /// Loads value `r` (int/tab/val, or a num's bits) into GPR `dst`. Leaves the flags
    /// alone.
    fn load_gpr(&mut self, dst: u8, r: IrRef) {
        let ins = self.t.get(r);
        if ins.op == Opc::K {
            let k = ins.k;
            match i32::try_from(k) {
                Ok(k32) => dynasm!(self.ops ; .arch x64 ; mov Rq(dst), k32),
                Err(_) => dynasm!(self.ops ; .arch x64 ; mov Rq(dst), QWORD k),
            }
            return;
        }
        match self.loc(r) {
            Loc::Gpr(g) if g == dst => {}
            Loc::Gpr(g) => dynasm!(self.ops ; .arch x64 ; mov Rq(dst), Rq(g)),
            Loc::Xmm(x) => dynasm!(self.ops ; .arch x64 ; movq Rq(dst), Rx(x)),
            Loc::Spill(s) => {
                let o = off_spill(s);
                dynasm!(self.ops ; .arch x64 ; mov Rq(dst), QWORD [Rq(R12) + o])
            }
            Loc::None => dynasm!(self.ops ; .arch x64 ; mov Rq(dst), 0),
        }
    }

    /// The GPR holding value `r`, loading it into `scratch` when it is not in one.
    fn in_gpr(&mut self, r: IrRef, scratch: u8) -> u8 {
        match self.gpr(r) {
            Some(g) => g,
            None => {
                self.load_gpr(scratch, r);
                scratch
            }
        }
    }

    /// Loads num `r` into SSE register `dst` (constants come from the pool).
    fn load_xmm(&mut self, dst: u8, r: IrRef) {
        let ins = self.t.get(r);
        if ins.op == Opc::K && !matches!(self.loc(r), Loc::Xmm(_)) {
            self.load_fconst(dst, ins.k);
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

    /// Loads the float bits `k` into SSE register `dst`.
    fn load_fconst(&mut self, dst: u8, k: i64) {
        if k == 0 {
            dynasm!(self.ops ; .arch x64 ; xorpd Rx(dst), Rx(dst));
        } else {
            let l = self.pool(k);
            dynasm!(self.ops ; .arch x64 ; movsd Rx(dst), QWORD [=>l]);
        }
    }

    /// Stores GPR `src` as the result of instruction `i`.
    fn def_gpr(&mut self, i: usize, src: u8) {
        match self.alloc.locs[i] {
            Loc::Gpr(g) if g == src => {}
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
            Loc::Xmm(x) if x == src => {}
            Loc::Xmm(x) => dynasm!(self.ops ; .arch x64 ; movapd Rx(x), Rx(src)),
            Loc::Gpr(g) => dynasm!(self.ops ; .arch x64 ; movq Rq(g), Rx(src)),
            Loc::Spill(s) => {
                let o = off_spill(s);
                dynasm!(self.ops ; .arch x64 ; movq QWORD [Rq(R12) + o], Rx(src))
            }
            Loc::None => {}
        }
    }

    /// Integer source operand `r`: an immediate, its register or its spill slot, else
    /// loaded into `scratch`.
    fn int_src(&mut self, r: IrRef, scratch: u8) -> Src {
        if let Some(k) = self.imm32(r) {
            return Src::Imm(k);
        }
        match self.loc(r) {
            Loc::Gpr(g) => Src::Reg(g),
            Loc::Spill(s) if self.t.get(r).op != Opc::K => Src::Mem(off_spill(s)),
            _ => {
                self.load_gpr(scratch, r);
                Src::Reg(scratch)
            }
        }
    }

    /// `d = d op s` (or `cmp d, s`).
    fn alu(&mut self, op: Alu, d: u8, s: Src) {
        match (op, s) {
            (Alu::Add, Src::Imm(k)) => dynasm!(self.ops ; .arch x64 ; add Rq(d), k),
            (Alu::Add, Src::Reg(r)) => dynasm!(self.ops ; .arch x64 ; add Rq(d), Rq(r)),
            (Alu::Add, Src::Mem(o)) => dynasm!(self.ops ; .arch x64 ; add Rq(d), QWORD [Rq(R12) + o]),
            (Alu::Sub, Src::Imm(k)) => dynasm!(self.ops ; .arch x64 ; sub Rq(d), k),
            (Alu::Sub, Src::Reg(r)) => dynasm!(self.ops ; .arch x64 ; sub Rq(d), Rq(r)),
            (Alu::Sub, Src::Mem(o)) => dynasm!(self.ops ; .arch x64 ; sub Rq(d), QWORD [Rq(R12) + o]),
            (Alu::Imul, Src::Imm(k)) => dynasm!(self.ops ; .arch x64 ; imul Rq(d), Rq(d), k),
            (Alu::Imul, Src::Reg(r)) => dynasm!(self.ops ; .arch x64 ; imul Rq(d), Rq(r)),
            (Alu::Imul, Src::Mem(o)) => dynasm!(self.ops ; .arch x64 ; imul Rq(d), QWORD [Rq(R12) + o]),
            (Alu::Cmp, Src::Imm(k)) => dynasm!(self.ops ; .arch x64 ; cmp Rq(d), k),
            (Alu::Cmp, Src::Reg(r)) => dynasm!(self.ops ; .arch x64 ; cmp Rq(d), Rq(r)),
            (Alu::Cmp, Src::Mem(o)) => dynasm!(self.ops ; .arch x64 ; cmp Rq(d), QWORD [Rq(R12) + o]),
        }
    }

    /// SSE source operand `r`: its register, spill slot or pool constant (a num in a GPR
    /// goes through xmm1).
    fn fp_src(&mut self, r: IrRef) -> FSrc {
        if let Some(x) = self.xmm(r) {
            return FSrc::Reg(x);
        }
        let ins = self.t.get(r);
        if ins.op == Opc::K {
            let k = ins.k;
            return FSrc::Pool(self.pool(k));
        }
        match self.loc(r) {
            Loc::Spill(s) => FSrc::Mem(off_spill(s)),
            _ => {
                self.load_xmm(1, r);
                FSrc::Reg(1)
            }
        }
    }

    /// `d = d op s` for the float arithmetic opcodes.
    fn fop(&mut self, op: Opc, d: u8, s: FSrc) {
        macro_rules! fop {
            ($ins:ident) => {
                match s {
                    FSrc::Reg(x) => dynasm!(self.ops ; .arch x64 ; $ins Rx(d), Rx(x)),
                    FSrc::Mem(o) => dynasm!(self.ops ; .arch x64 ; $ins Rx(d), QWORD [Rq(R12) + o]),
                    FSrc::Pool(l) => dynasm!(self.ops ; .arch x64 ; $ins Rx(d), QWORD [=>l]),
                }
            };
        }
        match op {
            Opc::AddN => fop!(addsd),
            Opc::SubN => fop!(subsd),
            Opc::MulN => fop!(mulsd),
            _ => fop!(divsd),
        }
    }

    /// The register holding the pointer of table value `r`: its pointer register
    /// (regalloc.rs), else `dst` after loading it (constants are untagged here).
    fn tab_ptr(&mut self, dst: u8, r: IrRef) -> u8 {
        if let Some(p) = self.alloc.ptrs.get(r.idx()).copied().flatten() {
            return p;
        }
        let ins = self.t.get(r);
        if ins.op == Opc::K {
            let p = (ins.k as u64 & PAYLOAD_MASK) as i64;
            dynasm!(self.ops ; .arch x64 ; mov Rq(dst), QWORD p);
            return dst;
        }
        self.load_gpr(dst, r);
        self.untag(dst);
        dst
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
                let max = self.pool(vm::value::FLOAT_MAX_BITS as i64);
                dynasm!(self.ops ; .arch x64 ; cmp Rq(reg), QWORD [=>max] ; ja =>exit);
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

    /// Exits unless the value in `reg` has Lua type `k` (`vm::value::Type` index: nil,
    /// boolean, number, string, table, function). Clobbers rcx.
    fn guard_type(&mut self, reg: u8, k: i64, exit: DynamicLabel) {
        let tag = |t: u64| t as i32;
        match k {
            0 => {
                let l = self.pool(Value::NIL.0 as i64);
                dynasm!(self.ops ; .arch x64 ; cmp Rq(reg), QWORD [=>l] ; jne =>exit);
            }
            1 => {
                // false and true are the two simple values after nil.
                let (lf, lt) = (self.pool(Value::FALSE.0 as i64), self.pool(Value::TRUE.0 as i64));
                let ok = self.ops.new_dynamic_label();
                dynasm!(self.ops ; .arch x64 ; cmp Rq(reg), QWORD [=>lf] ; je =>ok ; cmp Rq(reg), QWORD [=>lt] ; jne =>exit ; =>ok);
            }
            2 => {
                // A float, an inline int, or a heap-boxed big int.
                let max = self.pool(vm::value::FLOAT_MAX_BITS as i64);
                let kind_off = offset_of!(vm::object::GcHeader, kind) as i32;
                let big_kind = vm::object::ObjKind::BigInt as u8 as i8;
                let ok = self.ops.new_dynamic_label();
                dynasm!(self.ops ; .arch x64
                    ; cmp Rq(reg), QWORD [=>max] ; jbe =>ok
                    ; mov Rq(RCX), Rq(reg) ; shr Rq(RCX), 48 ; cmp Rd(RCX), tag(TAG_INT) ; je =>ok
                    ; cmp Rd(RCX), tag(TAG_OBJ) ; jne =>exit
                    ; mov Rq(RCX), Rq(reg) ; shl Rq(RCX), 16 ; shr Rq(RCX), 16
                    ; cmp BYTE [Rq(RCX) + kind_off], big_kind ; jne =>exit
                    ; =>ok);
            }
            _ => {
                let t = match k {
                    3 => TAG_STR,
                    4 => TAG_TABLE,
                    _ => TAG_FUNC,
                };
                dynasm!(self.ops ; .arch x64 ; mov Rq(RCX), Rq(reg) ; shr Rq(RCX), 48 ; cmp Rd(RCX), tag(t) ; jne =>exit);
            }
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
        let tag = self.pool((TAG_INT << 48) as i64);
        dynasm!(self.ops ; .arch x64
            ; mov Rq(RCX), Rq(RAX) ; shl Rq(RCX), 16 ; sar Rq(RCX), 16 ; cmp Rq(RCX), Rq(RAX) ; jne =>exit
            ; shl Rq(RAX), 16 ; shr Rq(RAX), 16 ; or Rq(RAX), QWORD [=>tag]);
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

    /// Whether `Loop` has PHI moves to make (a next value not already in its entry's
    /// location, or a constant).
    fn phi_moves_needed(&self) -> bool {
        self.t.phis.iter().any(|&(entry, next)| self.t.get(next).op == Opc::K || self.loc(next) != self.loc(entry))
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
            match dst {
                Loc::Gpr(g) => self.load_gpr(g, k),
                Loc::Xmm(x) => self.load_xmm(x, k),
                _ => {
                    self.load_gpr(RAX, k);
                    self.mov_loc(dst, Loc::Gpr(RAX));
                }
            }
        }
        Ok(())
    }

    /// Integer add/sub/mul in two-address form on the result's register: the left
    /// operand is copied there unless it already is (commutative operands are swapped to
    /// make that so, and to turn a constant into an immediate).
    fn int_arith(&mut self, i: usize, op: Opc) {
        let ins = self.t.ins[i];
        let d = self.dst_gpr(i);
        let (mut a, mut b) = (ins.a, ins.b);
        if op != Opc::SubI && self.gpr(a) != Some(d) && (self.gpr(b) == Some(d) || (self.imm32(a).is_some() && self.imm32(b).is_none())) {
            std::mem::swap(&mut a, &mut b);
        }
        let alu = match op {
            Opc::AddI => Alu::Add,
            Opc::SubI => Alu::Sub,
            _ => Alu::Imul,
        };
        if self.gpr(b) == Some(d) && self.gpr(a) != Some(d) {
            // Only a subtraction gets here: d = a - d = -d + a.
            dynasm!(self.ops ; .arch x64 ; neg Rq(d));
            let s = self.int_src(a, RCX);
            self.alu(Alu::Add, d, s);
        } else if let (Alu::Imul, Some(k), Some(ga)) = (alu, self.imm32(b), self.gpr(a)) {
            dynasm!(self.ops ; .arch x64 ; imul Rq(d), Rq(ga), k);
        } else {
            self.load_gpr(d, a);
            let s = self.int_src(b, RCX);
            self.alu(alu, d, s);
        }
        self.def_gpr(i, d);
    }

    /// Float add/sub/mul/div in two-address form on the result's register.
    fn num_arith(&mut self, i: usize, op: Opc) {
        let ins = self.t.ins[i];
        let d = self.dst_xmm(i);
        let (mut a, mut b) = (ins.a, ins.b);
        let commutative = matches!(op, Opc::AddN | Opc::MulN);
        if commutative && self.xmm(a) != Some(d) && self.xmm(b) == Some(d) {
            std::mem::swap(&mut a, &mut b);
        }
        if self.xmm(b) == Some(d) && self.xmm(a) != Some(d) {
            // d = a op d (not commutative): compute in xmm0.
            self.load_xmm(0, a);
            self.fop(op, 0, FSrc::Reg(d));
            dynasm!(self.ops ; .arch x64 ; movapd Rx(d), xmm0);
        } else {
            self.load_xmm(d, a);
            let s = self.fp_src(b);
            self.fop(op, d, s);
        }
        self.def_xmm(i, d);
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
                    self.load_fconst(x, ins.k);
                }
            }
            Opc::SLoad => {
                let e = exit.ok_or("sload without snapshot")?;
                let o = ((ins.k & SLOAD_SLOT) * 8) as i32;
                let trusted = ins.k & SLOAD_TRUSTED != 0;
                match ins.ty {
                    Ty::Int => {
                        // A trusted slot holds an inline int (the parent's exit stub wrote
                        // it); any other may hold an inline int or a heap-boxed big int:
                        // the full check, whose out-of-line half loads the box's value.
                        let d = self.dst_gpr(i);
                        dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(RBX) + o]);
                        if trusted {
                            dynasm!(self.ops ; .arch x64 ; shl Rq(d), 16 ; sar Rq(d), 16);
                        } else {
                            self.check_type(d, Ty::Int, e);
                        }
                        self.def_gpr(i, d);
                    }
                    Ty::Tab => {
                        // The tag (the top 16 bits) compared in memory (not at all for a slot
                        // the parent's exit wrote as a table), then the value loaded straight
                        // into the result's register.
                        let d = self.dst_gpr(i);
                        if !trusted {
                            dynasm!(self.ops ; .arch x64 ; cmp WORD [Rq(RBX) + o + 6], TAG_TABLE as u16 as i16 ; jne =>e);
                        }
                        dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(RBX) + o]);
                        self.def_gpr(i, d);
                    }
                    _ => {
                        dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), QWORD [Rq(RBX) + o]);
                        if !trusted {
                            self.check_type(RAX, ins.ty, e);
                        }
                        self.def_gpr(i, RAX);
                    }
                }
            }
            Opc::Unbox => {
                // Checks in scratch registers, then writes the result.
                let e = exit.ok_or("unbox without snapshot")?;
                let src = self.in_gpr(ins.a, RAX);
                match ins.ty {
                    Ty::Int => {
                        // Inline or heap-boxed big int, converted in rax so that an exit
                        // still finds the operand (which its snapshot may name) intact.
                        if src != RAX {
                            dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), Rq(src));
                        }
                        self.check_type(RAX, Ty::Int, e);
                        let d = self.dst_gpr(i);
                        if d != RAX {
                            dynasm!(self.ops ; .arch x64 ; mov Rq(d), Rq(RAX));
                        }
                        self.def_gpr(i, d);
                    }
                    ty => {
                        self.check_type(src, ty, e);
                        self.def_gpr(i, src);
                    }
                }
            }
            Opc::Box => {
                let e = exit.ok_or("box without snapshot")?;
                let _ = e;
                if self.t.ty(ins.a) == Ty::Int {
                    self.load_gpr(RAX, ins.a);
                    self.box_int_rax_alloc();
                    self.def_gpr(i, RAX);
                } else {
                    let d = self.dst_gpr(i);
                    self.load_gpr(d, ins.a);
                    self.def_gpr(i, d);
                }
            }
            Opc::AddI | Opc::SubI | Opc::MulI => self.int_arith(i, ins.op),
            Opc::NegI => {
                let d = self.dst_gpr(i);
                self.load_gpr(d, ins.a);
                dynasm!(self.ops ; .arch x64 ; neg Rq(d));
                self.def_gpr(i, d);
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
            Opc::AddN | Opc::SubN | Opc::MulN | Opc::DivN => self.num_arith(i, ins.op),
            Opc::NegN | Opc::AbsN => {
                let d = self.dst_xmm(i);
                self.load_xmm(d, ins.a);
                let mask = if ins.op == Opc::NegN { i64::MIN } else { i64::MAX };
                dynasm!(self.ops ; .arch x64 ; mov Rq(R11), QWORD mask ; movq xmm1, Rq(R11));
                if ins.op == Opc::NegN {
                    dynasm!(self.ops ; .arch x64 ; xorpd Rx(d), xmm1);
                } else {
                    dynasm!(self.ops ; .arch x64 ; andpd Rx(d), xmm1);
                }
                self.def_xmm(i, d);
            }
            Opc::NewTab => {
                let k = ins.k & 0xFFFF_FFFF;
                let nt = self.new_table;
                dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), QWORD k ; call =>nt);
                self.def_gpr(i, RAX);
            }
            Opc::SqrtN => {
                let d = self.dst_xmm(i);
                match self.fp_src(ins.a) {
                    // As for cvtsi2sd: break the dependency on d's previous value.
                    FSrc::Reg(x) if x != d => dynasm!(self.ops ; .arch x64 ; xorps Rx(d), Rx(d) ; sqrtsd Rx(d), Rx(x)),
                    FSrc::Reg(x) => dynasm!(self.ops ; .arch x64 ; sqrtsd Rx(d), Rx(x)),
                    FSrc::Mem(o) => dynasm!(self.ops ; .arch x64 ; sqrtsd Rx(d), QWORD [Rq(R12) + o]),
                    FSrc::Pool(l) => dynasm!(self.ops ; .arch x64 ; sqrtsd Rx(d), QWORD [=>l]),
                }
                self.def_xmm(i, d);
            }
            Opc::APush => {
                let e = exit.ok_or("array push without snapshot")?;
                let tb = self.tab_ptr(RAX, ins.a);
                self.load_gpr(R11, ins.b);
                self.load_gpr(RCX, ins.c);
                let c_def = self.t.get(ins.c);
                let never_nil = c_def.op == Opc::Box || (c_def.op == Opc::K && c_def.k != nil);
                if !never_nil {
                    let l = self.pool(nil);
                    dynasm!(self.ops ; .arch x64 ; cmp Rq(RCX), QWORD [=>l] ; je =>e);
                }
                let (lo, po, co) = (lay.tab_array + lay.vec_len, lay.tab_array + lay.vec_ptr, lay.tab_array + lay.vec_cap);
                let elo = lay.tab_entries + lay.vec_len;
                dynasm!(self.ops ; .arch x64
                    ; sub Rq(R11), 1
                    ; cmp Rq(R11), QWORD [Rq(tb) + lo] ; jne =>e
                    ; cmp QWORD [Rq(tb) + elo], 0 ; jne =>e);
                // At full capacity: grow the array part (a call out of the trace that
                // preserves the allocatable registers; scratch ones are reloaded).
                let room = self.ops.new_dynamic_label();
                let grow = self.grow;
                dynasm!(self.ops ; .arch x64
                    ; cmp Rq(R11), QWORD [Rq(tb) + co] ; jb =>room
                    ; push rcx ; push r11 ; mov rax, Rq(tb) ; call =>grow ; pop r11 ; pop rcx);
                if self.tab_ptr(RAX, ins.a) != tb {
                    return Err("apush: table pointer register changed".into());
                }
                dynasm!(self.ops ; .arch x64
                    ; =>room
                    ; mov Rq(RDX), QWORD [Rq(tb) + po]
                    ; mov QWORD [Rq(RDX) + Rq(R11) * 8], Rq(RCX)
                    ; add Rq(R11), 1
                    ; mov QWORD [Rq(tb) + lo], Rq(R11));
            }
            Opc::ConvIN => {
                let d = self.dst_xmm(i);
                let s = self.in_gpr(ins.a, RAX);
                // cvtsi2sd writes only the low half of `d`: clear it first so the result
                // does not depend on d's previous value (which would chain iterations).
                dynasm!(self.ops ; .arch x64 ; xorps Rx(d), Rx(d) ; cvtsi2sd Rx(d), Rq(s));
                self.def_xmm(i, d);
            }
            Opc::GuardI => {
                let e = exit.ok_or("guard without snapshot")?;
                let (mut a, mut b, mut c) = (ins.a, ins.b, ins.cond());
                if self.gpr(a).is_none() && self.gpr(b).is_some() {
                    std::mem::swap(&mut a, &mut b);
                    c = c.mirrored();
                }
                let ra = self.in_gpr(a, RAX);
                let s = self.int_src(b, RCX);
                self.alu(Alu::Cmp, ra, s);
                // Exit when the condition does not hold.
                match c {
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
                let c = ins.cond();
                // ucomisd x, y sets CF=ZF=PF=1 when unordered; a < b is tested as b > a.
                let (mut x, mut y) = if matches!(c, Cond::Lt | Cond::Le | Cond::NLt | Cond::NLe) { (ins.b, ins.a) } else { (ins.a, ins.b) };
                if matches!(c, Cond::Eq | Cond::Ne) && self.xmm(x).is_none() && self.xmm(y).is_some() {
                    std::mem::swap(&mut x, &mut y);
                }
                let rx = match self.xmm(x) {
                    Some(r) => r,
                    None => {
                        self.load_xmm(0, x);
                        0
                    }
                };
                match self.fp_src(y) {
                    FSrc::Reg(r) => dynasm!(self.ops ; .arch x64 ; ucomisd Rx(rx), Rx(r)),
                    FSrc::Mem(o) => dynasm!(self.ops ; .arch x64 ; ucomisd Rx(rx), QWORD [Rq(R12) + o]),
                    FSrc::Pool(l) => dynasm!(self.ops ; .arch x64 ; ucomisd Rx(rx), QWORD [=>l]),
                }
                match c {
                    Cond::Lt | Cond::Gt => dynasm!(self.ops ; .arch x64 ; jbe =>e),
                    Cond::Le | Cond::Ge => dynasm!(self.ops ; .arch x64 ; jb =>e),
                    Cond::NLt | Cond::NGt => dynasm!(self.ops ; .arch x64 ; ja =>e),
                    Cond::NLe | Cond::NGe => dynasm!(self.ops ; .arch x64 ; jae =>e),
                    Cond::Eq => dynasm!(self.ops ; .arch x64 ; jne =>e ; jp =>e),
                    Cond::Ne => {
                        let ok = self.ops.new_dynamic_label();
                        dynasm!(self.ops ; .arch x64 ; jp =>ok ; je =>e ; =>ok);
                    }
                }
            }
            Opc::GuardV => {
                let e = exit.ok_or("guard without snapshot")?;
                let (mut a, mut b) = (ins.a, ins.b);
                if self.gpr(a).is_none() && self.gpr(b).is_some() {
                    std::mem::swap(&mut a, &mut b);
                }
                let ra = self.in_gpr(a, RAX);
                let bk = self.t.get(b);
                if bk.op == Opc::K && i32::try_from(bk.k).is_err() {
                    let l = self.pool(bk.k);
                    dynasm!(self.ops ; .arch x64 ; cmp Rq(ra), QWORD [=>l]);
                } else {
                    let s = self.int_src(b, RCX);
                    self.alu(Alu::Cmp, ra, s);
                }
                if ins.k != 0 {
                    dynasm!(self.ops ; .arch x64 ; jne =>e);
                } else {
                    dynasm!(self.ops ; .arch x64 ; je =>e);
                }
            }
            Opc::GuardT => {
                let e = exit.ok_or("guard without snapshot")?;
                let ra = self.in_gpr(ins.a, RAX);
                let (ln, lf) = (self.pool(nil), self.pool(fals));
                if ins.k != 0 {
                    dynasm!(self.ops ; .arch x64
                        ; cmp Rq(ra), QWORD [=>ln] ; je =>e
                        ; cmp Rq(ra), QWORD [=>lf] ; je =>e);
                } else {
                    let ok = self.ops.new_dynamic_label();
                    dynasm!(self.ops ; .arch x64
                        ; cmp Rq(ra), QWORD [=>ln] ; je =>ok
                        ; cmp Rq(ra), QWORD [=>lf] ; jne =>e
                        ; =>ok);
                }
            }
            Opc::GuardNoMeta => {
                let e = exit.ok_or("guard without snapshot")?;
                let tb = self.tab_ptr(RAX, ins.a);
                let o = lay.tab_meta;
                dynasm!(self.ops ; .arch x64 ; cmp QWORD [Rq(tb) + o], 0 ; jne =>e);
            }
            Opc::GuardMeta => {
                let e = exit.ok_or("guard without snapshot")?;
                let tb = self.tab_ptr(RAX, ins.a);
                let o = lay.tab_meta;
                let m = ins.k;
                dynasm!(self.ops ; .arch x64 ; mov Rq(RCX), QWORD m ; cmp QWORD [Rq(tb) + o], Rq(RCX) ; jne =>e);
            }
            Opc::ABase | Opc::ASize => {
                let o = if ins.op == Opc::ABase { lay.tab_array + lay.vec_ptr } else { lay.tab_array + lay.vec_len };
                let tb = self.tab_ptr(RAX, ins.a);
                let d = self.dst_gpr(i);
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(tb) + o]);
                self.def_gpr(i, d);
            }
            Opc::ALoadB => {
                // a = the items' address, b = the 1-based index, c = the length; the
                // result is written after the bounds check.
                let e = exit.ok_or("array access without snapshot")?;
                if ins.k & crate::opt_abc::ALOADB_PROVEN != 0 {
                    // Bounds checked in the pre-header (opt_abc.rs).
                    let idx = self.in_gpr(ins.b, R11);
                    let base = self.in_gpr(ins.a, RDX);
                    let d = self.dst_gpr(i);
                    dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(base) + Rq(idx) * 8 - 8]);
                    self.def_gpr(i, d);
                    return Ok(());
                }
                match self.gpr(ins.b) {
                    Some(g) => dynasm!(self.ops ; .arch x64 ; lea Rq(R11), [Rq(g) - 1]),
                    None => {
                        self.load_gpr(R11, ins.b);
                        dynasm!(self.ops ; .arch x64 ; sub Rq(R11), 1);
                    }
                }
                let len = self.int_src(ins.c, RCX);
                self.alu(Alu::Cmp, R11, len);
                dynasm!(self.ops ; .arch x64 ; jae =>e);
                let base = self.in_gpr(ins.a, RDX);
                let d = self.dst_gpr(i);
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(base) + Rq(R11) * 8]);
                self.def_gpr(i, d);
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
                // rax = the table, rdx = its array, r11 = index - 1 (or a constant
                // displacement); the result is written after the bounds check.
                let e = exit.ok_or("array access without snapshot")?;
                let tb = self.tab_ptr(RAX, ins.a);
                let (lo, po) = (lay.tab_array + lay.vec_len, lay.tab_array + lay.vec_ptr);
                let kidx = self.imm32(ins.b).filter(|&k| k >= 1 && k <= (1 << 27));
                if let Some(k) = kidx {
                    dynasm!(self.ops ; .arch x64
                        ; cmp QWORD [Rq(tb) + lo], k ; jb =>e
                        ; mov Rq(RDX), QWORD [Rq(tb) + po]);
                } else {
                    match self.gpr(ins.b) {
                        Some(g) => dynasm!(self.ops ; .arch x64 ; lea Rq(R11), [Rq(g) - 1]),
                        None => {
                            self.load_gpr(R11, ins.b);
                            dynasm!(self.ops ; .arch x64 ; sub Rq(R11), 1);
                        }
                    }
                    dynasm!(self.ops ; .arch x64
                        ; cmp Rq(R11), QWORD [Rq(tb) + lo] ; jae =>e
                        ; mov Rq(RDX), QWORD [Rq(tb) + po]);
                }
                let disp = kidx.map_or(0, |k| (k - 1) * 8);
                if ins.op == Opc::ALoad {
                    let d = self.dst_gpr(i);
                    if kidx.is_some() {
                        dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(RDX) + disp]);
                    } else {
                        dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(RDX) + Rq(R11) * 8]);
                    }
                    self.def_gpr(i, d);
                } else {
                    let v = self.in_gpr(ins.c, RCX);
                    if kidx.is_some() {
                        dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(RDX) + disp], Rq(v));
                    } else {
                        dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(RDX) + Rq(R11) * 8], Rq(v));
                    }
                }
            }
            Opc::HLoad | Opc::HStore => {
                let e = exit.ok_or("hash access without snapshot")?;
                let entry = ins.k & 0xFFFF_FFFF;
                let disp = entry.checked_mul(lay.entry_size as i64).filter(|d| *d < (1 << 30)).ok_or("entry index too large")? as i32;
                let (lo, po) = (lay.tab_entries + lay.vec_len, lay.tab_entries + lay.vec_ptr);
                let (ko, vo) = (disp + lay.entry_key, disp + lay.entry_value);
                // Checks proven by earlier accesses (opt_mem.rs) are skipped.
                let proven = ins.op == Opc::HStore && ins.k & crate::opt_mem::HSTORE_PROVEN != 0;
                let count_ok = proven || ins.k & crate::opt_mem::HREF_CHECKED != 0;
                let ln = self.pool(nil);
                // The table pointer is needed only for the count check or a new
                // entries pointer.
                let need_tb = !count_ok || self.hbase != Some(ins.a);
                let tb = if need_tb { self.tab_ptr(RAX, ins.a) } else { RAX };
                if !count_ok {
                    let need = i32::try_from(crate::opt_mem::href_count(&ins)).map_err(|_| "entry index too large")?;
                    dynasm!(self.ops ; .arch x64 ; cmp QWORD [Rq(tb) + lo], need ; jb =>e);
                }
                if self.hbase != Some(ins.a) {
                    dynasm!(self.ops ; .arch x64 ; mov Rq(RDX), QWORD [Rq(tb) + po]);
                    self.hbase = Some(ins.a);
                }
                if !proven {
                    let key = self.in_gpr(ins.b, R11);
                    dynasm!(self.ops ; .arch x64 ; cmp Rq(key), QWORD [Rq(RDX) + ko] ; jne =>e);
                }
                if ins.op == Opc::HLoad {
                    let d = if ins.k & crate::record::HLOAD_NONNIL != 0 {
                        dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), QWORD [Rq(RDX) + vo] ; cmp Rq(RAX), QWORD [=>ln] ; je =>e);
                        RAX
                    } else {
                        let d = self.dst_gpr(i);
                        dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(RDX) + vo]);
                        d
                    };
                    self.def_gpr(i, d);
                } else {
                    if !proven {
                        dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), QWORD [Rq(RDX) + vo] ; cmp Rq(RAX), QWORD [=>ln] ; je =>e);
                    }
                    let v = self.in_gpr(ins.c, RCX);
                    dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(RDX) + vo], Rq(v));
                }
            }
            Opc::ALen => {
                let e = exit.ok_or("len without snapshot")?;
                let tb = self.tab_ptr(RAX, ins.a);
                let (elo, alo, apo) = (lay.tab_entries + lay.vec_len, lay.tab_array + lay.vec_len, lay.tab_array + lay.vec_ptr);
                let done = self.ops.new_dynamic_label();
                let ln = self.pool(nil);
                dynasm!(self.ops ; .arch x64
                    ; cmp QWORD [Rq(tb) + elo], 0 ; jne =>e
                    ; mov Rq(RCX), QWORD [Rq(tb) + alo]
                    ; test Rq(RCX), Rq(RCX) ; jz =>done
                    ; mov Rq(RDX), QWORD [Rq(tb) + apo]
                    ; mov Rq(R11), QWORD [Rq(RDX) + Rq(RCX) * 8 - 8]
                    ; cmp Rq(R11), QWORD [=>ln] ; je =>e
                    ; =>done);
                self.def_gpr(i, RCX);
            }
            Opc::CurFn => {
                let d = self.dst_gpr(i);
                let o = offset_of!(JitCtx, closure) as i32;
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(R12) + o]);
                self.def_gpr(i, d);
            }
            Opc::UvRef => {
                // closure -> its upvalue list -> upvalue `idx` -> the cell's address;
                // exits if the cell is one of the frame's registers 0..nslots (an open
                // upvalue of this frame: unsigned `cell - base < nslots * 8`).
                let e = exit.ok_or("uvref without snapshot")?;
                let idx = (ins.k & 0xFFFF_FFFF) as i32;
                let nslots = (ins.k >> 32) as i32;
                let lo = offset_of!(vm::object::Upvalue, location) as i32;
                let po = vm::function::Closure::UPVALUES_PTR_OFFSET as i32;
                self.load_gpr(RAX, ins.a);
                self.untag(RAX);
                dynasm!(self.ops ; .arch x64
                    ; mov Rq(RAX), QWORD [Rq(RAX) + po]
                    ; mov Rq(RAX), QWORD [Rq(RAX) + idx * 8]
                    ; mov Rq(RAX), QWORD [Rq(RAX) + lo]
                    ; mov Rq(RCX), Rq(RAX) ; sub Rq(RCX), Rq(RBX) ; cmp Rq(RCX), nslots * 8 ; jb =>e);
                self.def_gpr(i, RAX);
            }
            Opc::UvLoad => {
                let cell = self.in_gpr(ins.a, RAX);
                let d = self.dst_gpr(i);
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(cell)]);
                self.def_gpr(i, d);
            }
            Opc::UvStore => {
                let cell = self.in_gpr(ins.a, RAX);
                let v = self.in_gpr(ins.b, RCX);
                dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(cell)], Rq(v));
            }
            Opc::GuardType => {
                let e = exit.ok_or("guardtype without snapshot")?;
                let v = self.in_gpr(ins.a, RAX);
                self.guard_type(v, ins.k, e);
            }
            Opc::StrLen => {
                let s = self.in_gpr(ins.a, RAX);
                let d = self.dst_gpr(i);
                let lo = vm::object::Str::LEN_OFFSET as i32;
                dynasm!(self.ops ; .arch x64 ; mov Rq(RDX), Rq(s));
                self.untag(RDX);
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(RDX) + lo]);
                self.def_gpr(i, d);
            }
            Opc::StrByte => {
                // r11 = index - 1, checked against the length (unsigned), then the byte.
                let e = exit.ok_or("strbyte without snapshot")?;
                let lo = vm::object::Str::LEN_OFFSET as i32;
                let data = std::mem::size_of::<vm::object::Str>() as i32;
                self.load_gpr(R11, ins.b);
                dynasm!(self.ops ; .arch x64 ; sub Rq(R11), 1);
                self.load_gpr(RDX, ins.a);
                self.untag(RDX);
                dynasm!(self.ops ; .arch x64
                    ; cmp Rq(R11), QWORD [Rq(RDX) + lo] ; jae =>e
                    ; movzx eax, BYTE [Rq(RDX) + Rq(R11) + data]);
                self.def_gpr(i, RAX);
            }
            Opc::CArg => {
                let v = self.in_gpr(ins.a, RAX);
                let o = (offset_of!(JitCtx, args) as i64 + (ins.k & 7) * 8) as i32;
                dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(R12) + o], Rq(v));
            }
            Opc::CallN => {
                // The VM stack may have moved: reload the frame pointer before the check
                // (the exit stub writes the snapshot through it).
                let e = exit.ok_or("calln without snapshot")?;
                let (fo, xo) = (offset_of!(JitCtx, frame) as i32, offset_of!(JitCtx, callout_failed) as i32);
                let cn = self.call_native;
                let desc = ins.k;
                dynasm!(self.ops ; .arch x64
                    ; mov Rq(RAX), QWORD desc ; call =>cn
                    ; mov Rq(RBX), QWORD [Rq(R12) + fo]
                    ; cmp QWORD [Rq(R12) + xo], 0 ; jne =>e);
                self.def_gpr(i, RAX);
            }
            Opc::CRes => {
                let o = (offset_of!(JitCtx, results) as i64 + (ins.k - 1) * 8) as i32;
                let d = self.dst_gpr(i);
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), QWORD [Rq(R12) + o]);
                self.def_gpr(i, d);
            }
            Opc::TGet | Opc::TSet | Opc::TPosAfter | Opc::TLen => {
                // Operands to ctx.args[0..3], then the call; exits when it failed (a key
                // that is not an inline int or string; nothing changed then).
                let e = exit.ok_or("table call without snapshot")?;
                let ao = offset_of!(JitCtx, args) as i32;
                let xo = offset_of!(JitCtx, callout_failed) as i32;
                for (n, r) in [ins.a, ins.b, ins.c].into_iter().enumerate() {
                    if r.is_none() {
                        continue;
                    }
                    let g = self.in_gpr(r, RAX);
                    let o = ao + n as i32 * 8;
                    dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(R12) + o], Rq(g));
                }
                let routine = match ins.op {
                    Opc::TGet => self.table_get,
                    Opc::TPosAfter => self.table_pos_after,
                    Opc::TLen => self.table_len,
                    _ => self.table_set,
                };
                dynasm!(self.ops ; .arch x64
                    ; call =>routine
                    ; cmp QWORD [Rq(R12) + xo], 0 ; jne =>e);
                if ins.op != Opc::TSet {
                    self.def_gpr(i, RAX);
                }
            }
            Opc::TNext => self.table_next(i, &ins, exit.ok_or("tnext without snapshot")?)?,
            Opc::TNextK | Opc::TNextV => {
                // r11 = position (1-based item); array item, else hash entry r11 - #array.
                let tb = self.tab_ptr(RDX, ins.a);
                self.load_gpr(R11, ins.b);
                let (alo, apo, epo) = (lay.tab_array + lay.vec_len, lay.tab_array + lay.vec_ptr, lay.tab_entries + lay.vec_ptr);
                let (hash, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
                dynasm!(self.ops ; .arch x64 ; cmp Rq(R11), QWORD [Rq(tb) + alo] ; ja =>hash);
                if ins.op == Opc::TNextK {
                    let tag = self.pool((TAG_INT << 48) as i64);
                    dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), Rq(R11) ; or Rq(RAX), QWORD [=>tag]);
                } else {
                    dynasm!(self.ops ; .arch x64 ; mov Rq(RAX), QWORD [Rq(tb) + apo] ; mov Rq(RAX), QWORD [Rq(RAX) + Rq(R11) * 8 - 8]);
                }
                let fo = if ins.op == Opc::TNextK { lay.entry_key } else { lay.entry_value } - lay.entry_size;
                dynasm!(self.ops ; .arch x64
                    ; jmp =>done
                    ; =>hash
                    ; sub Rq(R11), QWORD [Rq(tb) + alo]
                    ; imul Rq(R11), Rq(R11), lay.entry_size
                    ; add Rq(R11), QWORD [Rq(tb) + epo]
                    ; mov Rq(RAX), QWORD [Rq(R11) + fo]
                    ; =>done);
                self.def_gpr(i, RAX);
            }
            Opc::Head => {
                if let Some(b) = self.alloc.budget {
                    let bo = offset_of!(JitCtx, budget) as i32;
                    dynasm!(self.ops ; .arch x64 ; mov Rq(b), QWORD [Rq(R12) + bo]);
                }
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
                    match (self.t.ty(r), self.loc(r)) {
                        (Ty::Num, Loc::Xmm(x)) => dynasm!(self.ops ; .arch x64 ; movq QWORD [Rq(RBX) + o], Rx(x)),
                        (Ty::Int, _) => {
                            self.load_gpr(RAX, r);
                            self.box_int_rax_alloc();
                            dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(RBX) + o], Rq(RAX));
                        }
                        _ => {
                            let g = self.in_gpr(r, RAX);
                            dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(RBX) + o], Rq(g));
                        }
                    }
                }
                self.stress_check(e);
                let bo = offset_of!(JitCtx, budget) as i32;
                match self.alloc.budget {
                    Some(b) => dynasm!(self.ops ; .arch x64 ; sub Rq(b), 1),
                    None => dynasm!(self.ops ; .arch x64 ; sub QWORD [Rq(R12) + bo], 1),
                }
                if self.phi_moves_needed() {
                    dynasm!(self.ops ; .arch x64 ; jle =>e);
                    self.phi_moves()?;
                    dynasm!(self.ops ; .arch x64 ; jmp =>top);
                } else {
                    // No moves: the budget check itself branches back.
                    dynasm!(self.ops ; .arch x64 ; jg =>top ; jmp =>e);
                }
            }
            Opc::Exit => {
                let e = exit.ok_or("exit without snapshot")?;
                dynasm!(self.ops ; .arch x64 ; jmp =>e);
            }
        }
        Ok(())
    }
}

impl Em<'_> {
    /// `tnext`: the interpreter's `Table::next_from` inline. r11 walks the traversal
    /// position; the array part is scanned for a non-nil item, then the hash part for an
    /// entry with a non-nil value and a live key. `ctx.args[0..2]` hold the table
    /// pointer and the end position (no call can happen in between).
    fn table_next(&mut self, i: usize, ins: &Ins, e: DynamicLabel) -> Result<(), String> {
        let lay = self.lay;
        let (alo, apo, elo, epo) = (lay.tab_array + lay.vec_len, lay.tab_array + lay.vec_ptr, lay.tab_entries + lay.vec_len, lay.tab_entries + lay.vec_ptr);
        let (ao0, ao1) = (offset_of!(JitCtx, args) as i32, offset_of!(JitCtx, args) as i32 + 8);
        let ln = self.pool(Value::NIL.0 as i64);
        let dead = self.pool(vm::table::DEAD_KEY.0 as i64);
        let tb = self.tab_ptr(RDX, ins.a);
        if tb != RDX {
            dynasm!(self.ops ; .arch x64 ; mov Rq(RDX), Rq(tb));
        }
        self.load_gpr(R11, ins.b);
        let (arr, hash, hloop, found, none) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label(), self.ops.new_dynamic_label(), self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        // Where the scan goes when the traversal is over.
        let stop = if ins.k == 0 { e } else { none };
        dynasm!(self.ops ; .arch x64
            ; mov QWORD [Rq(R12) + ao0], Rq(RDX)
            ; mov Rq(RCX), QWORD [Rq(RDX) + alo]
            ; mov Rq(RAX), QWORD [Rq(RDX) + apo]
            ; =>arr
            ; cmp Rq(R11), Rq(RCX) ; jae =>hash
            ; mov Rq(RDX), QWORD [Rq(RAX) + Rq(R11) * 8]
            ; add Rq(R11), 1
            ; cmp Rq(RDX), QWORD [=>ln] ; je =>arr
            ; jmp =>found
            ; =>hash
            // rax = entries - #array * size (entry of position p at rax + p * size);
            // args[1] = #array + #entries.
            ; mov Rq(RDX), QWORD [Rq(R12) + ao0]
            ; mov Rq(RAX), Rq(RCX)
            ; imul Rq(RAX), Rq(RAX), lay.entry_size
            ; neg Rq(RAX)
            ; add Rq(RAX), QWORD [Rq(RDX) + epo]
            ; add Rq(RCX), QWORD [Rq(RDX) + elo]
            ; mov QWORD [Rq(R12) + ao1], Rq(RCX)
            ; =>hloop
            ; cmp Rq(R11), QWORD [Rq(R12) + ao1] ; jae =>stop
            ; mov Rq(RDX), Rq(R11)
            ; imul Rq(RDX), Rq(RDX), lay.entry_size
            ; add Rq(RDX), Rq(RAX)
            ; add Rq(R11), 1
            ; mov Rq(RCX), QWORD [Rq(RDX) + lay.entry_value]
            ; cmp Rq(RCX), QWORD [=>ln] ; je =>hloop
            ; mov Rq(RCX), QWORD [Rq(RDX) + lay.entry_key]
            ; cmp Rq(RCX), QWORD [=>dead] ; je =>hloop
            ; =>found);
        if ins.k == 1 {
            // Guarding the end: a found pair exits.
            dynasm!(self.ops ; .arch x64 ; jmp =>e ; =>none);
        }
        self.def_gpr(i, R11);
        Ok(())
    }
}

/// Generates machine code for an allocated trace.
pub fn compile(t: &Trace, alloc: &Allocation, lay: Layout, stress: bool, link: LinkInfo) -> Result<Compiled, String> {
    let mut ops = dynasmrt::x64::Assembler::new().map_err(|e| e.to_string())?;
    let box_big = ops.new_dynamic_label();
    let grow = ops.new_dynamic_label();
    let new_table = ops.new_dynamic_label();
    let call_native = ops.new_dynamic_label();
    let table_get = ops.new_dynamic_label();
    let table_pos_after = ops.new_dynamic_label();
    let table_len = ops.new_dynamic_label();
    let table_set = ops.new_dynamic_label();
    let mut em = Em { ops, t, alloc, lay, stress, exits: Vec::new(), pool: Vec::new(), box_big, grow, new_table, call_native, table_get, table_pos_after, table_len, table_set, big_ints: Vec::new(), hbase: None };
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
        if !keeps_hash_base(t, &t.ins[i]) {
            em.hbase = None;
        }
        em.ins(i, top)?;
        if let Some(p) = alloc.ptrs.get(i).copied().flatten() {
            // The table's untagged pointer (regalloc.rs).
            em.load_gpr(p, IrRef(i as u32));
            em.untag(p);
        }
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
    // Snapshots of body guards: their stubs first store the budget register.
    let head = t.head().unwrap_or(usize::MAX);
    let mut body_snap = vec![false; t.snaps.len()];
    for ins in t.ins.iter().skip(head) {
        if !ins.snap.is_none() {
            body_snap[ins.snap.idx()] = true;
        }
    }
    for (s, &l) in em.exits.clone().iter().enumerate() {
        let slow = em.ops.new_dynamic_label();
        let ret = em.ops.new_dynamic_label();
        let snum = s as i32;
        dynasm!(em.ops ; .arch x64 ; =>l);
        if let (Some(b), true) = (alloc.budget, body_snap[s]) {
            dynasm!(em.ops ; .arch x64 ; mov QWORD [r12 + bo], Rq(b));
        }
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
    // The call-out routines only when the trace uses them (each is ~200 bytes).
    let uses = |op: Opc| t.ins.iter().any(|i| i.op == op);
    if uses(Opc::CallN) {
        call_thunk(&mut em.ops, call_native, crate::callout::jit_call_native as *const () as usize as i64);
    }
    if uses(Opc::TGet) {
        call_thunk(&mut em.ops, table_get, crate::callout::jit_table_get as *const () as usize as i64);
    }
    if uses(Opc::TLen) {
        call_thunk(&mut em.ops, table_len, crate::callout::jit_table_len as *const () as usize as i64);
    }
    if uses(Opc::TPosAfter) {
        call_thunk(&mut em.ops, table_pos_after, crate::callout::jit_table_pos_after as *const () as usize as i64);
    }
    if uses(Opc::TSet) {
        call_thunk(&mut em.ops, table_set, crate::callout::jit_table_set as *const () as usize as i64);
    }
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
    dynasm!(em.ops ; .arch x64 ; .align 8);
    for (k, l) in em.pool.clone() {
        dynasm!(em.ops ; .arch x64 ; =>l ; .i64 k);
    }
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
