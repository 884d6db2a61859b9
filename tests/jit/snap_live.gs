// JIT: snapshot liveness (opt_snap.rs). Registers the bytecode writes before reading
// need no write-back; values read after the loop, through a closure's upvalue, or at an
// exit in the middle of an expression must still be exact.
func main() {
    // A temporary of the loop body whose last value is dead; the accumulator is live.
    t := {}
    for i := 1; i <= 50; i++ { t[i] = i * 0.5 }
    s := 0.0
    for j := 1; j <= 50; j++ {
        s += t[j] * (j + 1)
    }
    print("temporaries", s)
    // A local written (not read) in each iteration and read after the loop.
    last := 0
    for j := 1; j <= 100; j++ {
        last = j * 3
    }
    print("last", last)
    // A local captured by a closure: the closure reads it through the upvalue.
    x := 0
    get := func() { return x }
    total := 0
    for j := 1; j <= 100; j++ {
        x = j
        if j % 10 == 0 { total += get() }
    }
    print("captured", total, x)
    // An exit in the middle of an expression (the element turns into a string).
    u := {}
    for i := 1; i <= 60; i++ { u[i] = i }
    u[45] = "x"
    acc := 0
    ok, err := pcall(func() {
        for j := 1; j <= 60; j++ {
            acc += u[j] * 2 + j
        }
    })
    print("exit mid-expression", ok, acc)
    // The exit of a loop whose body has several temporaries, then more work on them.
    a := 0
    b := 0
    for j := 1; j <= 77; j++ {
        p := j * 2
        q := p + 1
        a += p
        b += q
    }
    print("after loop", a, b)
}
main()
// expect: temporaries	22100.0
// expect: last	300
// expect: captured	550	100
// expect: exit mid-expression	false	2970
// expect: after loop	6006	6083
