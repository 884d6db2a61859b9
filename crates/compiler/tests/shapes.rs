//! Golden tests of the emitted instruction shapes (main function unless noted).

use compiler::disasm::instruction;
use compiler::Proto;
use std::rc::Rc;

fn compile(src: &str) -> Rc<Proto> {
    match compiler::compile_source(src.as_bytes(), "test.gs") {
        Ok(p) => p,
        Err(d) => panic!("{}\n{}", d.with_chunk("test.gs"), src),
    }
}

/// The instructions of `p`, whitespace-normalised, one per line.
fn listing(p: &Proto) -> String {
    (0..p.code.len())
        .map(|pc| instruction(p, pc).split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn main_code(src: &str) -> String {
    listing(&compile(src))
}

/// Code of the first nested function.
fn func_code(src: &str) -> String {
    listing(&compile(src).protos[0])
}

fn check(actual: String, expected: &str) {
    let expected: Vec<String> =
        expected.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
    let expected = expected.join("\n");
    if actual != expected {
        panic!("mismatch\n--- expected\n{}\n--- actual\n{}\n", expected, actual);
    }
}

#[test]
fn fold() {
    check(
        main_code("x := 2 ** 10; y := 7 / 2; z := 1 << 64; w := -2 ** 2; v := 2 ** 3 ** 2; u := 5 &^ 3; t := ^0\n"),
        "
        LOADI 0 1024
        SETGLOBAL 0 0 ; x
        LOADK 0 1 ; 3.5
        SETGLOBAL 0 2 ; y
        LOADI 0 0
        SETGLOBAL 0 3 ; z
        LOADI 0 -4
        SETGLOBAL 0 4 ; w
        LOADI 0 512
        SETGLOBAL 0 5 ; v
        LOADI 0 4
        SETGLOBAL 0 6 ; u
        LOADI 0 -1
        SETGLOBAL 0 7 ; t
        RETURN0
        ",
    );
}

#[test]
fn nofold() {
    check(
        main_code("x := 1 % 0; y := 0 / 0; z := 2 ** -1; w := 1.5 | 0; v := -0.0; u := 7.5 % 2; s := math.maxinteger * 2\n"),
        "
        LOADI 0 1
        MODK 0 0 0 ; 0
        SETGLOBAL 0 1 ; x
        LOADI 0 0
        DIVK 0 0 0 ; 0
        SETGLOBAL 0 2 ; y
        LOADI 0 2
        POWK 0 0 3 ; -1
        SETGLOBAL 0 4 ; z
        LOADK 0 5 ; 1.5
        BORK 0 0 0 ; 0
        SETGLOBAL 0 6 ; w
        LOADK 0 7 ; -0.0
        SETGLOBAL 0 8 ; v
        LOADK 0 5 ; 1.5
        SETGLOBAL 0 9 ; u
        GETGLOBAL 0 10 ; math
        GETFIELD 0 0 11 ; \"maxinteger\"
        MULK 0 0 12 ; 2
        SETGLOBAL 0 13 ; s
        RETURN0
        ",
    );
}

#[test]
fn arith() {
    check(
        func_code("func f(a, b) { return a + 1, a - 1, 1 + a, a * 2.5, a % b, a & 3, a << 2, a >> 70, a &^ b, a &^ 1, -a, #a, ^a, !a }\n"),
        "
        ADDI 2 0 1
        SUBK 3 0 0 ; 1
        KADD 4 0 0 ; 1
        MULK 5 0 1 ; 2.5
        MOD 6 0 1
        BANDK 7 0 2 ; 3
        SHLI 8 0 2
        SHRI 9 0 70
        BNOT 10 1
        BAND 10 0 10
        BANDK 11 0 3 ; -2
        UNM 12 0
        LEN 13 0
        BNOT 14 0
        NOT 15 0
        RETURN 2 15 ; 14 values
        RETURN0
        ",
    );
}

#[test]
fn compare() {
    check(
        func_code("func f(a, b) { return a < 5, 5 < a, a > b, a >= b, a == \"s\", a != 1, nil == a, a <= -129 }\n"),
        "
        LTI 0 5 1
        JMP 2 ; to 4
        LOADFALSE 2
        JMP 1 ; to 5
        LOADTRUE 2
        GTI 0 5 1
        JMP 2 ; to 9
        LOADFALSE 3
        JMP 1 ; to 10
        LOADTRUE 3
        LT 1 0 1
        JMP 2 ; to 14
        LOADFALSE 4
        JMP 1 ; to 15
        LOADTRUE 4
        LE 1 0 1
        JMP 2 ; to 19
        LOADFALSE 5
        JMP 1 ; to 20
        LOADTRUE 5
        EQK 0 0 1 ; \"s\"
        JMP 2 ; to 24
        LOADFALSE 6
        JMP 1 ; to 25
        LOADTRUE 6
        EQI 0 1 0
        JMP 2 ; to 29
        LOADFALSE 7
        JMP 1 ; to 30
        LOADTRUE 7
        EQK 0 1 1 ; nil
        JMP 2 ; to 34
        LOADFALSE 8
        JMP 1 ; to 35
        LOADTRUE 8
        LOADI 9 -129
        LE 0 9 1
        JMP 2 ; to 40
        LOADFALSE 9
        JMP 1 ; to 41
        LOADTRUE 9
        RETURN 2 9 ; 8 values
        RETURN0
        ",
    );
}

#[test]
fn logic() {
    check(
        func_code("func f(a, b, c) { x := a && b || c; if !a && b { x = 1 }; return x }\n"),
        "
        TEST 0 0
        JMP 2 ; to 4
        TESTSET 3 1 1
        JMP 1 ; to 5
        MOVE 3 2
        TEST 0 1
        JMP 3 ; to 10
        TEST 1 0
        JMP 1 ; to 10
        LOADI 3 1
        RETURN1 3
        RETURN0
        ",
    );
}

#[test]
fn calls() {
    check(
        main_code("f(1, g())\nprint(\"a\",\n  \"b\")\nobj:m(1, t...)\nreturn h(...)\n"),
        "
        GETGLOBAL 0 0 ; f
        LOADI 1 1
        GETGLOBAL 2 1 ; g
        CALL 2 1 0 ; 0 args, all results
        CALL 0 0 1 ; args to top, 0 results
        GETGLOBAL 0 2 ; print
        LOADK 1 3 ; \"a\"
        LOADK 2 4 ; \"b\"
        CALL 0 3 1 ; 2 args, 0 results
        GETGLOBAL 0 5 ; obj
        SELF 0 0 6 ; \"m\"
        LOADI 2 1
        GETGLOBAL 3 7 ; t
        SPREAD 3
        CALL 0 0 1 ; args to top, 0 results
        GETGLOBAL 0 8 ; h
        VARARG 1 0 ; all values
        TAILCALL 0 0 ; args to top
        RETURN0
        ",
    );
}

#[test]
fn concat() {
    check(
        func_code("func f(a, b) { s := a .. b .. \"c\"; s ..= \"d\"; return s }\n"),
        "
        MOVE 2 0
        MOVE 3 1
        LOADK 4 0 ; \"c\"
        CONCAT 2 3
        MOVE 3 2
        LOADK 4 1 ; \"d\"
        CONCAT 3 2
        MOVE 2 3
        RETURN1 2
        RETURN0
        ",
    );
}

#[test]
fn table() {
    check(
        main_code("t := {1, 2, k: 3, [4]: 5, 6, f()}\n"),
        "
        NEWTABLE 0 4 2
        LOADI 1 1
        LOADI 2 2
        LOADI 3 3
        SETFIELD 0 0 3 ; \"k\"
        SETLIST 0 2 0 ; 2 items at 1
        LOADI 1 5
        SETI 0 4 1
        LOADI 1 6
        GETGLOBAL 2 1 ; f
        CALL 2 1 0 ; 0 args, all results
        SETLIST 0 0 2 ; items to top at 3
        SETGLOBAL 0 2 ; t
        RETURN0
        ",
    );
}

#[test]
fn multi() {
    check(
        func_code("func f(t, i) { i, t[i] = i + 1, 20; a, b, c := g(); return a, b, c }\n"),
        "
        MOVE 2 1
        ADDI 3 1 1
        LOADI 4 20
        MOVE 1 3
        SETTABLE 0 2 4
        GETGLOBAL 2 0 ; g
        CALL 2 1 4 ; 0 args, 3 results
        MOVE 5 2
        MOVE 6 3
        MOVE 7 4
        RETURN 5 4 ; 3 values
        RETURN0
        ",
    );
}

#[test]
fn upvals() {
    check(
        func_code("func mk() { n := 0; return func() { n++; return n } }\n"),
        "
        LOADI 0 0
        CLOSURE 1 0 ; function <test.gs:1>
        RETURN1 1
        RETURN0
        ",
    );
}

#[test]
fn vararg() {
    check(
        func_code("func f(a, rest...) { x, y := ...; return select(\"#\", ...), rest }\n"),
        "
        PACKREST 1
        VARARG 2 3 ; 2 values
        GETGLOBAL 4 0 ; select
        LOADK 5 1 ; \"#\"
        VARARG 6 0 ; all values
        CALL 4 0 2 ; args to top, 1 results
        MOVE 5 1
        RETURN 4 3 ; 2 values
        RETURN0
        ",
    );
}

#[test]
fn range() {
    check(
        main_code("for k, v := range t { print(k, v) }\nfor range 3 {}\n"),
        "
        GETGLOBAL 0 0 ; t
        LOADNIL 1 1
        RANGEPREP 0 2 1
        JMP 4 ; to 8
        GETGLOBAL 9 1 ; print
        MOVE 10 3
        MOVE 11 4
        CALL 9 3 1 ; 2 args, 0 results
        RANGECALL 0 2
        RANGELOOP 0 -6 ; to 4
        LOADI 0 3
        LOADNIL 1 1
        RANGEPREP 0 0 1
        JMP 0 ; to 14
        RANGECALL 0 0
        RANGELOOP 0 -2 ; to 14
        RETURN0
        ",
    );
}

#[test]
fn recv() {
    check(
        func_code("func f(ch) { v, ok := <-ch; x := <-ch; ch <- x; c := make(chan, 3); d := make(chan); go g(v, ok); return c, d }\n"),
        "
        RECV 1 0 1
        RECV 3 0 0
        SEND 0 3
        LOADI 4 3
        MAKECHAN 4 4 1
        MAKECHAN 5 0 0
        GETGLOBAL 6 0 ; g
        MOVE 7 1
        MOVE 8 2
        GO 6 3 ; 2 args
        MOVE 6 4
        MOVE 7 5
        RETURN 6 3 ; 2 values
        RETURN0
        ",
    );
}

#[test]
fn constant_left_arith() {
    check(
        func_code("func f(a) { return 2.0 * a, 1.0 / a, 1 - a, 0.5 + a, 2 % a, 1.5 * 2 }\n"),
        "
        KMUL 1 0 0 ; 2.0
        KDIV 2 0 1 ; 1.0
        KSUB 3 0 2 ; 1
        KADD 4 0 3 ; 0.5
        LOADI 5 2
        MOD 5 5 0
        LOADF 6 3
        RETURN 1 7 ; 6 values
        RETURN0
        ",
    );
}

#[test]
fn float_immediate_compare() {
    // Integral float literals use the immediate forms with C bit 1 set; others stay K.
    check(
        func_code("func f(a) { return a > 4.0, 2.0 <= a, a < -0.0, a < 0.5 }\n"),
        "
        GTI 0 4 3 ; 4.0
        JMP 2 ; to 4
        LOADFALSE 1
        JMP 1 ; to 5
        LOADTRUE 1
        GEI 0 2 3 ; 2.0
        JMP 2 ; to 9
        LOADFALSE 2
        JMP 1 ; to 10
        LOADTRUE 2
        LOADK 3 0 ; -0.0
        LT 0 3 1
        JMP 2 ; to 15
        LOADFALSE 3
        JMP 1 ; to 16
        LOADTRUE 3
        LOADK 4 1 ; 0.5
        LT 0 4 1
        JMP 2 ; to 21
        LOADFALSE 4
        JMP 1 ; to 22
        LOADTRUE 4
        RETURN 1 5 ; 4 values
        RETURN0
        ",
    );
}

#[test]
fn counted_loops() {
    check(
        func_code("func f(n) { for i := 0; i < n; i++ {}; for i := n; i >= 1; i-- {}; for i := 1; n > i; i += 3 {}; for i := n; i > 0; i-- {}; for i := 0; 5 >= i; i++ {}; for i := n; 1 < i; i-- {}; for i := 0; i <= 10; i -= 2 {} }\n"),
        "
        LOADI 1 0
        JMP 2 ; to 4
        FORLT 1 0 1 ; step 1, loop to 2
        ADDI 1 1 1
        LT 1 0 1
        JMP -4 ; to 2
        MOVE 1 0
        JMP 2 ; to 10
        FORGEI 1 1 -1 ; step -1, loop to 8
        SUBK 1 1 0 ; 1
        GEI 1 1 1
        JMP -4 ; to 8
        LOADI 1 1
        JMP 2 ; to 16
        FORLT 1 0 3 ; step 3, loop to 14
        ADDI 1 1 3
        LT 1 0 1
        JMP -4 ; to 14
        MOVE 1 0
        JMP 2 ; to 22
        FORGTI 1 0 -1 ; step -1, loop to 20
        SUBK 1 1 0 ; 1
        GTI 1 0 1
        JMP -4 ; to 20
        LOADI 1 0
        JMP 2 ; to 28
        FORLEI 1 5 1 ; step 1, loop to 26
        ADDI 1 1 1
        LEI 1 5 1
        JMP -4 ; to 26
        MOVE 1 0
        JMP 2 ; to 34
        FORGTI 1 1 -1 ; step -1, loop to 32
        SUBK 1 1 0 ; 1
        GTI 1 1 1
        JMP -4 ; to 32
        LOADI 1 0
        JMP 2 ; to 40
        FORLEI 1 10 -2 ; step -2, loop to 38
        SUBK 1 1 1 ; 2
        LEI 1 10 1
        JMP -4 ; to 38
        RETURN0
        ",
    );
    // Register bounds with the variable on either side; a body with `continue`; `+= -1`
    // (a negated literal) keeps the plain code.
    check(
        func_code("func f(a, b) { for i := a; i > b; i-- { if i == 3 { continue } }; for i := a; b <= i; i += -1 {}; for j := a; j <= b; j++ {} }\n"),
        "
        MOVE 2 0
        JMP 5 ; to 7
        EQI 2 3 0
        JMP 1 ; to 5
        JMP 0 ; to 5
        FORGT 2 1 -1 ; step -1, loop to 2
        SUBK 2 2 0 ; 1
        LT 1 2 1
        JMP -7 ; to 2
        MOVE 2 0
        JMP 1 ; to 12
        ADDI 2 2 -1
        LE 1 2 1
        JMP -3 ; to 11
        MOVE 2 0
        JMP 2 ; to 18
        FORLE 2 1 1 ; step 1, loop to 16
        ADDI 2 2 1
        LE 2 1 1
        JMP -4 ; to 16
        RETURN0
        ",
    );
}

#[test]
fn counted_loops_with_large_bounds() {
    check(
        func_code("func f() { for i := 0; i < 1000; i++ {}; for i := 0; 100000 >= i; i += 2 {}; for i := 0; i < 1 << 50; i++ {}; for i := 0; i < 140737488355328; i++ {} }\n"),
        "
        LOADI 0 0
        JMP 2 ; to 4
        FORLTK 0 0 1 ; step 1, bound 1000, loop to 2
        ADDI 0 0 1
        LOADI 1 1000
        LT 0 1 1
        JMP -5 ; to 2
        LOADI 0 0
        JMP 2 ; to 11
        FORLEK 0 1 2 ; step 2, bound 100000, loop to 9
        ADDI 0 0 2
        LOADK 1 1 ; 100000
        LE 0 1 1
        JMP -5 ; to 9
        LOADI 0 0
        JMP 1 ; to 17
        ADDI 0 0 1
        LOADK 1 2 ; 1125899906842624
        LT 0 1 1
        JMP -4 ; to 16
        LOADI 0 0
        JMP 1 ; to 23
        ADDI 0 0 1
        LOADK 1 3 ; 140737488355328
        LT 0 1 1
        JMP -4 ; to 22
        RETURN0
        ",
    );
}

#[test]
fn loops_without_step_op() {
    // Not a counted-loop shape: a global bound, a non-local variable, a large step,
    // a compound condition: the plain step / comparison / JMP only.
    let code = func_code(
        "func f(n) { for i := 0; i < N; i++ {}; for i := 0; i < n && i < 5; i++ {}; for i := 0; i < n; i += 1000 {}; for i := 0; i != n; i++ {} }\n",
    );
    assert!(!code.contains("FOR"), "{}", code);
    assert!(!code.contains("JMP 0"), "{}", code);
}
