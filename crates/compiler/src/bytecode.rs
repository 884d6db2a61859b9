//! The GScript register bytecode: instruction encoding and the op table.
//!
//! This file is the contract between the compiler (which emits it) and the VM (which
//! executes it). The op table is defined once, in [`ops!`], with each op's name, operand
//! format and meaning; the disassembler and the interpreter are both driven by it.
//!
//! # Encoding (32-bit instructions, like Lua 5.4)
//!
//! ```text
//!  31       24 23       16 15        8 7         0
//! +-----------+-----------+-----------+-----------+
//! |     C     |     B     |     A     |    op     |   ABC
//! +-----------+-----------+-----------+-----------+
//! |          Bx (16 bits) |     A     |    op     |   ABx  (sBx = Bx - 32767)
//! +-----------+-----------+-----------+-----------+
//! |            Ax / sJ (24 bits)      |    op     |   Ax   (sJ = Ax - 8388607)
//! +-----------+-----------+-----------+-----------+
//! ```
//!
//! Notation: `R[x]` register x of the current frame, `K[x]` constant x of the current
//! prototype, `U[x]` upvalue x of the running closure, `G` the running closure's globals
//! table, `sB`/`sC` = B/C - 128 (signed 8-bit immediates), `k` = the C operand used as a
//! 0/1 flag. "top" is the end of a variable-length value list left by the previous
//! instruction (a call with C = 0, VARARG with C = 0, SPREAD).
//!
//! # Conditional jumps
//! `EQ`, `LT`, `LE`, `EQK`, `EQI`, `LTI`, `LEI`, `GTI`, `GEI`, `TEST` and `TESTSET` are
//! always followed by a `JMP`. Each computes a condition `cond` (a boolean); **if
//! `cond == k` the following `JMP` is taken, otherwise it is skipped.** (The interpreter
//! may fuse the pair.) The C operand of the immediate forms `EQI`, `LTI`, `LEI`, `GTI`,
//! `GEI` is `k | f << 1`: f = 1 means the literal was the float `sB.0` (it matters only
//! to metamethods, which receive the float; numbers compare equal either way).
//!
//! # Calls and frames
//! A call `CALL A B C` places the callee in `R[A]` and its arguments in `R[A+1]...`; the
//! callee's frame starts at `R[A+1]` (its parameters are its registers 0..n). Results
//! are copied to `R[A]...`. Script-to-script calls never recurse on the Rust stack.
//! A variadic function keeps its extra arguments below its frame (the interpreter's
//! business); `VARARG` reads them.
//!
//! # Upvalues
//! `CLOSURE` captures according to the child prototype's `upvalues`: `in_stack` means
//! register `index` of the enclosing frame (an open upvalue, shared until closed), else
//! upvalue `index` of the enclosing closure. `CLOSE A` closes all open upvalues for
//! registers >= A (each captured variable gets its own cell from then on); the compiler
//! emits it at the end of a block (and of each loop iteration) whose locals are
//! captured. `RETURN*` close all upvalues of the frame.
//!
//! # Loop variables
//! A three-clause `for` loop's `:=` variables are fresh per iteration (Go 1.22): the
//! compiler emits `CLOSE` of those registers at the end of each iteration, before the
//! post statement, if any of them is captured.

use std::fmt;

/// Maximum number of registers in a frame (`A`, `B`, `C` are 8 bits).
pub const MAX_REGISTERS: usize = 250;
/// Largest value of the `Bx` field.
pub const MAX_BX: u32 = 0xFFFF;
/// Offset of the signed `sBx` field.
pub const OFFSET_SBX: i32 = 0x7FFF;
/// Largest value of the `Ax` field.
pub const MAX_AX: u32 = 0xFF_FFFF;
/// Offset of the signed `sJ` field.
pub const OFFSET_SJ: i32 = 0x7F_FFFF;
/// Offset of the signed 8-bit `sB`/`sC` immediates.
pub const OFFSET_SC: i32 = 128;

/// Operand formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    ABC,
    ABx,
    AsBx,
    Ax,
    SJ,
}

macro_rules! ops {
    ($( $(#[doc = $doc:literal])* $name:ident = $fmt:ident, )*) => {
        /// Opcodes. See each variant's documentation for its semantics.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op {
            $( $(#[doc = $doc])* $name, )*
        }

        impl Op {
            /// Every op, indexed by its numeric value.
            pub const ALL: &'static [Op] = &[ $( Op::$name, )* ];

            /// The op's mnemonic as shown by the disassembler.
            pub fn name(self) -> &'static str {
                match self { $( Op::$name => stringify!($name), )* }
            }

            pub fn format(self) -> Format {
                match self { $( Op::$name => Format::$fmt, )* }
            }

            /// Decodes an opcode byte; `None` for an invalid byte.
            #[inline]
            pub fn from_u8(byte: u8) -> Option<Op> {
                Op::ALL.get(byte as usize).copied()
            }
        }
    };
}

ops! {
    /// `MOVE A B`: R[A] = R[B]
    MOVE = ABC,
    /// `LOADK A Bx`: R[A] = K[Bx]
    LOADK = ABx,
    /// `LOADI A sBx`: R[A] = sBx (integer)
    LOADI = AsBx,
    /// `LOADF A sBx`: R[A] = sBx as a float
    LOADF = AsBx,
    /// `LOADNIL A B`: R[A], ..., R[A+B] = nil (B+1 registers)
    LOADNIL = ABC,
    /// `LOADFALSE A`: R[A] = false
    LOADFALSE = ABC,
    /// `LOADTRUE A`: R[A] = true
    LOADTRUE = ABC,
    /// `GETUPVAL A B`: R[A] = U[B]
    GETUPVAL = ABC,
    /// `SETUPVAL A B`: U[B] = R[A]
    SETUPVAL = ABC,
    /// `GETGLOBAL A Bx`: R[A] = G[K[Bx]] (K[Bx] is a string; `__index` of G applies)
    GETGLOBAL = ABx,
    /// `SETGLOBAL A Bx`: G[K[Bx]] = R[A] (`__newindex` of G applies)
    SETGLOBAL = ABx,
    /// `GETTABLE A B C`: R[A] = R[B][R[C]]
    GETTABLE = ABC,
    /// `GETI A B C`: R[A] = R[B][C] (C an unsigned integer key 0..255)
    GETI = ABC,
    /// `GETFIELD A B C`: R[A] = R[B][K[C]] (K[C] is a string)
    GETFIELD = ABC,
    /// `SETTABLE A B C`: R[A][R[B]] = R[C]
    SETTABLE = ABC,
    /// `SETI A B C`: R[A][B] = R[C] (B an unsigned integer key 0..255)
    SETI = ABC,
    /// `SETFIELD A B C`: R[A][K[B]] = R[C] (K[B] is a string)
    SETFIELD = ABC,
    /// `NEWTABLE A B C`: R[A] = {} with room for B array items and C hash items
    /// (hints only; each is min(count, 255)).
    NEWTABLE = ABC,
    /// `SELF A B C`: R[A+1] = R[B]; R[A] = R[B][K[C]] (method lookup; K[C] is a string)
    SELF = ABC,

    /// `ADDI A B sC`: R[A] = R[B] + sC
    ADDI = ABC,
    /// `ADDK A B C`: R[A] = R[B] + K[C] (K[C] is a number)
    ADDK = ABC,
    /// `SUBK A B C`: R[A] = R[B] - K[C]
    SUBK = ABC,
    /// `MULK A B C`: R[A] = R[B] * K[C]
    MULK = ABC,
    /// `MODK A B C`: R[A] = R[B] % K[C]
    MODK = ABC,
    /// `POWK A B C`: R[A] = R[B] ** K[C]
    POWK = ABC,
    /// `DIVK A B C`: R[A] = R[B] / K[C]
    DIVK = ABC,
    /// `BANDK A B C`: R[A] = R[B] & K[C] (K[C] is an integer)
    BANDK = ABC,
    /// `BORK A B C`: R[A] = R[B] | K[C]
    BORK = ABC,
    /// `BXORK A B C`: R[A] = R[B] ^ K[C]
    BXORK = ABC,
    /// `SHLI A B sC`: R[A] = R[B] << sC
    SHLI = ABC,
    /// `SHRI A B sC`: R[A] = R[B] >> sC
    SHRI = ABC,
    /// `KADD A B C`: R[A] = K[C] + R[B] (constant-left forms: metamethods and errors see
    /// the operands in source order, K[C] first; K[C] is a number)
    KADD = ABC,
    /// `KSUB A B C`: R[A] = K[C] - R[B]
    KSUB = ABC,
    /// `KMUL A B C`: R[A] = K[C] * R[B]
    KMUL = ABC,
    /// `KDIV A B C`: R[A] = K[C] / R[B]
    KDIV = ABC,

    /// `ADD A B C`: R[A] = R[B] + R[C] (all arithmetic ops fall back to metamethods)
    ADD = ABC,
    /// `SUB A B C`: R[A] = R[B] - R[C]
    SUB = ABC,
    /// `MUL A B C`: R[A] = R[B] * R[C]
    MUL = ABC,
    /// `MOD A B C`: R[A] = R[B] % R[C] (floored)
    MOD = ABC,
    /// `POW A B C`: R[A] = R[B] ** R[C] (integer for integer operands with C >= 0)
    POW = ABC,
    /// `DIV A B C`: R[A] = R[B] / R[C] (always float)
    DIV = ABC,
    /// `BAND A B C`: R[A] = R[B] & R[C]
    BAND = ABC,
    /// `BOR A B C`: R[A] = R[B] | R[C]
    BOR = ABC,
    /// `BXOR A B C`: R[A] = R[B] ^ R[C]
    BXOR = ABC,
    /// `SHL A B C`: R[A] = R[B] << R[C]
    SHL = ABC,
    /// `SHR A B C`: R[A] = R[B] >> R[C] (logical)
    SHR = ABC,

    /// `UNM A B`: R[A] = -R[B]
    UNM = ABC,
    /// `BNOT A B`: R[A] = ^R[B]
    BNOT = ABC,
    /// `NOT A B`: R[A] = !R[B]
    NOT = ABC,
    /// `LEN A B`: R[A] = #R[B]
    LEN = ABC,
    /// `CONCAT A B`: R[A] = R[A] .. ... .. R[A+B-1] (B >= 2; right-associative, so
    /// `__concat` is applied from the right end)
    CONCAT = ABC,

    /// `CLOSE A`: close all upvalues >= R[A]
    CLOSE = ABC,
    /// `JMP sJ`: pc += sJ (relative to the next instruction)
    JMP = SJ,
    /// `EQ A B k`: cond = (R[A] == R[B])
    EQ = ABC,
    /// `LT A B k`: cond = (R[A] < R[B])
    LT = ABC,
    /// `LE A B k`: cond = (R[A] <= R[B])
    LE = ABC,
    /// `EQK A B k`: cond = (R[A] == K[B])
    EQK = ABC,
    /// `EQI A sB k`: cond = (R[A] == sB)
    EQI = ABC,
    /// `LTI A sB k`: cond = (R[A] < sB)
    LTI = ABC,
    /// `LEI A sB k`: cond = (R[A] <= sB)
    LEI = ABC,
    /// `GTI A sB k`: cond = (R[A] > sB), i.e. `sB < R[A]` (metamethods see (sB, R[A]))
    GTI = ABC,
    /// `GEI A sB k`: cond = (R[A] >= sB), i.e. `sB <= R[A]`
    GEI = ABC,
    /// `TEST A k`: cond = truthy(R[A])
    TEST = ABC,
    /// `TESTSET A B k`: cond = truthy(R[B]); if cond == k { R[A] = R[B]; take the JMP }
    TESTSET = ABC,

    /// `CALL A B C`: R[A], ..., R[A+C-2] = R[A](R[A+1], ..., R[A+B-1]).
    /// B = 0: the arguments run up to top. C = 0: all results are kept and set top;
    /// otherwise exactly C-1 results (missing ones are nil).
    CALL = ABC,
    /// `TAILCALL A B`: return R[A](R[A+1], ..., R[A+B-1]) (B = 0: up to top). A proper
    /// tail call unless the frame has pending deferred calls (then a call + return).
    TAILCALL = ABC,
    /// `RETURN A B`: return R[A], ..., R[A+B-2] (B = 0: up to top). Runs pending
    /// deferred calls first; closes upvalues.
    RETURN = ABC,
    /// `RETURN0`: return with no values
    RETURN0 = ABC,
    /// `RETURN1 A`: return R[A]
    RETURN1 = ABC,

    /// `CLOSURE A Bx`: R[A] = closure(child prototype Bx)
    CLOSURE = ABx,
    /// `VARARG A C`: R[A], ..., R[A+C-2] = extra arguments (C = 0: all, sets top)
    VARARG = ABC,
    /// `PACKREST A`: R[A] = a new table {extra arguments..., n = count} (named rest parameter)
    PACKREST = ABC,
    /// `SPREAD A`: replaces R[A] (must be a table, else `cannot spread a T value`) by its
    /// values t[1], ..., t[n] in R[A]... and sets top (n = t.n if that raw field is a
    /// non-negative integer, else #t).
    SPREAD = ABC,
    /// `SETLIST A B C`: R[A][off+i] = R[A+i] for 1 <= i <= B (B = 0: up to top), where
    /// off = C, or if C == 255 the Ax of the following EXTRAARG. nil values are not stored.
    SETLIST = ABC,

    /// `RANGEPREP A B C`: start a `range` loop. R[A], R[A+1], R[A+2] hold the three
    /// adjusted values x, s, c; B = number of loop variables (0 for `for range x`);
    /// C = 1 when the range clause had exactly one expression (table / channel / number /
    /// callable dispatch of spec 7.8), 0 for the generic protocol. The interpreter may
    /// rewrite R[A..A+2] into its own iteration state. The loop variables live in
    /// R[A+3], ..., R[A+2+B]; the compiler reserves R[A] .. R[A+6+B] for the loop
    /// (the extra registers are interpreter scratch). Followed by a JMP to the RANGECALL.
    RANGEPREP = ABC,
    /// `RANGECALL A B`: compute the next iteration's values into R[A+3], ..., R[A+2+B]
    /// (for the generic protocol: call R[A](R[A+1], R[A+2]), adjusted to max(B, 1)
    /// results). Always followed by RANGELOOP.
    RANGECALL = ABC,
    /// `RANGELOOP A sBx`: if the iteration has not ended, update the control state and
    /// pc += sBx (back to the loop body); otherwise fall through (loop exit).
    RANGELOOP = AsBx,

    /// `DEFER A B`: record the deferred call R[A](R[A+1], ..., R[A+B-1]) (B = 0: up to
    /// top) on the current frame's defer list. The callee is not checked yet.
    DEFER = ABC,
    /// `GO A B`: start a goroutine running R[A](R[A+1], ..., R[A+B-1]) (B = 0: up to top).
    /// Raises `attempt to call a T value` here if R[A] is not callable.
    GO = ABC,
    /// `MAKECHAN A B C`: R[A] = make(chan) if C == 0, else make(chan, R[B])
    MAKECHAN = ABC,
    /// `SEND A B`: R[A] <- R[B]
    SEND = ABC,
    /// `RECV A B C`: R[A] = <-R[B]; if C == 1 also R[A+1] = ok
    RECV = ABC,
    /// `SELECT A B C`: wait on B cases (C = 1: there is a default clause). Case i uses
    /// R[A+2i] (the channel) and R[A+2i+1] (the value, for a send case). Followed by an
    /// EXTRAARG whose Ax is the index of an integer constant: bit i set = case i is a send.
    /// Afterwards R[A] = the chosen case index (B for default), R[A+1] = received value,
    /// R[A+2] = ok. Needs R[A] .. R[A+max(2B, 3)-1].
    SELECT = ABC,

    /// `FORLT A B sC`: counted-loop step, a fast path for the three instructions that
    /// follow it: `ADDI A A sC` (or `SUBK A A K` with K = -sC), then `LT A B 1` and a
    /// backward `JMP`. If R[A] and R[B] are inline integers and R[A] + sC stays inline,
    /// it does their work at once: R[A] += sC; if R[A] < R[B] it takes the JMP, else it
    /// continues after the JMP. Otherwise it does nothing (the next instruction, the
    /// original step, runs). Emitted for `for init; i < n; i++ { }` and alike.
    FORLT = ABC,
    /// `FORLE A B sC`: as FORLT with `LE A B 1` (cond: R[A] <= R[B])
    FORLE = ABC,
    /// `FORGT A B sC`: as FORLT with `LT B A 1` (cond: R[B] < R[A])
    FORGT = ABC,
    /// `FORGE A B sC`: as FORLT with `LE B A 1` (cond: R[B] <= R[A])
    FORGE = ABC,
    /// `FORLTI A sB sC`: as FORLT with `LTI A sB 1` (cond: R[A] < sB)
    FORLTI = ABC,
    /// `FORLEI A sB sC`: as FORLT with `LEI A sB 1` (cond: R[A] <= sB)
    FORLEI = ABC,
    /// `FORGTI A sB sC`: as FORLT with `GTI A sB 1` (cond: R[A] > sB)
    FORGTI = ABC,
    /// `FORGEI A sB sC`: as FORLT with `GEI A sB 1` (cond: R[A] >= sB)
    FORGEI = ABC,
    /// `FORLTR A B C`: as FORLT with a register step: `ADD A A C`, `LT A B 1`, JMP
    /// (R[C] must be an inline integer too)
    FORLTR = ABC,
    /// `FORLER A B C`: as FORLTR with `LE A B 1`
    FORLER = ABC,
    /// `FORLTK A B sC`: as FORLT with a constant bound: the step is followed by
    /// `LOADI T n` (or `LOADK`), `LT A T 1` and the JMP; K[B] is the integer n
    FORLTK = ABC,
    /// `FORLEK A B sC`: as FORLTK with `LE A T 1`
    FORLEK = ABC,

    /// `EXTRAARG Ax`: extra operand for the previous instruction
    EXTRAARG = Ax,
}

/// One encoded instruction.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(transparent)]
pub struct Instr(pub u32);

impl Instr {
    #[inline]
    pub fn abc(op: Op, a: u8, b: u8, c: u8) -> Instr {
        Instr(op as u32 | (a as u32) << 8 | (b as u32) << 16 | (c as u32) << 24)
    }
    #[inline]
    pub fn abx(op: Op, a: u8, bx: u32) -> Instr {
        debug_assert!(bx <= MAX_BX);
        Instr(op as u32 | (a as u32) << 8 | bx << 16)
    }
    #[inline]
    pub fn asbx(op: Op, a: u8, sbx: i32) -> Instr {
        debug_assert!((-OFFSET_SBX..=(MAX_BX as i32 - OFFSET_SBX)).contains(&sbx));
        Instr::abx(op, a, (sbx + OFFSET_SBX) as u32)
    }
    #[inline]
    pub fn ax(op: Op, ax: u32) -> Instr {
        debug_assert!(ax <= MAX_AX);
        Instr(op as u32 | ax << 8)
    }
    #[inline]
    pub fn jump(op: Op, sj: i32) -> Instr {
        debug_assert!((-OFFSET_SJ..=(MAX_AX as i32 - OFFSET_SJ)).contains(&sj));
        Instr::ax(op, (sj + OFFSET_SJ) as u32)
    }

    /// The opcode without validation.
    ///
    /// # Safety
    /// The low byte must be a valid `Op` (true for every instruction built through the
    /// constructors above; the VM validates loaded code once).
    #[inline(always)]
    pub unsafe fn op_unchecked(self) -> Op {
        debug_assert!(Op::from_u8(self.0 as u8).is_some());
        // SAFETY: Op is repr(u8) with contiguous discriminants; the caller guarantees range.
        unsafe { std::mem::transmute::<u8, Op>(self.0 as u8) }
    }

    /// The opcode. Instructions built by the compiler always hold a valid op.
    #[inline]
    pub fn op(self) -> Op {
        match Op::from_u8(self.0 as u8) {
            Some(op) => op,
            None => Op::EXTRAARG,
        }
    }
    #[inline]
    pub fn a(self) -> usize {
        (self.0 >> 8 & 0xFF) as usize
    }
    #[inline]
    pub fn b(self) -> usize {
        (self.0 >> 16 & 0xFF) as usize
    }
    #[inline]
    pub fn c(self) -> usize {
        (self.0 >> 24) as usize
    }
    #[inline]
    pub fn sb(self) -> i64 {
        self.b() as i64 - OFFSET_SC as i64
    }
    #[inline]
    pub fn sc(self) -> i64 {
        self.c() as i64 - OFFSET_SC as i64
    }
    /// The `k` flag of a conditional op (bit 0 of C).
    #[inline]
    pub fn k(self) -> bool {
        self.0 >> 24 & 1 != 0
    }
    /// The float-literal flag of an immediate comparison (bit 1 of C).
    #[inline]
    pub fn imm_is_float(self) -> bool {
        self.0 >> 25 & 1 != 0
    }
    #[inline]
    pub fn bx(self) -> usize {
        (self.0 >> 16) as usize
    }
    #[inline]
    pub fn sbx(self) -> i32 {
        self.bx() as i32 - OFFSET_SBX
    }
    #[inline]
    pub fn ax_field(self) -> usize {
        (self.0 >> 8) as usize
    }
    #[inline]
    pub fn sj(self) -> i32 {
        self.ax_field() as i32 - OFFSET_SJ
    }

    /// Returns a copy with the A field replaced.
    pub fn with_a(self, a: u8) -> Instr {
        Instr(self.0 & !0xFF00 | (a as u32) << 8)
    }
    /// Returns a copy with the B field replaced.
    pub fn with_b(self, b: u8) -> Instr {
        Instr(self.0 & !0xFF_0000 | (b as u32) << 16)
    }
    /// Returns a copy with the C field replaced.
    pub fn with_c(self, c: u8) -> Instr {
        Instr(self.0 & !0xFF00_0000 | (c as u32) << 24)
    }
    /// Returns a copy with the sJ field replaced (for patching jumps).
    pub fn with_sj(self, sj: i32) -> Instr {
        Instr::jump(self.op(), sj)
    }
    /// Returns a copy with the sBx field replaced.
    pub fn with_sbx(self, sbx: i32) -> Instr {
        Instr::asbx(self.op(), self.a() as u8, sbx)
    }
}

impl fmt::Debug for Instr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = self.op();
        match op.format() {
            Format::ABC => write!(f, "{:<10} {} {} {}", op.name(), self.a(), self.b(), self.c()),
            Format::ABx => write!(f, "{:<10} {} {}", op.name(), self.a(), self.bx()),
            Format::AsBx => write!(f, "{:<10} {} {}", op.name(), self.a(), self.sbx()),
            Format::Ax => write!(f, "{:<10} {}", op.name(), self.ax_field()),
            Format::SJ => write!(f, "{:<10} {}", op.name(), self.sj()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn op_table_round_trips() {
        for (i, op) in Op::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert_eq!(Op::from_u8(i as u8), Some(*op));
        }
        assert!(Op::ALL.len() < 256);
    }

    #[test]
    fn fields_round_trip() {
        let i = Instr::abc(Op::ADD, 1, 2, 255);
        assert_eq!((i.op(), i.a(), i.b(), i.c()), (Op::ADD, 1, 2, 255));
        let i = Instr::asbx(Op::LOADI, 7, -5);
        assert_eq!((i.op(), i.a(), i.sbx()), (Op::LOADI, 7, -5));
        let i = Instr::jump(Op::JMP, -100_000);
        assert_eq!((i.op(), i.sj()), (Op::JMP, -100_000));
        let i = Instr::abc(Op::ADDI, 0, 3, (-3 + OFFSET_SC) as u8);
        assert_eq!(i.sc(), -3);
        assert_eq!(Instr::jump(Op::JMP, 0).with_sj(42).sj(), 42);
    }
}
