//! JIT observation tests: the JIT test scripts (`tests/jit/`) really compile traces and
//! really take exits (so the JIT test modes cannot pass by never compiling), and print the
//! same bytes as the interpreter. Uses `-jv` (trace events on stderr) and `-jdump`.

use std::path::PathBuf;
use std::process::Command;

fn jit_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/jit")
}

/// Runs `gscript FLAGS FILE` in tests/jit; returns (stdout, stderr).
fn run(flags: &[&str], file: &str) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gscript")).args(flags).arg(file).current_dir(jit_dir()).output().expect("run gscript");
    assert!(out.status.success(), "gscript {:?} {} failed: {}", flags, file, String::from_utf8_lossy(&out.stderr));
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.lines().filter(|l| l.contains(needle)).count()
}

/// Sum of the `[jit] linked N transitions` lines (transitions taken through direct links).
fn linked(haystack: &str) -> usize {
    haystack.lines().filter_map(|l| l.strip_prefix("[jit] linked ")?.strip_suffix(" transitions")?.parse::<usize>().ok()).sum()
}

/// Like [`count`], for events of loop traces only (not side traces).
fn count_loop(haystack: &str, needle: &str) -> usize {
    haystack.lines().filter(|l| l.contains(needle) && !l.contains("side trace")).count()
}

const FILES: [&str; 14] = [
    "int_loops.gs",
    "float_loops.gs",
    "tables.gs",
    "carried.gs",
    "inline.gs",
    "nested.gs",
    "linked.gs",
    "bitops.gs",
    "newtable.gs",
    "mixed_compare.gs",
    "floor_abs.gs",
    "variants.gs",
    "abc_hoist.gs",
    "big_int_slots.gs",
];

#[test]
fn traces_compile_and_exit() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    for file in FILES {
        let (reference, _) = run(&[], file);
        let (out, err) = run(&["-jv"], file);
        assert_eq!(out, reference, "{}: output differs with the JIT", file);
        assert!(count(&err, "compiled") >= 1, "{}: no trace compiled:\n{}", file, err);
        assert!(count(&err, "[jit] exit trace") >= 1, "{}: no exit taken:\n{}", file, err);
    }
}

#[test]
fn specific_loops_are_traced() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (_, err) = run(&["-jv", "-jhot=1"], "int_loops.gs");
    // Every loop of int_loops.gs is supported (recorded at its first back-edge, while its
    // values are still inline integers).
    assert_eq!(count_loop(&err, "compiled"), 5, "{}", err);
    assert_eq!(count_loop(&err, "abort"), 0, "{}", err);
    let (_, err) = run(&["-jv"], "float_loops.gs");
    // The innermost mandelbrot loop (line 12) is traced and exits at its `break` guard (line 15).
    assert!(err.contains("compiled float_loops.gs:12"), "{}", err);
    assert!(err.contains("at float_loops.gs:15"), "{}", err);
    let (_, err) = run(&["-jv"], "tables.gs");
    assert!(err.contains("compiled tables.gs:30"), "fields loop not traced: {}", err);
}

#[test]
fn loop_optimisation_and_new_ops() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "carried.gs");
    let (out, err) = run(&["-jdump"], "carried.gs");
    assert_eq!(out, reference);
    // Loop-carried values, appends and inline builtins appear in the optimised IR.
    for needle in [" head", "phi %", " apush ", " sqrtn ", " absn "] {
        assert!(err.contains(needle), "no '{}' in the dumps", needle);
    }
    // Without the loop pass there are no PHIs, and the output is the same.
    let (out, err) = run(&["-jdump", "-jopt=-loop"], "carried.gs");
    assert_eq!(out, reference);
    assert!(!err.contains("phi %"));
    // The swap loop (line 9), the carried integer that outgrows the inline range (line
    // 25) and the list walk (line 87, a carried table) are traced.
    let (_, err) = run(&["-jv", "-jhot=5"], "carried.gs");
    for line in [9, 25, 87] {
        assert!(err.contains(&format!("compiled carried.gs:{}", line)), "line {} not traced: {}", line, err);
    }
}

#[test]
fn bitops_newtable_and_mixed_compares_are_traced() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    // Bitwise ops and big integers: xorshift (line 8), boundary values (19), variable
    // shifts (34), a big loop bound (45), popcount of a big integer (54), big integers
    // stored into a table (62). Only the float operands (line 70) abort.
    let (_, err) = run(&["-jv", "-jhot=1"], "bitops.gs");
    for line in [8, 19, 34, 45, 54, 62] {
        assert!(err.contains(&format!("compiled bitops.gs:{}", line)), "line {} not traced: {}", line, err);
    }
    for op in ["BAND", "BOR", "BXOR", "SHL", "SHR", "BNOT"] {
        assert!(!err.contains(&format!("unsupported {}", op)), "{}", err);
    }
    assert!(!err.contains("store outside the array part"), "{}", err);
    let (_, dump) = run(&["-jdump", "-jhot=1"], "bitops.gs");
    for needle in [" bxori ", " shli ", " shri ", " bandi ", " bori "] {
        assert!(dump.contains(needle), "no '{}' in the dumps", needle);
    }
    // Tables created in traces: the rows loop (side trace of the outer loop at line 7,
    // the inner loop at 8), appends past the capacity (29), a list of new tables (36).
    let (_, err) = run(&["-jv"], "newtable.gs");
    for line in [8, 29, 36, 45, 53, 62] {
        assert!(err.contains(&format!("compiled newtable.gs:{}", line)), "line {} not traced: {}", line, err);
    }
    assert!(err.contains("side trace") && err.contains("compiled newtable.gs:7 ->"), "{}", err);
    assert!(!err.contains("unsupported NEWTABLE"), "{}", err);
    assert!(!err.contains("store outside the array part"), "{}", err);
    // Mixed int/float comparisons (lines 8 and 54).
    let (_, err) = run(&["-jv"], "mixed_compare.gs");
    for line in [8, 54] {
        assert!(err.contains(&format!("compiled mixed_compare.gs:{}", line)), "line {} not traced: {}", line, err);
    }
    assert!(!err.contains("comparison of mixed"), "{}", err);
    // math.floor / math.abs with int results (lines 7, 22 and 28).
    let (_, err) = run(&["-jv", "-jhot=1"], "floor_abs.gs");
    for line in [7, 22, 28] {
        assert!(err.contains(&format!("compiled floor_abs.gs:{}", line)), "line {} not traced: {}", line, err);
    }
    let (_, dump) = run(&["-jdump", "-jhot=1"], "floor_abs.gs");
    assert!(dump.contains(" floorni ") && dump.contains(" absi "), "no floorni/absi in the dumps");
}

#[test]
fn calls_are_inlined() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (_, err) = run(&["-jv"], "inline.gs");
    // hyp -> sq, sq and a tail call of math.sqrt (line 14); the type change inside sq
    // (line 20); multiple results and a missing argument (line 29); a changed callee
    // (line 42).
    for line in [14, 20, 29, 42] {
        assert!(err.contains(&format!("compiled inline.gs:{}", line)), "line {} not traced: {}", line, err);
    }
    // A storing callee is not inlined.
    assert!(err.contains("store in an inlined call"), "{}", err);
    // The guards inside the inlined sq exit when its argument becomes a float.
    assert!(err.contains("exit trace 2"), "{}", err);
}

#[test]
fn exit_stress_takes_more_exits() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    for file in FILES {
        let (reference, _) = run(&[], file);
        let (_, normal) = run(&["-jv", "-jhot=1"], file);
        let (out, stress) = run(&["-jv", "-jexit-stress"], file);
        assert_eq!(out, reference, "{}: output differs under exit stress", file);
        assert!(count(&stress, "[jit] exit trace") > count(&normal, "[jit] exit trace"), "{}: exit stress took no extra exits", file);
    }
}

#[test]
fn joff_and_dump() {
    let (_, err) = run(&["-joff", "-jv"], "int_loops.gs");
    assert_eq!(count(&err, "[jit]"), 0, "{}", err);
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (_, err) = run(&["-jdump"], "int_loops.gs");
    assert!(err.contains("---- IR after record+fold ----"), "{}", err);
    assert!(err.contains("---- IR after dce ----"), "{}", err);
    assert!(err.contains("machine code"), "{}", err);
    assert!(err.contains(" sload "), "{}", err);
    // Passes can be switched off and the result is the same.
    let (reference, _) = run(&[], "float_loops.gs");
    let (out, _) = run(&["-jhot=1", "-jopt=-fold,-dce,-regs"], "float_loops.gs");
    assert_eq!(out, reference);
}

#[test]
fn side_traces_link_nested_loops() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "nested.gs");
    let (out, err) = run(&["-jv"], "nested.gs");
    assert_eq!(out, reference);
    // The exit of the inner loop of the first nest (line 8, header line 9) gets a side
    // trace that runs the outer body back to the inner loop's header...
    assert!(err.contains("side trace 2 compiled nested.gs:8 -> nested.gs:9"), "{}", err);
    // ...and it is linked both ways: the inner trace's exit stub jumps into it and it
    // jumps back into the inner trace, without returning to the engine.
    assert!(err.contains("[jit] link trace 1 exit "), "{}", err);
    assert!(err.contains("[jit] link trace 2 exit ") && err.contains("-> trace 1\n"), "{}", err);
    assert!(linked(&err) >= 100, "links not taken:\n{}", err);
    // Three-level nest: side traces end at a loop header of another level.
    assert!(err.contains("-> nested.gs:19"), "{}", err);
    // Without side traces, no side trace is recorded and the output is the same.
    let (out, err) = run(&["-jv", "-jopt=-side"], "nested.gs");
    assert_eq!(out, reference);
    assert_eq!(count(&err, "side trace"), 0, "{}", err);
    // Exit stress exercises the snapshots of side traces too.
    let (out, err) = run(&["-jv", "-jexit-stress"], "nested.gs");
    assert_eq!(out, reference);
    assert!(count(&err, "side trace") >= 1, "{}", err);
}

#[test]
fn linked_traces_run_without_the_engine() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "linked.gs");
    let (out, err) = run(&["-jv"], "linked.gs");
    assert_eq!(out, reference);
    // Links are made and most transitions between traces take them: many more linked
    // transitions than returns to the engine.
    assert!(count(&err, "[jit] link trace ") >= 5, "{}", err);
    let returns = count(&err, "[jit] exit trace ");
    assert!(linked(&err) > 2 * returns, "linked {} vs {} returns:\n{}", linked(&err), returns, err);
    // A side trace from the exit of `two`'s second inner loop (line 59) ends at the
    // header of the first inner loop's trace (line 57), and one at the return of `pairs`
    // (line 17).
    assert!(err.contains("compiled linked.gs:59 -> linked.gs:57 "), "{}", err);
    // The inner loop with 2 iterations (line 60) is recorded in its last iteration and
    // closed anyway (not "left the loop").
    assert!(err.contains("compiled linked.gs:60 "), "{}", err);
    assert!(err.contains("-> linked.gs:17 "), "{}", err);
    // The outer loop of `pairs` (line 11) unrolls its short inner loop (unroll.gs);
    // without unrolling it gets an entry trace (its recording aborted at the inner loop),
    // linked to the inner loop's trace.
    assert!(err.contains("compiled linked.gs:11 ") && !err.contains("start linked.gs:11 (entry trace)"), "{}", err);
    let (out, err) = run(&["-jv", "-jopt=-unroll"], "linked.gs");
    assert_eq!(out, reference);
    assert!(err.contains("start linked.gs:11 (entry trace)") && err.contains("compiled linked.gs:11 "), "{}", err);
    // Exit stress: linked exits re-arm the countdown, snapshots of linked traces restore.
    for flags in [&["-jv", "-jexit-stress"][..], &["-jhot=2"][..], &["-jopt=-side"][..]] {
        let (out, _) = run(flags, "linked.gs");
        assert_eq!(out, reference, "{:?}", flags);
    }
    let (_, err) = run(&["-jv", "-jexit-stress"], "linked.gs");
    assert!(linked(&err) >= 1, "{}", err);
}

/// A guard that failed in every new side trace (side_chain.gs: an int slot load that
/// accepted only inline ints, with a heap-boxed big int in the slot) once grew a chain
/// of thousands of one-iteration side traces. Int loads now accept boxed ints; the
/// engine's per-root cap stays as the bound for any such chain.
#[test]
fn side_trace_chains_are_bounded() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "side_chain.gs");
    let (out, err) = run(&["-jhot=1", "-jv"], "side_chain.gs");
    assert_eq!(out, reference);
    assert!(count(&err, "compiled") >= 1, "no trace compiled:\n{}", err);
    let compiled_sides = err.lines().filter(|l| l.contains("side trace") && l.contains("compiled")).count();
    assert!(compiled_sides <= 2 * jit::MAX_SIDE_PER_ROOT as usize, "{} side traces compiled", compiled_sides);
}

/// Number of `[jit] exit` events at snapshot 0 of any trace at `file:line` (the entry
/// guards of a loop trace).
fn entry_exits(haystack: &str, at: &str) -> usize {
    haystack.lines().filter(|l| l.starts_with("[jit] exit trace") && l.contains("snapshot 0 ") && l.ends_with(at)).count()
}

/// A loop trace whose hoisted guard (a test of a parameter) fails at its entry gets a
/// variant for the other case, linked from the failed entry; where the variant cannot be
/// recorded, failed entries are penalised instead of repeated at every back-edge.
#[test]
fn failed_entries_get_variants_or_penalties() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "variants.gs");
    let (out, err) = run(&["-jv"], "variants.gs");
    assert_eq!(out, reference);
    // isSorted (line 10): one variant, compiled and linked from the first trace's entry.
    assert!(err.contains("compiled variants.gs:10"), "{}", err);
    // "[jit] trace N start variants.gs:10 (variant of trace M)" and its link M -> N.
    let variant = err.lines().find_map(|l| {
        let rest = l.strip_prefix("[jit] trace ")?;
        let (n, rest) = rest.split_once(" start variants.gs:10 (variant of trace ")?;
        Some((n.to_string(), rest.strip_suffix(')')?.to_string()))
    });
    let Some((n, m)) = variant else { panic!("no variant of isSorted's loop:\n{}", err) };
    assert!(err.lines().any(|l| l.starts_with(&format!("[jit] link trace {} exit ", m)) && l.ends_with(&format!(" -> trace {}", n))), "{}", err);
    // 40 calls of each direction with 299 iterations: without the variant, every
    // back-edge of the other direction exits at the entry (12,000 exits).
    assert!(entry_exits(&err, "variants.gs:10") <= 20, "{}", entry_exits(&err, "variants.gs:10"));
    // mix (line 42): the variant aborts (pcall); 10,500 iterations of the other case
    // exit at the trace's entry only a few hundred times thanks to the penalty.
    assert!(count(&err, "abort at variants.gs:45") >= 1, "{}", err);
    let mix_exits = entry_exits(&err, "variants.gs:42");
    assert!((1..=1000).contains(&mix_exits), "{} entry exits of mix's loop", mix_exits);
    // sum (line 67): int and float accumulators, one trace each.
    assert!(entry_exits(&err, "variants.gs:68") <= 20, "{}", entry_exits(&err, "variants.gs:68"));
    // Variants are bounded per loop, also when every entry fails (exit stress, -jhot=1):
    // at most MAX_VARIANTS traces of a loop, each with at most one copy without hoisted
    // bounds checks (opt_abc.rs).
    let (out, err) = run(&["-jexit-stress", "-jv"], "variants.gs");
    assert_eq!(out, reference);
    let per_loop = |line: &str| err.lines().filter(|l| l.contains("compiled") && l.contains(line) && !l.contains("side trace")).count();
    for line in ["variants.gs:10 ", "variants.gs:24 ", "variants.gs:42 ", "variants.gs:68 "] {
        assert!(per_loop(line) <= 2 * jit::MAX_VARIANTS as usize, "{}: {} traces", line, per_loop(line));
    }
}

/// Loop traces unroll short inner loops: `step`'s outer loop (unroll.gs line 10) is one
/// loop trace holding the inner loop's iterations, whose guards get side traces back to
/// the outer header; without unrolling it is an entry trace linked to the inner trace.
#[test]
fn short_inner_loops_are_unrolled() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "unroll.gs");
    let (out, err) = run(&["-jv"], "unroll.gs");
    assert_eq!(out, reference);
    assert!(err.contains("compiled unroll.gs:10 ") && !err.contains("start unroll.gs:10 (entry trace)"), "{}", err);
    // Other trip counts leave the unrolled part into side traces that end at the header.
    assert!(count(&err, "-> unroll.gs:10 ") >= 2, "{}", err);
    // The unrolled trace has one `sqrtn` per unrolled iteration, but the global lookup
    // of `math.sqrt` is hoisted once (CSE of the duplicated guards after hoisting).
    let (_, dump) = run(&["-jdump", "-jopt=-side"], "unroll.gs");
    let big = dump.split("---- IR after snap ----").skip(1).map(|t| t.split("\n---- ").next().unwrap_or("")).find(|t| t.matches(" sqrtn ").count() >= 2).expect("no trace with unrolled iterations");
    assert_eq!(big.matches(" fproto ").count() + big.matches(" guardv ").count(), 1, "{}", big);
    let (out, err) = run(&["-jv", "-jopt=-unroll"], "unroll.gs");
    assert_eq!(out, reference);
    assert!(err.contains("start unroll.gs:10 (entry trace)"), "{}", err);
    for flags in [&["-jexit-stress"][..], &["-jhot=1"][..], &["-jhot=3"][..]] {
        let (out, _) = run(flags, "unroll.gs");
        assert_eq!(out, reference, "{:?}", flags);
    }
}

/// Bounds checks of induction-variable array loads are hoisted to the pre-header
/// (opt_abc.rs); a loop whose limit lies beyond the array fails them at every entry and
/// gets a copy of its trace without the hoisting, linked from that exit.
#[test]
fn hoisted_bounds_checks_fall_back() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "abc_hoist.gs");
    let (out, err) = run(&["-jv"], "abc_hoist.gs");
    assert_eq!(out, reference);
    assert!(count(&err, "without hoisted bounds checks") >= 2, "{}", err);
    let (out, dump) = run(&["-jdump"], "abc_hoist.gs");
    assert_eq!(out, reference);
    assert!(dump.contains("IR after abc") && dump.contains("aloadb") && dump.contains(" k=1 @"), "{}", dump);
    for flags in [&["-jopt=-abc"][..], &["-jexit-stress"][..], &["-jhot=1"][..]] {
        let (out, _) = run(flags, "abc_hoist.gs");
        assert_eq!(out, reference, "{:?}", flags);
    }
}

/// An exit whose snapshot holds a heap-boxed big integer is restored by the engine (not
/// the exit stub); a side trace must still be recorded and linked for it, and its int
/// slot load must accept the boxed value (big_int_side.gs). Before, no side trace was
/// recorded after such exits and every other iteration ran in the interpreter.
#[test]
fn big_int_exits_get_side_traces() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "big_int_side.gs");
    let (out, err) = run(&["-jhot=1", "-jv"], "big_int_side.gs");
    assert_eq!(out, reference);
    let sides = err.lines().filter(|l| l.contains("side trace") && l.contains("compiled")).count();
    assert!(sides >= 1, "no side trace compiled:\n{}", err);
    assert!(linked(&err) >= 900, "side trace not linked ({} linked transitions):\n{}", linked(&err), err);
}

#[test]
fn failed_compile_of_a_closed_loop_resumes_after_it() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "closed_loop.gs");
    for hot in ["-jhot=1", "-jhot=2", "-jhot=3", "-jhot=4", "-jexit-stress"] {
        let (out, _) = run(&[hot], "closed_loop.gs");
        assert_eq!(out, reference, "{}", hot);
    }
}

/// `range` loops over tables are recorded (`tnext`, `tnextk`, `tnextv`): the loop of
/// `sumHash` (range_tables.gs:11) compiles, its traversal ends through the `tnext`
/// guard, and only the `__pairs` loop (a function iterator) aborts at RANGECALL.
#[test]
fn range_loops_over_tables_are_traced() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "range_tables.gs");
    let (out, err) = run(&["-jv"], "range_tables.gs");
    assert_eq!(out, reference);
    assert!(err.contains("compiled range_tables.gs:11"), "{}", err);
    assert!(err.contains("compiled range_tables.gs:45"), "{}", err);
    let rangecall_aborts: Vec<&str> = err.lines().filter(|l| l.contains("abort") && l.contains("RANGE")).collect();
    assert!(rangecall_aborts.iter().all(|l| l.contains("range_tables.gs:163")), "{:?}", rangecall_aborts);
    let (out, dump) = run(&["-jdump"], "range_tables.gs");
    assert_eq!(out, reference);
    for needle in [" tnext ", " tnextk ", " tnextv "] {
        assert!(dump.contains(needle), "no '{}' in the dumps", needle);
    }
    for flags in [&["-jexit-stress"][..], &["-jhot=1"][..], &["-jopt=-side"][..]] {
        let (out, _) = run(flags, "range_tables.gs");
        assert_eq!(out, reference, "{:?}", flags);
    }
}

/// `==` with a nil or boolean operand is recorded (guardtype + guardv) instead of
/// aborting with "comparison of mixed or non-number operands".
#[test]
fn nil_and_boolean_equality_is_traced() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "bool_eq.gs");
    let (out, err) = run(&["-jv"], "bool_eq.gs");
    assert_eq!(out, reference);
    for line in [13, 50, 80] {
        assert!(err.contains(&format!("compiled bool_eq.gs:{}", line)), "line {} not traced: {}", line, err);
    }
    assert_eq!(count(&err, "comparison of mixed"), 0, "{}", err);
    for flags in [&["-jexit-stress"][..], &["-jhot=1"][..]] {
        let (out, _) = run(flags, "bool_eq.gs");
        assert_eq!(out, reference, "{:?}", flags);
    }
}

/// Builtins with several results (string.find, string.match) are called out of the
/// trace (`calln` + `cres`) instead of aborting.
#[test]
fn builtins_with_several_results_are_traced() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "callout_results.gs");
    let (out, err) = run(&["-jv"], "callout_results.gs");
    assert_eq!(out, reference);
    for line in [16, 31, 48, 60, 70, 85] {
        assert!(err.contains(&format!("compiled callout_results.gs:{}", line)), "line {} not traced: {}", line, err);
    }
    assert_eq!(count(&err, "abort"), 0, "{}", err);
    let (_, dump) = run(&["-jdump"], "callout_results.gs");
    assert!(dump.contains(" cres k=3"), "no cres in the dumps");
    for flags in [&["-jexit-stress"][..], &["-jhot=1"][..]] {
        let (out, _) = run(flags, "callout_results.gs");
        assert_eq!(out, reference, "{:?}", flags);
    }
}

/// `range ipairs(t)` and `range pairs(t)` are recorded (the iterator triple as
/// constants, `next` as `tposafter` + `tnext`, ipairs' iterator as an array load); only
/// the loops over tables with metatables or custom iterators abort.
#[test]
fn pairs_and_ipairs_loops_are_traced() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "range_iterators.gs");
    let (out, err) = run(&["-jv"], "range_iterators.gs");
    assert_eq!(out, reference);
    for line in [16, 32, 47, 61, 65, 163, 166] {
        assert!(err.contains(&format!("compiled range_iterators.gs:{}", line)), "line {} not traced: {}", line, err);
    }
    let (_, dump) = run(&["-jdump"], "range_iterators.gs");
    for needle in [" tposafter ", " tnext ", " aload "] {
        assert!(dump.contains(needle), "no '{}' in the dumps", needle);
    }
    for flags in [&["-jexit-stress"][..], &["-jhot=1"][..], &["-jopt=-side"][..]] {
        let (out, _) = run(flags, "range_iterators.gs");
        assert_eq!(out, reference, "{:?}", flags);
    }
}

/// Method calls on strings (`s:upper()`) are recorded through the strings' metatable
/// instead of aborting with "method call on a non-table".
#[test]
fn string_method_calls_are_traced() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "string_methods.gs");
    let (out, err) = run(&["-jv"], "string_methods.gs");
    assert_eq!(out, reference);
    for line in [9, 23, 37] {
        assert!(err.contains(&format!("compiled string_methods.gs:{}", line)), "line {} not traced: {}", line, err);
    }
    assert_eq!(count(&err, "non-table"), 0, "{}", err);
    for flags in [&["-jexit-stress"][..], &["-jhot=1"][..]] {
        let (out, _) = run(flags, "string_methods.gs");
        assert_eq!(out, reference, "{:?}", flags);
    }
}

/// Table constructors with items (SETLIST) are recorded as appends.
#[test]
fn constructors_with_items_are_traced() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "setlist.gs");
    let (out, err) = run(&["-jv"], "setlist.gs");
    assert_eq!(out, reference);
    for line in [7, 14, 25] {
        assert!(err.contains(&format!("compiled setlist.gs:{}", line)), "line {} not traced: {}", line, err);
    }
    assert_eq!(count(&err, "unsupported SETLIST"), 0, "{}", err);
    for flags in [&["-jexit-stress"][..], &["-jhot=1"][..]] {
        let (out, _) = run(flags, "setlist.gs");
        assert_eq!(out, reference, "{:?}", flags);
    }
}

/// `#t` of tables with a hash part or holes is recorded (`tlen`) instead of aborting.
#[test]
fn general_table_length_is_traced() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let (reference, _) = run(&[], "table_len.gs");
    let (out, err) = run(&["-jv"], "table_len.gs");
    assert_eq!(out, reference);
    for line in [8, 20, 31] {
        assert!(err.contains(&format!("compiled table_len.gs:{}", line)), "line {} not traced: {}", line, err);
    }
    assert_eq!(count(&err, "length of a table"), 0, "{}", err);
    let (_, dump) = run(&["-jdump"], "table_len.gs");
    assert!(dump.contains(" tlen "), "no tlen in the dumps");
    for flags in [&["-jexit-stress"][..], &["-jhot=1"][..]] {
        let (out, _) = run(flags, "table_len.gs");
        assert_eq!(out, reference, "{:?}", flags);
    }
}
