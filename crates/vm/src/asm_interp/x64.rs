//! x86-64 code of the assembly interpreter (see `mod.rs` for the division of work and
//! the machine state), generated with dynasm-rs.
//!
//! Handler conventions: on entry `eax` holds the instruction and `r12` points at the
//! next one. Operands are decoded into `rdx` (A), `rcx` (B) and `rsi` (C); values are
//! worked on in `r8`-`r11`, `rdi`, `xmm0`, `xmm1`. A handler jumps to `bail` (which
//! backs `r12` up by one instruction and returns to Rust) only before it has written
//! anything, so the Rust loop can run the instruction from scratch.
//!
//! Value encoding (value.rs): a float is any word <= 0xFFF8_0000_0000_0000, so "tag"
//! (the top 16 bits) <= 0xFFF8 means float; tag 0xFFF9 is an inline integer whose low
//! 48 bits are the two's-complement payload (`shl 16; sar 16` untags, `shl 16; shr 16;
//! or rbp` tags; a result fits when untagging its low 48 bits gives it back).

use super::{AsmCtx, Layout};
use crate::value::{Value, TAG_INT, TAG_SHIFT, TAG_TABLE};
const TAG_FUNC: i32 = crate::value::TAG_FUNC as i32;
use compiler::Op;
use dynasmrt::{dynasm, AssemblyOffset, DynamicLabel, DynasmApi, DynasmLabelApi};
use std::mem::offset_of;

macro_rules! asm {
    ($g:expr; $($t:tt)*) => {
        dynasm!($g.ops ; .arch x64 ; $($t)*)
    };
}

const CTX_PC: i32 = offset_of!(AsmCtx, pc) as i32;
const CTX_COUNTDOWN: i32 = offset_of!(AsmCtx, countdown) as i32;
const CTX_JIT: i32 = offset_of!(AsmCtx, jit_on) as i32;
const CTX_TABLE: i32 = offset_of!(AsmCtx, table) as i32;
const CTX_BASE: i32 = offset_of!(AsmCtx, base) as i32;
const CTX_K: i32 = offset_of!(AsmCtx, k) as i32;
const CTX_PROTO: i32 = offset_of!(AsmCtx, proto) as i32;
const CTX_CLOSURE: i32 = offset_of!(AsmCtx, closure) as i32;
const CTX_SELF: i32 = offset_of!(AsmCtx, self_fn) as i32;
const CTX_LEN: i32 = offset_of!(AsmCtx, len_fn) as i32;
const CTX_SET_INT: i32 = offset_of!(AsmCtx, set_int_fn) as i32;
const CTX_RAW_EQ: i32 = offset_of!(AsmCtx, raw_eq_fn) as i32;
const TAG_STR: i32 = crate::value::TAG_STR as i32;
const RETURNING_OR_TAIL_RETURN: i32 = (crate::thread::flags::RETURNING | crate::thread::flags::TAIL_RETURN) as i32;
const TAIL: i32 = crate::thread::flags::TAIL as i32;
const CTX_CODE: i32 = offset_of!(AsmCtx, code) as i32;
const CTX_THREAD: i32 = offset_of!(AsmCtx, thread) as i32;
const CTX_MAXFRAMES: i32 = offset_of!(AsmCtx, max_frames) as i32;
const KIND_CLOSURE: i8 = crate::object::ObjKind::Closure as u8 as i8;
const NOT_TAIL: i32 = !crate::thread::flags::TAIL as i32 & 0xFFFF;
const TAG_INT_WORD: i64 = (TAG_INT << TAG_SHIFT) as i64;
const NIL: i64 = Value::NIL.0 as i64;
const FALSE: i64 = Value::FALSE.0 as i64;
const TAG_SIMPLE: i32 = crate::value::TAG_SIMPLE as i32;
const OFFSET_SJ: i32 = compiler::bytecode::OFFSET_SJ;

/// Where an operand comes from.
#[derive(Clone, Copy, PartialEq)]
enum Src {
    /// Register A / B / C of the frame.
    RegA,
    RegB,
    RegC,
    /// Constant B / C.
    KB,
    KC,
    /// The signed immediate sB / sC (an integer).
    ImmB,
    ImmC,
}

#[derive(Clone, Copy, PartialEq)]
enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}

/// A comparison `x REL y` (signed integers; for floats, false when unordered).
#[derive(Clone, Copy, PartialEq)]
enum Rel {
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, PartialEq)]
enum Bit {
    And,
    Or,
    Xor,
}

struct Gen {
    ops: dynasmrt::x64::Assembler,
    lay: Layout,
    /// Leave to Rust: back `r12` up to the current instruction and return.
    bail: DynamicLabel,
    /// Shared tails of the conditional ops: `ecx` = cond, `eax` = the instruction.
    cond_tail: DynamicLabel,
    /// A taken jump to `rcx` that is a back-edge (safepoint check first).
    back_edge: DynamicLabel,
}

impl Gen {
    /// Loads the running frame's state from the context (entry, after a callout that
    /// changed frames).
    fn reload(&mut self) {
        asm!(self ; mov rbx, QWORD [r15 + CTX_BASE] ; mov r12, QWORD [r15 + CTX_PC] ; mov r14, QWORD [r15 + CTX_K]);
    }

    /// Calls an op callout (callout.rs `OpCallout`, address at `ctx + slot`) for the
    /// instruction in `eax`: 0 leaves it to Rust, 1 means done (same frame).
    fn callout(&mut self, slot: i32) {
        let bail = self.bail;
        asm!(self
            ; mov rdi, r15
            ; mov esi, DWORD [r12 - 4]
            ; mov rdx, r12
            ; mov rcx, rbx
            ; call QWORD [r15 + slot]
            ; test eax, eax
            ; jz =>bail
        );
        self.dispatch();
    }

    /// With the table pointer in `r8`, the key in `r9` and the hint index (zero-extended)
    /// in `r11`: jumps to `bail` unless entry `r11` of the hash part holds exactly that
    /// key; then `r11` = the entry's address.
    fn cached_entry(&mut self) {
        let bail = self.bail;
        let (ptr, len, size, key) = (self.lay.ent_ptr, self.lay.ent_len, self.lay.entry_size, self.lay.entry_key);
        asm!(self
            ; cmp r11, QWORD [r8 + len]
            ; jae =>bail
            ; imul r11, r11, size
            ; add r11, QWORD [r8 + ptr]
            ; cmp r9, QWORD [r11 + key]
            ; jne =>bail
        );
    }

    /// R[A] = the value of the cached entry in `r11` (table in `r8`), unless it is nil
    /// and the table has a metatable (`__index` then: Rust).
    fn store_cached_get(&mut self) {
        let bail = self.bail;
        let (val, meta) = (self.lay.entry_value, self.lay.meta);
        asm!(self
            ; mov r10, QWORD [r11 + val]
            ; mov r9, QWORD NIL
            ; cmp r10, r9
            ; jne >store
            ; cmp QWORD [r8 + meta], 0
            ; jne =>bail
            ; store:
            ; mov QWORD [rbx + rdx * 8], r10
        );
        self.dispatch();
    }

    /// Stores `r10` into the cached entry in `r11` if its value is not nil (an absent
    /// key: insertion order / `__newindex`, Rust).
    fn store_cached_set(&mut self) {
        let bail = self.bail;
        let val = self.lay.entry_value;
        asm!(self
            ; mov r9, QWORD NIL
            ; cmp QWORD [r11 + val], r9
            ; je =>bail
            ; mov QWORD [r11 + val], r10
        );
        self.dispatch();
    }

    /// `r8` = the globals table pointer of the running prototype (else `bail`), `r11` =
    /// the hint of constant `rcx` (`r10` = the cache array).
    fn env_and_hint(&mut self) {
        let bail = self.bail;
        let (env, cache) = (self.lay.proto_env, self.lay.proto_cache);
        asm!(self
            ; mov r10, QWORD [r15 + CTX_PROTO]
            ; mov r8, QWORD [r10 + env]
            ; mov r11, QWORD [r10 + cache]
            ; mov r11d, DWORD [r11 + rcx * 4]
        );
        self.check_tag(8, 10, TAG_TABLE as i32, bail);
        asm!(self ; shl r8, 16 ; shr r8, 16);
    }

    /// `r8` = the table pointer of register `src` (else `bail`), `r11` = the hint of
    /// constant `kreg` (a register holding B or C).
    fn table_and_hint(&mut self, src: Src, kreg: u8) {
        let bail = self.bail;
        let cache = self.lay.proto_cache;
        self.load(src, 8);
        self.check_tag(8, 10, TAG_TABLE as i32, bail);
        asm!(self
            ; shl r8, 16 ; shr r8, 16
            ; mov r10, QWORD [r15 + CTX_PROTO]
            ; mov r11, QWORD [r10 + cache]
            ; mov r11d, DWORD [r11 + Rq(kreg) * 4]
        );
    }

    /// The shared start of CALL and TAILCALL (operands decoded, B resolved): `bail`
    /// unless the safepoint countdown stays above zero and R[A] is a script closure;
    /// then `r8` = the closure, `r9` = its prototype, `r10` = the thread.
    fn closure_callee(&mut self) {
        let bail = self.bail;
        let l = self.lay;
        asm!(self
            ; cmp QWORD [r15 + CTX_COUNTDOWN], 1
            ; jle =>bail
            ; mov r8, QWORD [rbx + rdx * 8]
        );
        self.check_tag(8, 10, TAG_FUNC, bail);
        asm!(self
            ; shl r8, 16 ; shr r8, 16
            ; cmp BYTE [r8 + l.obj_kind], KIND_CLOSURE
            ; jne =>bail
            ; mov r9, QWORD [r8 + l.clo_proto]
            ; mov r10, QWORD [r15 + CTX_THREAD]
        );
    }

    /// `CALL A B C` (B != 0) of a script closure with fixed parameters: the Rust loop's
    /// fast path (interp.rs CALL; same conditions, all checked before any effect):
    /// nil-fill the missing parameters, save pc, count the safepoint, push a plain
    /// frame, switch to it.
    fn call(&mut self) {
        let bail = self.bail;
        let l = self.lay;
        let fsz = l.frame_size;
        self.decode_abc();
        self.b_or_top(0);
        self.closure_callee();
        asm!(self
            // rdi = the new base (a stack index): this frame's base + A + 1.
            ; mov rdi, rbx
            ; sub rdi, QWORD [r10 + l.th_stack_ptr]
            ; shr rdi, 3
            ; lea rdi, [rdi + rdx + 1]
            // new_base + max(nargs, num_params) + fixed_call_need < stack.len()
            ; lea rax, [rcx - 1]
            ; mov r11, QWORD [r9 + l.proto_nparams]
            ; cmp rax, r11
            ; cmovb rax, r11
            ; add rax, QWORD [r9 + l.proto_need]
            ; add rax, rdi
            ; cmp rax, QWORD [r10 + l.th_stack_len]
            ; jae =>bail
            ; mov rax, QWORD [r10 + l.th_frames_len]
            ; cmp rax, QWORD [r15 + CTX_MAXFRAMES]
            ; jae =>bail
            ; cmp rax, QWORD [r10 + l.th_frames_cap]
            ; jae =>bail
            // Effects from here on. Missing parameters: nil (rcx = the new R[0]).
            ; lea rax, [rcx - 1]
            ; lea rcx, [rbx + rdx * 8 + 8]
            ; mov r11, QWORD [r9 + l.proto_nparams]
            ; mov rdx, QWORD NIL
            ; cmp rax, r11
            ; jae >filled
            ; fill:
            ; mov QWORD [rcx + rax * 8], rdx
            ; add rax, 1
            ; cmp rax, r11
            ; jb <fill
            ; filled:
            // rdx = the new frame's slot; the running frame's pc is saved just below it.
            ; mov rax, QWORD [r10 + l.th_frames_len]
            ; imul rdx, rax, fsz
            ; add rdx, QWORD [r10 + l.th_frames_ptr]
            ; mov r11, r12
            ; sub r11, QWORD [r15 + CTX_CODE]
            ; shr r11, 2
            ; mov QWORD [rdx + (l.fr_pc - fsz)], r11
            ; sub QWORD [r15 + CTX_COUNTDOWN], 1
            // Frame::new(func, new_base, Some(closure), C - 1)
            ; lea r11, [rdi - 1]
            ; mov QWORD [rdx + l.fr_func], r11
            ; mov QWORD [rdx + l.fr_base], rdi
            ; mov QWORD [rdx + l.fr_pc], 0
            ; mov QWORD [rdx + l.fr_closure], r8
            ; mov r11d, esi
            ; sub r11d, 1
            ; mov DWORD [rdx + l.fr_want], r11d
            ; mov WORD [rdx + l.fr_flags], 0
            ; mov DWORD [rdx + l.fr_varargs], 0
            ; mov DWORD [rdx + l.fr_aux], 0
            ; mov QWORD [rdx + l.fr_extra], 0
            ; add rax, 1
            ; mov QWORD [r10 + l.th_frames_len], rax
            ; mov rbx, rcx
            ; mov r12, QWORD [r9 + l.proto_code]
            ; mov r14, QWORD [r9 + l.proto_k]
            ; mov QWORD [r15 + CTX_CODE], r12
            ; mov QWORD [r15 + CTX_PROTO], r9
            ; mov QWORD [r15 + CTX_K], r14
            ; mov QWORD [r15 + CTX_CLOSURE], r8
        );
        self.dispatch();
    }

    /// RETURN0 / RETURN1 A / RETURN A B (B != 0) from a plain frame (only the TAIL flag,
    /// no deferred calls or handler) with no open upvalues to close: the Rust loop's
    /// `fast_return!` (else Rust, which also closes upvalues). `n` = 0, 1 or None (B-1).
    fn ret(&mut self, n: Option<i32>) {
        let bail = self.bail;
        let l = self.lay;
        let fsz = l.frame_size;
        match n {
            Some(0) => asm!(self ; xor edx, edx ; xor ecx, ecx),
            Some(k) => {
                self.decode_a();
                asm!(self ; mov ecx, k);
            }
            None => {
                self.decode_a();
                self.decode_b();
                self.b_or_top(1);
                asm!(self ; sub ecx, 1);
            }
        }
        asm!(self
            ; mov r10, QWORD [r15 + CTX_THREAD]
            ; mov rax, QWORD [r10 + l.th_frames_len]
            ; cmp rax, 1
            ; jbe =>bail
            ; imul r11, rax, fsz
            ; add r11, QWORD [r10 + l.th_frames_ptr]
            ; sub r11, fsz
            ; movzx r9d, WORD [r11 + l.fr_flags]
            ; and r9d, NOT_TAIL
            ; jnz =>bail
            ; cmp QWORD [r11 + l.fr_extra], 0
            ; jne =>bail
            ; mov r9, QWORD [r10 + l.th_ou_len]
            ; test r9, r9
            ; jz >noup
            ; mov r8, QWORD [r10 + l.th_ou_ptr]
            ; mov r8, QWORD [r8 + r9 * 8 - 8]
            ; mov r8, QWORD [r8 + l.upval_index]
            ; cmp r8, QWORD [r11 + l.fr_base]
            ; jae =>bail
            ; noup:
            // Effects: copy R[A..A+n] to the callee slot and up.
            ; mov rdi, QWORD [r10 + l.th_stack_ptr]
            ; mov r8, QWORD [r11 + l.fr_func]
            ; lea r8, [rdi + r8 * 8]
            ; lea r9, [rbx + rdx * 8]
            ; xor esi, esi
            ; cp:
            ; cmp rsi, rcx
            ; jae >copied
            ; mov rdx, QWORD [r9 + rsi * 8]
            ; mov QWORD [r8 + rsi * 8], rdx
            ; add rsi, 1
            ; jmp <cp
            ; copied:
            ; movsxd rdx, DWORD [r11 + l.fr_want]
            ; test rdx, rdx
            ; js >all
            ; mov r9, QWORD NIL
            ; nf:
            ; cmp rsi, rdx
            ; jge >done
            ; mov QWORD [r8 + rsi * 8], r9
            ; add rsi, 1
            ; jmp <nf
            ; all:
            ; mov r9, QWORD [r11 + l.fr_func]
            ; add r9, rcx
            ; mov QWORD [r10 + l.th_top], r9
            ; done:
            // Pop the frame and resume the caller (a script frame).
            ; sub rax, 1
            ; mov QWORD [r10 + l.th_frames_len], rax
            ; sub r11, fsz
            ; mov r8, QWORD [r11 + l.fr_closure]
            ; mov r9, QWORD [r8 + l.clo_proto]
            ; mov rbx, QWORD [r11 + l.fr_base]
            ; shl rbx, 3
            ; add rbx, rdi
            ; mov r12, QWORD [r9 + l.proto_code]
            ; mov QWORD [r15 + CTX_CODE], r12
            ; mov rax, QWORD [r11 + l.fr_pc]
            ; lea r12, [r12 + rax * 4]
            ; mov r14, QWORD [r9 + l.proto_k]
            ; mov QWORD [r15 + CTX_PROTO], r9
            ; mov QWORD [r15 + CTX_K], r14
            ; mov QWORD [r15 + CTX_CLOSURE], r8
        );
        self.dispatch();
    }

    /// A value count operand B = 0 means "up to top" (bytecode.rs): then `rcx` = top -
    /// (this frame's base + A) + `extra` (CALL/TAILCALL: 0, giving nargs + 1; RETURN: 1,
    /// giving n + 1). Clobbers `rdi`, `r10`.
    fn b_or_top(&mut self, extra: i32) {
        let l = self.lay;
        asm!(self
            ; test ecx, ecx
            ; jnz >given
            ; mov r10, QWORD [r15 + CTX_THREAD]
            ; mov rcx, QWORD [r10 + l.th_top]
            ; mov rdi, rbx
            ; sub rdi, QWORD [r10 + l.th_stack_ptr]
            ; shr rdi, 3
            ; add rdi, rdx
            ; sub rcx, rdi
            ; add rcx, extra
            ; given:
        );
    }

    fn dispatch(&mut self) {
        asm!(self
            ; mov eax, DWORD [r12]
            ; movzx ecx, al
            ; add r12, 4
            ; jmp QWORD [r13 + rcx * 8]
        );
    }

    fn decode_a(&mut self) {
        asm!(self ; mov edx, eax ; shr edx, 8 ; movzx edx, dl);
    }
    fn decode_b(&mut self) {
        asm!(self ; mov ecx, eax ; shr ecx, 16 ; movzx ecx, cl);
    }
    fn decode_c(&mut self) {
        asm!(self ; mov esi, eax ; shr esi, 24);
    }
    fn decode_abc(&mut self) {
        self.decode_a();
        self.decode_b();
        self.decode_c();
    }

    /// Loads a tagged operand into register `r`.
    fn load(&mut self, src: Src, r: u8) {
        match src {
            Src::RegA => asm!(self ; mov Rq(r), QWORD [rbx + rdx * 8]),
            Src::RegB => asm!(self ; mov Rq(r), QWORD [rbx + rcx * 8]),
            Src::RegC => asm!(self ; mov Rq(r), QWORD [rbx + rsi * 8]),
            Src::KB => asm!(self ; mov Rq(r), QWORD [r14 + rcx * 8]),
            Src::KC => asm!(self ; mov Rq(r), QWORD [r14 + rsi * 8]),
            Src::ImmB => {
                asm!(self ; lea Rq(r), [rcx - 128]);
                self.tag_int(r);
            }
            Src::ImmC => {
                asm!(self ; lea Rq(r), [rsi - 128]);
                self.tag_int(r);
            }
        }
    }

    /// Loads an operand as an untagged integer into `r`; jumps to `miss` unless it is
    /// an inline integer (`tmp` is clobbered).
    fn load_int(&mut self, src: Src, r: u8, tmp: u8, miss: DynamicLabel) {
        match src {
            Src::ImmB => asm!(self ; lea Rq(r), [rcx - 128]),
            Src::ImmC => asm!(self ; lea Rq(r), [rsi - 128]),
            _ => {
                self.load(src, r);
                self.check_tag(r, tmp, TAG_INT as i32, miss);
                self.untag_int(r);
            }
        }
    }

    /// Jumps to `miss` unless the top 16 bits of `r` are `tag` (`tmp` is clobbered).
    fn check_tag(&mut self, r: u8, tmp: u8, tag: i32, miss: DynamicLabel) {
        asm!(self ; mov Rq(tmp), Rq(r) ; shr Rq(tmp), 48 ; cmp Rd(tmp), tag ; jne =>miss);
    }
    fn untag_int(&mut self, r: u8) {
        asm!(self ; shl Rq(r), 16 ; sar Rq(r), 16);
    }
    fn tag_int(&mut self, r: u8) {
        asm!(self ; shl Rq(r), 16 ; shr Rq(r), 16 ; or Rq(r), rbp);
    }
    /// Jumps to `miss` unless the integer in `r` fits the inline range.
    fn check_fits(&mut self, r: u8, miss: DynamicLabel) {
        asm!(self ; mov rdi, Rq(r) ; shl rdi, 16 ; sar rdi, 16 ; cmp rdi, Rq(r) ; jne =>miss);
    }
    /// Converts the number in `r` (tag in `tag`) to a double in xmm `x`; `bail` for
    /// non-numbers and boxed integers.
    fn to_double(&mut self, r: u8, tag: u8, x: u8) {
        let bail = self.bail;
        asm!(self
            ; cmp Rd(tag), 0xFFF8
            ; ja >notf
            ; movq Rx(x), Rq(r)
            ; jmp >done
            ; notf:
            ; cmp Rd(tag), TAG_INT as i32
            ; jne =>bail
        );
        self.untag_int(r);
        asm!(self ; cvtsi2sd Rx(x), Rq(r) ; done:);
    }

    /// `R[A] = lhs op rhs`: inline integers (wrapping, leaving results outside the
    /// inline range to Rust, which boxes them), then numbers as floats.
    fn arith(&mut self, op: Arith, lhs: Src, rhs: Src) {
        let bail = self.bail;
        self.decode_abc();
        self.load(lhs, 8);
        self.load(rhs, 9);
        asm!(self ; mov r10, r8 ; shr r10, 48 ; mov r11, r9 ; shr r11, 48);
        if op != Arith::Div {
            asm!(self ; cmp r10d, TAG_INT as i32 ; jne >flt ; cmp r11d, TAG_INT as i32 ; jne >flt);
            self.untag_int(8);
            self.untag_int(9);
            match op {
                Arith::Add => asm!(self ; add r8, r9),
                Arith::Sub => asm!(self ; sub r8, r9),
                _ => asm!(self ; imul r8, r9),
            }
            self.check_fits(8, bail);
            self.tag_int(8);
            asm!(self ; mov QWORD [rbx + rdx * 8], r8);
            self.dispatch();
            asm!(self ; flt:);
        }
        self.to_double(8, 10, 0);
        self.to_double(9, 11, 1);
        match op {
            Arith::Add => asm!(self ; addsd xmm0, xmm1),
            Arith::Sub => asm!(self ; subsd xmm0, xmm1),
            Arith::Mul => asm!(self ; mulsd xmm0, xmm1),
            Arith::Div => asm!(self ; divsd xmm0, xmm1),
        }
        // IEEE results are canonical (Value::float_arith).
        asm!(self ; movq r8, xmm0 ; mov QWORD [rbx + rdx * 8], r8);
        self.dispatch();
    }

    /// `R[A] = R[B] % rhs` for inline integers with a nonzero divisor (floored, like
    /// ops::int_mod); everything else is left to Rust.
    fn modulo(&mut self, rhs: Src) {
        let bail = self.bail;
        self.decode_abc();
        self.load_int(Src::RegB, 8, 10, bail);
        self.load_int(rhs, 9, 11, bail);
        // 48-bit operands: idiv cannot overflow.
        asm!(self
            ; test r9, r9
            ; jz =>bail
            ; mov rdi, rdx
            ; mov rax, r8
            ; cqo
            ; idiv r9
            ; test rdx, rdx
            ; jz >done
            ; mov rax, rdx
            ; xor rax, r9
            ; jns >done
            ; add rdx, r9
            ; done:
            ; mov r8, rdx
        );
        self.tag_int(8);
        asm!(self ; mov QWORD [rbx + rdi * 8], r8);
        self.dispatch();
    }

    /// `R[A] = R[B] op rhs` for inline integers (the result of and/or/xor of two inline
    /// integers is inline: it is computed on the tagged words).
    fn bitwise(&mut self, op: Bit, rhs: Src) {
        let bail = self.bail;
        self.decode_abc();
        self.load(Src::RegB, 8);
        self.load(rhs, 9);
        self.check_tag(8, 10, TAG_INT as i32, bail);
        self.check_tag(9, 11, TAG_INT as i32, bail);
        match op {
            Bit::And => asm!(self ; and r8, r9),
            Bit::Or => asm!(self ; or r8, r9),
            Bit::Xor => asm!(self ; xor r8, r9 ; or r8, rbp),
        }
        asm!(self ; mov QWORD [rbx + rdx * 8], r8);
        self.dispatch();
    }

    /// `setcc cl` for `x REL y` after `cmp x, y` (signed).
    fn set_int_rel(&mut self, rel: Rel) {
        match rel {
            Rel::Lt => asm!(self ; setl cl),
            Rel::Le => asm!(self ; setle cl),
            Rel::Gt => asm!(self ; setg cl),
            Rel::Ge => asm!(self ; setge cl),
        }
    }
    /// `cl = xmm0 REL xmm1` (false when unordered).
    fn set_float_rel(&mut self, rel: Rel) {
        match rel {
            Rel::Lt => asm!(self ; ucomisd xmm1, xmm0 ; seta cl),
            Rel::Le => asm!(self ; ucomisd xmm1, xmm0 ; setae cl),
            Rel::Gt => asm!(self ; ucomisd xmm0, xmm1 ; seta cl),
            Rel::Ge => asm!(self ; ucomisd xmm0, xmm1 ; setae cl),
        }
    }

    /// LT / LE / LTI / LEI / GTI / GEI: `R[A] REL rhs`, both inline integers or both
    /// floats (an immediate is compared as an integer or as its float value); mixed
    /// and other operands are left to Rust.
    fn compare(&mut self, rel: Rel, rhs: Src) {
        let (bail, tail) = (self.bail, self.cond_tail);
        self.decode_a();
        self.decode_b();
        self.load(Src::RegA, 8);
        asm!(self ; mov r10, r8 ; shr r10, 48 ; cmp r10d, TAG_INT as i32 ; jne >flt);
        self.untag_int(8);
        self.load_int(rhs, 9, 11, bail);
        asm!(self ; xor ecx, ecx ; cmp r8, r9);
        self.set_int_rel(rel);
        asm!(self ; jmp =>tail ; flt: ; cmp r10d, 0xFFF8 ; ja =>bail ; movq xmm0, r8);
        match rhs {
            Src::ImmB => asm!(self ; lea r9, [rcx - 128] ; cvtsi2sd xmm1, r9),
            _ => {
                self.load(rhs, 9);
                asm!(self ; mov r11, r9 ; shr r11, 48 ; cmp r11d, 0xFFF8 ; ja =>bail ; movq xmm1, r9);
            }
        }
        asm!(self ; xor ecx, ecx);
        self.set_float_rel(rel);
        asm!(self ; jmp =>tail);
    }

    /// EQ / EQK: identical non-float words are equal, different inline integers or a
    /// nil/boolean against anything else are not, floats compare as IEEE; the rest
    /// (tables with `__eq`, strings, mixed numbers) is left to Rust.
    fn equal(&mut self, rhs: Src) {
        let (bail, tail) = (self.bail, self.cond_tail);
        self.decode_a();
        self.decode_b();
        self.load(Src::RegA, 8);
        self.load(rhs, 9);
        asm!(self
            ; mov r10, r8 ; shr r10, 48
            ; mov r11, r9 ; shr r11, 48
            ; xor ecx, ecx
            ; cmp r8, r9
            ; jne >ne
            ; cmp r10d, 0xFFF8
            ; jbe >flt
            ; mov ecx, 1
            ; jmp =>tail
            ; ne:
            ; cmp r10d, TAG_SIMPLE
            ; je =>tail
            ; cmp r11d, TAG_SIMPLE
            ; je =>tail
            ; cmp r10d, TAG_INT as i32
            ; jne >notint
            ; cmp r11d, TAG_INT as i32
            ; je =>tail
            ; notint:
            ; cmp r10d, TAG_STR
            ; jne >nostr
            ; cmp r11d, TAG_STR
            ; jne >nostr
            ; mov rdi, r8
            ; mov rsi, r9
            ; call QWORD [r15 + CTX_RAW_EQ]
            ; mov ecx, eax
            ; mov eax, DWORD [r12 - 4]
            ; jmp =>tail
            ; nostr:
            ; cmp r10d, 0xFFF8
            ; ja =>bail
            ; cmp r11d, 0xFFF8
            ; ja =>bail
            ; flt:
            ; movq xmm0, r8
            ; movq xmm1, r9
            ; ucomisd xmm0, xmm1
            ; setnp cl
            ; mov eax, 0
            ; sete al
            ; and ecx, eax
            // eax was the instruction: reload it for the tail (k flag).
            ; mov eax, DWORD [r12 - 4]
            ; jmp =>tail
        );
    }

    /// EQI A sB: inline integers and floats against the immediate; nil, booleans,
    /// strings, tables and functions are never equal to it; boxed integers go to Rust.
    fn equal_imm(&mut self) {
        let (bail, tail) = (self.bail, self.cond_tail);
        self.decode_a();
        self.decode_b();
        self.load(Src::RegA, 8);
        asm!(self
            ; lea r9, [rcx - 128]
            ; mov r10, r8 ; shr r10, 48
            ; xor ecx, ecx
            ; cmp r10d, TAG_INT as i32
            ; jne >notint
            ; shl r8, 16 ; sar r8, 16
            ; cmp r8, r9
            ; sete cl
            ; jmp =>tail
            ; notint:
            ; cmp r10d, 0xFFF8
            ; ja >other
            ; movq xmm0, r8
            ; cvtsi2sd xmm1, r9
            ; ucomisd xmm0, xmm1
            ; setnp cl
            ; mov r11d, 0
            ; sete r11b
            ; and ecx, r11d
            ; jmp =>tail
            ; other:
            ; cmp r10d, TAG_FUNC
            ; jbe =>tail
            ; jmp =>bail
        );
    }

    /// FORxx (bytecode.rs): `R[A] += step`; if `R[A] REL lim` take the backward JMP at
    /// `jmp` instructions after this one, else continue after it. When an operand is
    /// not an inline integer or the sum leaves the inline range, it does nothing (the
    /// plain step instructions that follow run), exactly like the Rust loop.
    fn for_step(&mut self, rel: Rel, lim: Src, step: Src, jmp: i32) {
        let bail = self.bail;
        let next = self.ops.new_dynamic_label();
        self.decode_abc();
        self.load_int(Src::RegA, 8, 11, next);
        self.load_int(lim, 9, 11, next);
        self.load_int(step, 10, 11, next);
        asm!(self ; add r8, r10);
        self.check_fits(8, next);
        asm!(self ; cmp r8, r9);
        match rel {
            Rel::Lt => asm!(self ; jge >exit),
            Rel::Le => asm!(self ; jg >exit),
            Rel::Gt => asm!(self ; jle >exit),
            Rel::Ge => asm!(self ; jl >exit),
        }
        // The loop continues: the safepoint check comes before any effect.
        let (jmp_at, after) = (jmp * 4, (jmp + 1) * 4);
        asm!(self
            ; cmp QWORD [r15 + CTX_JIT], 0
            ; jne =>bail
            ; cmp QWORD [r15 + CTX_COUNTDOWN], 1
            ; jle =>bail
            ; sub QWORD [r15 + CTX_COUNTDOWN], 1
            ; mov eax, DWORD [r12 + jmp_at]
            ; shr eax, 8
            ; sub eax, OFFSET_SJ
            ; movsxd rax, eax
            ; lea r12, [r12 + rax * 4 + after]
        );
        self.tag_int(8);
        asm!(self ; mov QWORD [rbx + rdx * 8], r8);
        self.dispatch();
        asm!(self ; exit:);
        self.tag_int(8);
        asm!(self ; mov QWORD [rbx + rdx * 8], r8 ; add r12, after);
        self.dispatch();
        asm!(self ; =>next);
        self.dispatch();
    }

    /// Decodes the table in `r8` (else `bail`) and the array index in `r9` (a tagged
    /// key for `key_reg`, or the unsigned immediate in `imm`), leaving `r8` = the table
    /// pointer and `r9` = the slot address; `bail` when the index is outside the array.
    fn array_slot(&mut self, key: Src, bail: DynamicLabel) {
        self.check_tag(8, 10, TAG_TABLE as i32, bail);
        match key {
            Src::RegB | Src::RegC => {
                self.load(key, 9);
                self.check_tag(9, 11, TAG_INT as i32, bail);
                self.untag_int(9);
            }
            Src::ImmB => asm!(self ; mov r9, rcx),
            _ => asm!(self ; mov r9, rsi),
        }
        let (ptr, len) = (self.lay.arr_ptr, self.lay.arr_len);
        asm!(self
            ; shl r8, 16 ; shr r8, 16
            ; sub r9, 1
            ; cmp r9, QWORD [r8 + len]
            ; jae =>bail
            ; mov r10, QWORD [r8 + ptr]
            ; lea r9, [r10 + r9 * 8]
        );
    }

    /// GETTABLE / GETI: an array-part item, unless it is nil and a metatable exists.
    fn get_index(&mut self, key: Src) {
        let bail = self.bail;
        let meta = self.lay.meta;
        self.decode_abc();
        self.load(Src::RegB, 8);
        // GETI's key is C: array_slot takes unsigned immediates from rsi.
        self.array_slot(if key == Src::RegC { Src::RegC } else { Src::ImmC }, bail);
        asm!(self
            ; mov r10, QWORD [r9]
            ; mov r11, QWORD NIL
            ; cmp r10, r11
            ; jne >store
            ; cmp QWORD [r8 + meta], 0
            ; jne =>bail
            ; store:
            ; mov QWORD [rbx + rdx * 8], r10
        );
        self.dispatch();
    }

    /// SETTABLE / SETI: store into an existing array-part item (a nil one only without
    /// metatable: `__newindex` concerns absent keys).
    fn set_index(&mut self, key: Src) {
        let bail = self.bail;
        let meta = self.lay.meta;
        self.decode_abc();
        self.load(Src::RegA, 8);
        // Misses (appends, hash-part keys, non-tables) go to the callout, which does
        // what the Rust loop does for tables without metatable and refuses the rest.
        let slow = self.ops.new_dynamic_label();
        self.array_slot(if key == Src::RegB { Src::RegB } else { Src::ImmB }, slow);
        asm!(self
            ; mov r10, QWORD [r9]
            ; mov r11, QWORD NIL
            ; cmp r10, r11
            ; jne >store
            ; cmp QWORD [r8 + meta], 0
            ; jne =>bail
            ; store:
            ; mov r10, QWORD [rbx + rsi * 8]
            ; mov QWORD [r9], r10
        );
        self.dispatch();
        asm!(self ; =>slow);
        self.callout(CTX_SET_INT);
    }

    /// `LEN A B`: a table without metatable and hash part whose array part ends with a
    /// non-nil item has length `#array`; other tables and strings: the callout.
    fn len(&mut self) {
        let slow = self.ops.new_dynamic_label();
        let l = self.lay;
        self.decode_a();
        self.decode_b();
        self.load(Src::RegB, 8);
        self.check_tag(8, 10, TAG_TABLE as i32, slow);
        asm!(self
            ; shl r8, 16 ; shr r8, 16
            ; cmp QWORD [r8 + l.meta], 0
            ; jne =>slow
            ; cmp QWORD [r8 + l.ent_len], 0
            ; jne =>slow
            ; mov r9, QWORD [r8 + l.arr_len]
            ; test r9, r9
            ; jz >store
            ; mov r10, QWORD [r8 + l.arr_ptr]
            ; mov r11, QWORD NIL
            ; cmp QWORD [r10 + r9 * 8 - 8], r11
            ; je =>slow
            ; store:
        );
        self.tag_int(9);
        asm!(self ; mov QWORD [rbx + rdx * 8], r9);
        self.dispatch();
        asm!(self ; =>slow);
        self.callout(CTX_LEN);
    }

    /// `TAILCALL A B` (B != 0) of a script closure with fixed parameters from a frame
    /// without deferred calls, handler or pending return, with no open upvalues to
    /// close (else Rust): the Rust loop's fast path. The callee and arguments move down
    /// to the frame's function slot and the frame is replaced (flags | TAIL).
    fn tail_call(&mut self) {
        let bail = self.bail;
        let l = self.lay;
        let fsz = l.frame_size;
        self.decode_abc();
        self.b_or_top(0);
        self.closure_callee();
        asm!(self
            ; mov rax, QWORD [r10 + l.th_frames_len]
            ; imul r11, rax, fsz
            ; add r11, QWORD [r10 + l.th_frames_ptr]
            ; sub r11, fsz
            ; cmp QWORD [r11 + l.fr_extra], 0
            ; jne =>bail
            ; movzx edi, WORD [r11 + l.fr_flags]
            ; test edi, RETURNING_OR_TAIL_RETURN
            ; jnz =>bail
            // dst + 1 + max(nargs, num_params) + fixed_call_need < stack.len()
            ; mov rdi, QWORD [r11 + l.fr_func]
            ; lea rax, [rcx - 1]
            ; mov rsi, QWORD [r9 + l.proto_nparams]
            ; cmp rax, rsi
            ; cmovb rax, rsi
            ; add rax, QWORD [r9 + l.proto_need]
            ; lea rax, [rax + rdi + 1]
            ; cmp rax, QWORD [r10 + l.th_stack_len]
            ; jae =>bail
            ; mov rsi, QWORD [r10 + l.th_ou_len]
            ; test rsi, rsi
            ; jz >noup
            ; mov rax, QWORD [r10 + l.th_ou_ptr]
            ; mov rax, QWORD [rax + rsi * 8 - 8]
            ; mov rax, QWORD [rax + l.upval_index]
            ; cmp rax, QWORD [r11 + l.fr_base]
            ; jae =>bail
            ; noup:
            // Effects: R[A..A+B) (callee and arguments) to stack[dst..].
            ; mov rsi, QWORD [r10 + l.th_stack_ptr]
            ; lea rdi, [rsi + rdi * 8]
            ; lea rsi, [rbx + rdx * 8]
            ; xor eax, eax
            ; cp:
            ; mov rdx, QWORD [rsi + rax * 8]
            ; mov QWORD [rdi + rax * 8], rdx
            ; add rax, 1
            ; cmp rax, rcx
            ; jb <cp
            // Missing parameters: nil (rax = nargs + 1 = B, rcx = num_params + 1).
            ; mov rcx, QWORD [r9 + l.proto_nparams]
            ; add rcx, 1
            ; mov rdx, QWORD NIL
            ; nf:
            ; cmp rax, rcx
            ; jae >filled
            ; mov QWORD [rdi + rax * 8], rdx
            ; add rax, 1
            ; jmp <nf
            ; filled:
            ; sub QWORD [r15 + CTX_COUNTDOWN], 1
            // The frame: func = dst, base = dst + 1, pc 0, this closure, same want,
            // flags | TAIL, no varargs/aux/extra.
            ; mov rax, QWORD [r11 + l.fr_func]
            ; lea rax, [rax + 1]
            ; mov QWORD [r11 + l.fr_base], rax
            ; mov QWORD [r11 + l.fr_pc], 0
            ; mov QWORD [r11 + l.fr_closure], r8
            ; or WORD [r11 + l.fr_flags], TAIL as i16
            ; mov DWORD [r11 + l.fr_varargs], 0
            ; mov DWORD [r11 + l.fr_aux], 0
            ; lea rbx, [rdi + 8]
            ; mov r12, QWORD [r9 + l.proto_code]
            ; mov r14, QWORD [r9 + l.proto_k]
            ; mov QWORD [r15 + CTX_CODE], r12
            ; mov QWORD [r15 + CTX_PROTO], r9
            ; mov QWORD [r15 + CTX_K], r14
            ; mov QWORD [r15 + CTX_CLOSURE], r8
        );
        self.dispatch();
    }
}

/// Generates the interpreter: the code, the entry's offset and one handler offset per
/// opcode byte (256; bytes without a handler leave the instruction to Rust).
pub(super) fn generate(lay: Layout) -> Option<(dynasmrt::ExecutableBuffer, AssemblyOffset, Vec<AssemblyOffset>)> {
    let mut ops = dynasmrt::x64::Assembler::new().ok()?;
    let bail = ops.new_dynamic_label();
    let cond_tail = ops.new_dynamic_label();
    let back_edge = ops.new_dynamic_label();
    let mut g = Gen { ops, lay, bail, cond_tail, back_edge };

    // Entry: rdi = ctx. The stack is 16-byte aligned after the prologue (callouts).
    let entry = g.ops.offset();
    asm!(g
        ; push rbx ; push rbp ; push r12 ; push r13 ; push r14 ; push r15 ; sub rsp, 8
        ; mov r15, rdi
        ; mov r13, QWORD [r15 + CTX_TABLE]
        ; mov rbp, QWORD TAG_INT_WORD
    );
    g.reload();
    g.dispatch();

    // Bail: r12 is one past the instruction to leave to Rust.
    asm!(g
        ; =>bail
        ; sub r12, 4
        ; mov QWORD [r15 + CTX_PC], r12
        ; add rsp, 8 ; pop r15 ; pop r14 ; pop r13 ; pop r12 ; pop rbp ; pop rbx
        ; ret
    );

    // Conditional tail: ecx = cond, eax = the instruction (k = bit 24). If cond == k
    // take the JMP that follows, else skip it.
    asm!(g
        ; =>cond_tail
        ; shr eax, 24
        ; and eax, 1
        ; cmp eax, ecx
        ; jne >skip
        ; mov eax, DWORD [r12]
        ; shr eax, 8
        ; sub eax, OFFSET_SJ
        ; movsxd rax, eax
        ; lea rcx, [r12 + rax * 4 + 4]
        ; test rax, rax
        ; js =>back_edge
        ; mov r12, rcx
    );
    g.dispatch();
    asm!(g ; skip: ; add r12, 4);
    g.dispatch();
    // A backward jump to rcx: the safepoint countdown, or Rust when it is due or a JIT
    // counts loops.
    asm!(g
        ; =>back_edge
        ; cmp QWORD [r15 + CTX_JIT], 0
        ; jne =>bail
        ; cmp QWORD [r15 + CTX_COUNTDOWN], 1
        ; jle =>bail
        ; sub QWORD [r15 + CTX_COUNTDOWN], 1
        ; mov r12, rcx
    );
    g.dispatch();

    let mut handlers = vec![None; 256];
    let mut handler = |g: &mut Gen, op: Op, emit: &dyn Fn(&mut Gen)| {
        handlers[op as usize] = Some(g.ops.offset());
        emit(g);
    };
    handler(&mut g, Op::MOVE, &|g| {
        g.decode_a();
        g.decode_b();
        asm!(g ; mov r8, QWORD [rbx + rcx * 8] ; mov QWORD [rbx + rdx * 8], r8);
        g.dispatch();
    });
    handler(&mut g, Op::LOADK, &|g| {
        g.decode_a();
        asm!(g ; shr eax, 16 ; mov r8, QWORD [r14 + rax * 8] ; mov QWORD [rbx + rdx * 8], r8);
        g.dispatch();
    });
    handler(&mut g, Op::LOADI, &|g| {
        g.decode_a();
        asm!(g ; shr eax, 16 ; sub eax, compiler::bytecode::OFFSET_SBX ; movsxd r8, eax);
        g.tag_int(8);
        asm!(g ; mov QWORD [rbx + rdx * 8], r8);
        g.dispatch();
    });
    handler(&mut g, Op::LOADF, &|g| {
        g.decode_a();
        asm!(g
            ; shr eax, 16 ; sub eax, compiler::bytecode::OFFSET_SBX
            ; cvtsi2sd xmm0, eax ; movq r8, xmm0 ; mov QWORD [rbx + rdx * 8], r8
        );
        g.dispatch();
    });
    handler(&mut g, Op::LOADNIL, &|g| {
        g.decode_a();
        g.decode_b();
        asm!(g
            ; mov r8, QWORD NIL
            ; lea rdi, [rbx + rdx * 8]
            ; add ecx, 1
            ; lp:
            ; mov QWORD [rdi], r8
            ; add rdi, 8
            ; sub ecx, 1
            ; jnz <lp
        );
        g.dispatch();
    });
    handler(&mut g, Op::LOADFALSE, &|g| {
        g.decode_a();
        asm!(g ; mov r8, QWORD FALSE ; mov QWORD [rbx + rdx * 8], r8);
        g.dispatch();
    });
    handler(&mut g, Op::LOADTRUE, &|g| {
        g.decode_a();
        asm!(g ; mov r8, QWORD FALSE + 1 ; mov QWORD [rbx + rdx * 8], r8);
        g.dispatch();
    });
    handler(&mut g, Op::NOT, &|g| {
        g.decode_a();
        g.decode_b();
        // falsy(v) <=> (v | 1) == false; result false + falsy.
        asm!(g
            ; mov r8, QWORD [rbx + rcx * 8]
            ; or r8, 1
            ; mov r9, QWORD FALSE
            ; xor ecx, ecx
            ; cmp r8, r9
            ; sete cl
            ; add r9, rcx
            ; mov QWORD [rbx + rdx * 8], r9
        );
        g.dispatch();
    });

    handler(&mut g, Op::ADD, &|g| g.arith(Arith::Add, Src::RegB, Src::RegC));
    handler(&mut g, Op::SUB, &|g| g.arith(Arith::Sub, Src::RegB, Src::RegC));
    handler(&mut g, Op::MUL, &|g| g.arith(Arith::Mul, Src::RegB, Src::RegC));
    handler(&mut g, Op::DIV, &|g| g.arith(Arith::Div, Src::RegB, Src::RegC));
    handler(&mut g, Op::ADDK, &|g| g.arith(Arith::Add, Src::RegB, Src::KC));
    handler(&mut g, Op::SUBK, &|g| g.arith(Arith::Sub, Src::RegB, Src::KC));
    handler(&mut g, Op::MULK, &|g| g.arith(Arith::Mul, Src::RegB, Src::KC));
    handler(&mut g, Op::DIVK, &|g| g.arith(Arith::Div, Src::RegB, Src::KC));
    handler(&mut g, Op::KADD, &|g| g.arith(Arith::Add, Src::KC, Src::RegB));
    handler(&mut g, Op::KSUB, &|g| g.arith(Arith::Sub, Src::KC, Src::RegB));
    handler(&mut g, Op::KMUL, &|g| g.arith(Arith::Mul, Src::KC, Src::RegB));
    handler(&mut g, Op::KDIV, &|g| g.arith(Arith::Div, Src::KC, Src::RegB));
    handler(&mut g, Op::ADDI, &|g| g.arith(Arith::Add, Src::RegB, Src::ImmC));
    handler(&mut g, Op::MOD, &|g| g.modulo(Src::RegC));
    handler(&mut g, Op::MODK, &|g| g.modulo(Src::KC));
    handler(&mut g, Op::BAND, &|g| g.bitwise(Bit::And, Src::RegC));
    handler(&mut g, Op::BOR, &|g| g.bitwise(Bit::Or, Src::RegC));
    handler(&mut g, Op::BXOR, &|g| g.bitwise(Bit::Xor, Src::RegC));
    handler(&mut g, Op::BANDK, &|g| g.bitwise(Bit::And, Src::KC));
    handler(&mut g, Op::BORK, &|g| g.bitwise(Bit::Or, Src::KC));
    handler(&mut g, Op::BXORK, &|g| g.bitwise(Bit::Xor, Src::KC));

    handler(&mut g, Op::JMP, &|g| {
        let back_edge = g.back_edge;
        asm!(g
            ; shr eax, 8
            ; sub eax, OFFSET_SJ
            ; movsxd rax, eax
            ; lea rcx, [r12 + rax * 4]
            ; test rax, rax
            ; js =>back_edge
            ; mov r12, rcx
        );
        g.dispatch();
    });
    handler(&mut g, Op::LT, &|g| g.compare(Rel::Lt, Src::RegB));
    handler(&mut g, Op::LE, &|g| g.compare(Rel::Le, Src::RegB));
    handler(&mut g, Op::LTI, &|g| g.compare(Rel::Lt, Src::ImmB));
    handler(&mut g, Op::LEI, &|g| g.compare(Rel::Le, Src::ImmB));
    handler(&mut g, Op::GTI, &|g| g.compare(Rel::Gt, Src::ImmB));
    handler(&mut g, Op::GEI, &|g| g.compare(Rel::Ge, Src::ImmB));
    handler(&mut g, Op::EQ, &|g| g.equal(Src::RegB));
    handler(&mut g, Op::EQK, &|g| g.equal(Src::KB));
    handler(&mut g, Op::EQI, &|g| g.equal_imm());
    handler(&mut g, Op::TEST, &|g| {
        let tail = g.cond_tail;
        g.decode_a();
        asm!(g
            ; mov r8, QWORD [rbx + rdx * 8]
            ; or r8, 1
            ; mov r9, QWORD FALSE
            ; xor ecx, ecx
            ; cmp r8, r9
            ; setne cl
            ; jmp =>tail
        );
    });

    handler(&mut g, Op::FORLT, &|g| g.for_step(Rel::Lt, Src::RegB, Src::ImmC, 2));
    handler(&mut g, Op::FORLE, &|g| g.for_step(Rel::Le, Src::RegB, Src::ImmC, 2));
    handler(&mut g, Op::FORGT, &|g| g.for_step(Rel::Gt, Src::RegB, Src::ImmC, 2));
    handler(&mut g, Op::FORGE, &|g| g.for_step(Rel::Ge, Src::RegB, Src::ImmC, 2));
    handler(&mut g, Op::FORLTI, &|g| g.for_step(Rel::Lt, Src::ImmB, Src::ImmC, 2));
    handler(&mut g, Op::FORLEI, &|g| g.for_step(Rel::Le, Src::ImmB, Src::ImmC, 2));
    handler(&mut g, Op::FORGTI, &|g| g.for_step(Rel::Gt, Src::ImmB, Src::ImmC, 2));
    handler(&mut g, Op::FORGEI, &|g| g.for_step(Rel::Ge, Src::ImmB, Src::ImmC, 2));
    handler(&mut g, Op::FORLTR, &|g| g.for_step(Rel::Lt, Src::RegB, Src::RegC, 2));
    handler(&mut g, Op::FORLER, &|g| g.for_step(Rel::Le, Src::RegB, Src::RegC, 2));
    handler(&mut g, Op::FORLTK, &|g| g.for_step(Rel::Lt, Src::KB, Src::ImmC, 3));
    handler(&mut g, Op::FORLEK, &|g| g.for_step(Rel::Le, Src::KB, Src::ImmC, 3));

    handler(&mut g, Op::GETTABLE, &|g| g.get_index(Src::RegC));
    handler(&mut g, Op::GETI, &|g| g.get_index(Src::ImmC));
    handler(&mut g, Op::SETTABLE, &|g| g.set_index(Src::RegB));
    handler(&mut g, Op::SETI, &|g| g.set_index(Src::ImmB));

    // Calls and returns of plain script frames (callout.rs).
    handler(&mut g, Op::CALL, &|g| g.call());
    handler(&mut g, Op::TAILCALL, &|g| g.tail_call());
    handler(&mut g, Op::RETURN, &|g| g.ret(None));
    handler(&mut g, Op::RETURN0, &|g| g.ret(Some(0)));
    handler(&mut g, Op::RETURN1, &|g| g.ret(Some(1)));

    // Globals and constant-key fields through the per-constant entry hint (table.rs
    // get_with_hint / get_field_cached / set_*_cached: hits only; a miss or an absent
    // key is Rust's, which also updates the hint).
    handler(&mut g, Op::GETGLOBAL, &|g| {
        g.decode_a();
        asm!(g ; mov ecx, eax ; shr ecx, 16);
        g.env_and_hint();
        asm!(g ; mov r9, QWORD [r14 + rcx * 8]);
        g.cached_entry();
        g.store_cached_get();
    });
    handler(&mut g, Op::SETGLOBAL, &|g| {
        g.decode_a();
        asm!(g ; mov ecx, eax ; shr ecx, 16);
        g.env_and_hint();
        asm!(g ; mov r9, QWORD [r14 + rcx * 8]);
        g.cached_entry();
        asm!(g ; mov r10, QWORD [rbx + rdx * 8]);
        g.store_cached_set();
    });
    handler(&mut g, Op::GETFIELD, &|g| {
        g.decode_abc();
        g.table_and_hint(Src::RegB, 6);
        asm!(g ; mov r9, QWORD [r14 + rsi * 8]);
        g.cached_entry();
        g.store_cached_get();
    });
    handler(&mut g, Op::SETFIELD, &|g| {
        g.decode_abc();
        g.table_and_hint(Src::RegA, 1);
        asm!(g ; mov r9, QWORD [r14 + rcx * 8]);
        g.cached_entry();
        asm!(g ; mov r10, QWORD [rbx + rsi * 8]);
        g.store_cached_set();
    });
    handler(&mut g, Op::SELF, &|g| g.callout(CTX_SELF));
    handler(&mut g, Op::LEN, &|g| g.len());
    handler(&mut g, Op::GETUPVAL, &|g| {
        let (ups, loc) = (g.lay.clo_upvals, g.lay.upval_loc);
        g.decode_a();
        g.decode_b();
        asm!(g
            ; mov r10, QWORD [r15 + CTX_CLOSURE]
            ; mov r10, QWORD [r10 + ups]
            ; mov r10, QWORD [r10 + rcx * 8]
            ; mov r10, QWORD [r10 + loc]
            ; mov r8, QWORD [r10]
            ; mov QWORD [rbx + rdx * 8], r8
        );
        g.dispatch();
    });
    handler(&mut g, Op::SETUPVAL, &|g| {
        let (ups, loc) = (g.lay.clo_upvals, g.lay.upval_loc);
        g.decode_a();
        g.decode_b();
        asm!(g
            ; mov r10, QWORD [r15 + CTX_CLOSURE]
            ; mov r10, QWORD [r10 + ups]
            ; mov r10, QWORD [r10 + rcx * 8]
            ; mov r10, QWORD [r10 + loc]
            ; mov r8, QWORD [rbx + rdx * 8]
            ; mov QWORD [r10], r8
        );
        g.dispatch();
    });

    // Every other opcode byte: leave the instruction to Rust.
    let fallback = g.ops.offset();
    asm!(g ; jmp =>bail);
    let offsets: Vec<AssemblyOffset> = handlers.iter().map(|h| h.unwrap_or(fallback)).collect();
    let code = g.ops.finalize().ok()?;
    Some((code, entry, offsets))
}
