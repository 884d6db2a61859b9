//! Backend tests: register allocation (`regalloc.rs`) and the machine code the x86-64
//! lowering (`x64/emit.rs`) produces for small IR traces, checked on its disassembly.
//! (Behaviour under exits is covered by the script tests in tests/jit/ run in the
//! jit-hot1 and jit-exit-stress modes.)

use jit::ir_text;
use jit::regalloc::{allocate, Loc, GPRS, XMMS};
use jit::x64::{disasm, emit, layout::Layout};

fn trace(text: &str) -> jit::ir::Trace {
    let t = ir_text::parse(text).expect("valid IR text");
    jit::verify::verify(&t).expect("verified IR");
    t
}

/// The disassembly of the code for `text` up to the back-edge jump (or the first `jmp`
/// of a trace without a loop; with a loop whose budget check branches back, the `jmp`
/// to the exit after it), and the index of the loop's first instruction (the
/// back-edge's target; 0 without a loop).
fn code(text: &str) -> (Vec<String>, usize) {
    let t = trace(text);
    let alloc = allocate(&t, true, 256).expect("allocation");
    let lay = Layout::probe().expect("layout");
    // An empty link table (the code is only disassembled, never run).
    let table = vec![0u64; t.snaps.len().max(1)];
    let link = emit::LinkInfo { trace: 0, table: table.as_ptr() };
    let c = emit::compile(&t, &alloc, lay, false, link).expect("code");
    let start = c.entry.0;
    let asm = disasm::disassemble(&c.code[start..], 0);
    let rows: Vec<(u64, String)> = asm
        .lines()
        .map(|l| {
            let mut w = l.split_whitespace();
            let addr = u64::from_str_radix(w.next().unwrap_or("0"), 16).unwrap_or(0);
            (addr, w.collect::<Vec<_>>().join(" "))
        })
        .collect();
    let end = rows.iter().position(|(_, l)| l.starts_with("jmp ")).map_or(rows.len(), |i| i + 1);
    let jump_target = |l: &str| l.split_whitespace().nth(1).and_then(|x| u64::from_str_radix(x.trim_end_matches('h'), 16).ok());
    let target = jump_target(&rows[end - 1].1);
    let mut head = target.and_then(|a| rows[..end].iter().position(|(r, _)| *r == a));
    if head.is_none() && end >= 2 {
        // `sub budget, 1 ; jg top ; jmp exit`: the back-edge is the conditional jump.
        head = jump_target(&rows[end - 2].1).and_then(|a| rows[..end].iter().position(|(r, _)| *r == a));
    }
    let head = head.unwrap_or(0);
    (rows[..end].iter().map(|(_, l)| l.clone()).collect(), head)
}

/// The loop body's instructions (from the back-edge's target to the back-edge).
fn body(text: &str) -> Vec<String> {
    let (lines, head) = code(text);
    lines[head..].to_vec()
}

fn count(lines: &[String], pat: &str) -> usize {
    lines.iter().filter(|l| l.contains(pat)).count()
}

const INT_LOOP: &str = "
%0 int sload k=0 @2
%1 int sload k=1 @2
%2 int k k=1
%3 int k k=1000
%4 none head
%5 int subi %0 %2
%6 int muli %5 %1
%7 int addi %2 %6
%8 none guardi %3 %7 k=gt @0
%9 none loop @1
phi %0 %5
phi %1 %7
snap 0 pc=3 0=%5 1=%6
snap 1 pc=2 0=%5 1=%7
snap 2 pc=2
";

#[test]
fn int_ops_use_immediates_and_registers() {
    let b = body(INT_LOOP);
    let text = b.join("\n");
    // `x - 1` and `1 + y` (swapped) are register-immediate operations; the constant on
    // the left of the compare is swapped to an immediate on the right.
    assert!(b.iter().any(|l| l.starts_with("sub ") && l.ends_with(",1")), "{text}");
    assert!(b.iter().any(|l| l.starts_with("add ") && l.ends_with(",1")), "{text}");
    assert!(b.iter().any(|l| l.starts_with("cmp ") && l.ends_with(",3E8h")), "{text}");
    // Nothing is shuttled through rax in the loop body.
    assert_eq!(count(&b, "rax"), 0, "{text}");
}

const FLOAT_LOOP: &str = "
%0 num sload k=0 @2
%1 num sload k=1 @2
%2 num k k=2.0
%3 num k k=0.5
%4 none head
%5 num subn %1 %0
%6 num divn %2 %5
%7 num muln %3 %6
%8 num addn %7 %1
%9 none guardn %8 %2 k=lt @0
%10 none loop @1
phi %0 %5
phi %1 %8
snap 0 pc=3 0=%5 1=%8
snap 1 pc=2 0=%5 1=%8
snap 2 pc=2
";

#[test]
fn float_loop_is_two_address_without_scratch_copies() {
    let b = body(FLOAT_LOOP);
    let text = b.join("\n");
    // The loop's float constants live in registers; no value goes through a GPR or the
    // scratch registers, and `2.0 / x` needs one copy (not a detour through xmm0/xmm1).
    assert_eq!(count(&b, "r11"), 0, "{text}");
    assert_eq!(count(&b, "xmm0"), 0, "{text}");
    assert_eq!(count(&b, "xmm1,"), 0, "{text}");
    assert!(b.len() <= 13, "{text}");
}

#[test]
fn float_constants_come_from_the_pool() {
    let b = body(
        "
%0 num sload k=0 @0
%1 num k k=2.5
%2 num muln %0 %1
%3 none guardn %2 %1 k=gt @0
%4 none exit @1
snap 0 pc=1
snap 1 pc=2 0=%2
",
    );
    let text = b.join("\n");
    assert_eq!(count(&b, "r11"), 0, "{text}");
    assert!(b.iter().any(|l| l.starts_with("mulsd ") && l.contains('[')), "{text}");
    assert!(b.iter().any(|l| l.starts_with("ucomisd ") && l.contains('[')), "{text}");
}

#[test]
fn constant_tables_are_untagged_at_emission() {
    let b = body(
        "
%0 tab k k=-985323613960032
%1 int k k=3
%2 val aload %0 %1 @0
%3 none guardt %2 k=1 @0
%4 none exit @1
snap 0 pc=1
snap 1 pc=2
",
    );
    let text = b.join("\n");
    assert_eq!(count(&b, "shl"), 0, "{text}");
    // A constant index: the bounds check compares the length with an immediate.
    assert!(b.iter().any(|l| l.starts_with("cmp qword ptr") && l.ends_with(",3")), "{text}");
}

#[test]
fn loop_invariant_table_gets_a_pointer_register() {
    let text = "
%0 tab sload k=0 @2
%1 int sload k=1 @2
%2 int k k=1
%3 int k k=100
%4 none head
%5 val aload %0 %1 @0
%6 none astore %0 %2 %5 @0
%7 int addi %1 %2
%8 none guardi %7 %3 k=le @0
%9 none loop @1
phi %1 %7
snap 0 pc=3 1=%1
snap 1 pc=2 1=%7
snap 2 pc=2
";
    let t = trace(text);
    let alloc = allocate(&t, true, 256).unwrap();
    let p = alloc.ptrs[0].expect("pointer register for the invariant table");
    assert!(GPRS.contains(&p));
    assert_ne!(alloc.locs[0], Loc::Gpr(p));
    // Untagged once in the pre-header, never in the body.
    let (all, head) = code(text);
    assert!(head > 0 && all[..head].iter().any(|l| l.starts_with("shl")), "{}", all.join("\n"));
    assert!(all[head..].iter().all(|l| !l.starts_with("shl")), "{}", all.join("\n"));
}

#[test]
fn phi_table_gets_no_pointer_register() {
    let t = trace(
        "
%0 tab sload k=0 @2
%1 val k k=-1266798590502768
%2 none head
%3 val hload %0 %1 k=0 @0
%4 tab unbox %3 @0
%5 none loop @1
phi %0 %4
snap 0 pc=3 0=%0
snap 1 pc=2 0=%4
snap 2 pc=2
",
    );
    let alloc = allocate(&t, true, 256).unwrap();
    assert_eq!(alloc.ptrs[0], None);
}

#[test]
fn two_address_hint_reuses_dying_operand_register() {
    let t = trace(
        "
%0 num sload k=0 @0
%1 num sload k=1 @0
%2 num addn %0 %1
%3 num subn %2 %1
%4 none exit @1
snap 0 pc=1
snap 1 pc=2 0=%3
",
    );
    let a = allocate(&t, true, 256).unwrap();
    // %2 takes %0's register (it dies there); %3 takes %2's, not %1's.
    assert_eq!(a.locs[2], a.locs[0]);
    assert_eq!(a.locs[3], a.locs[2]);
}

#[test]
fn pressure_spills_the_longest_interval_not_the_temporary() {
    // More long-lived floats than SSE registers, then a short temporary: the temporary
    // gets a register, a long-lived value moves to a spill slot.
    let n = XMMS.len() + 1;
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!("%{} num sload k={} @0\n", i, i));
    }
    text.push_str(&format!("%{} num addn %0 %1\n", n));
    text.push_str(&format!("%{} num muln %{} %{}\n", n + 1, n, n));
    let mut snap = format!("snap 1 pc=2 {}=%{}", n + 1, n + 1);
    for i in 0..n {
        snap.push_str(&format!(" {}=%{}", i, i));
    }
    text.push_str(&format!("%{} none exit @1\nsnap 0 pc=1\n{}\n", n + 2, snap));
    let t = trace(&text);
    let a = allocate(&t, true, 256).unwrap();
    assert!(matches!(a.locs[n], Loc::Xmm(_)) && matches!(a.locs[n + 1], Loc::Xmm(_)), "{:?}", a.locs);
    let spilled = a.locs.iter().filter(|l| matches!(l, Loc::Spill(_))).count();
    assert!(spilled >= 1);
    // Distinct registers for simultaneously live values.
    let regs: Vec<Loc> = a.locs[..n].iter().copied().filter(|l| matches!(l, Loc::Xmm(_))).collect();
    for (i, r) in regs.iter().enumerate() {
        assert!(!regs[i + 1..].contains(r), "{:?}", a.locs);
    }
}

#[test]
fn counter_phi_needs_no_move_at_the_loop_end() {
    // The entry value of `i` dies at `i + 1`, whose result takes its register.
    let text = "
%0 int sload k=0 @2
%1 int sload k=1 @2
%2 int k k=1
%3 none head
%4 int addi %0 %2
%5 none guardi %4 %1 k=le @0
%6 none loop @1
phi %0 %4
snap 0 pc=3 0=%4
snap 1 pc=2 0=%4
snap 2 pc=2
";
    let t = trace(text);
    let a = allocate(&t, true, 256).unwrap();
    assert_eq!(a.locs[0], a.locs[4]);
    let b = body(text);
    // add, cmp, jg, budget sub (a register: regalloc::budget_register) + jg back, jmp
    // to the exit.
    assert_eq!(b.len(), 6, "{}", b.join("\n"));
    assert_eq!(count(&b, "sub rbp,1"), 1, "{}", b.join("\n"));
    let budget = format!("r12+{:X}h", std::mem::offset_of!(jit::exit::JitCtx, budget));
    assert!(!b.iter().any(|l| l.contains(&budget)), "budget in memory:\n{}", b.join("\n"));
}

#[test]
fn proven_array_loads_have_no_bounds_check() {
    // `aloadb` with k=1 (opt_abc.rs: bounds checked in the pre-header) is one load with
    // the 1-based index scaled in the address; without the flag it keeps its check.
    let text = "
%0 tab sload k=0 @2
%1 int sload k=1 @2
%2 int sload k=2 @2
%3 int k k=1
%4 int abase %0
%5 int asize %0
%6 none head
%7 val aloadb %4 %1 %5 k=1 @0
%8 val aloadb %4 %2 %5 @0
%9 int addi %1 %3
%10 none guardi %9 %2 k=le @3
%11 none loop @1
phi %1 %9
snap 0 pc=3 1=%1
snap 1 pc=2 1=%9 3=%7 4=%8
snap 2 pc=2
snap 3 pc=4 1=%9 3=%7 4=%8
";
    let b = body(text);
    let loads: Vec<&String> = b.iter().filter(|l| l.starts_with("mov ") && l.contains("*8")).collect();
    assert_eq!(loads.len(), 2, "{}", b.join("\n"));
    assert!(loads[0].contains("*8-8]"), "{}", b.join("\n"));
    // One bounds check (the unflagged load), the limit guard, the budget.
    assert_eq!(count(&b, "jae "), 1, "{}", b.join("\n"));
}
