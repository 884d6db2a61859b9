// JIT: upvalue loads and stores in traces (uvref/uvload/uvstore): closed upvalues,
// open upvalues of a calling frame, upvalues shared by two closures, upvalues that
// change type, callbacks created anew with other upvalue values (same prototype), and
// an open upvalue of the looping frame itself (not traced through the cell).

// A closure with a loop over its own (closed) upvalues: reads and writes.
func makeAcc(start) {
    total := start
    step := 1
    return func(n) {
        for i := 1; i <= n; i++ {
            total = total + step * i
            if i % 50 == 0 {
                step = step + 1
            }
        }
        return total
    }, func() { return total }
}

// An inlined callback reading upvalues of a frame that is still running (open).
func mapArray(a, f) {
    r := {}
    for i := 1; i <= #a; i++ {
        r[i] = f(a[i])
    }
    return r
}

func sum(a) {
    s := 0
    for i := 1; i <= #a; i++ {
        s += a[i]
    }
    return s
}

// The loop's trace is recorded calling g (its cell is in the calling F's frame); from
// i = 101 it calls h, same prototype, whose cell is the loop's own register x (which
// the trace keeps in a machine register): uvref's frame check must exit.
func F(n, g) {
    x := n
    h := func() { return x }
    if g == nil {
        return F(n + 1, h)
    }
    fs := {}
    for i := 1; i <= 200; i++ {
        fs[i] = g
        if i > 100 {
            fs[i] = h
        }
    }
    s := 0
    for i := 1; i <= 200; i++ {
        s += fs[i]()
        x = x + 1
    }
    return s
}

func main() {
    print("same proto, own frame", F(1, nil))
    acc, get := makeAcc(10)
    print("acc", acc(200), acc(7), get())

    a := {}
    for i := 1; i <= 300; i++ { a[i] = i }
    scale := 3
    total := 0
    for r := 1; r <= 20; r++ {
        // A new closure each round: same prototype, other upvalue values.
        m := mapArray(a, func(x) { return x * scale + r })
        total += sum(m)
    }
    print("open upvalues", total)

    // The upvalue changes type between calls: int, float, string (arithmetic coerces),
    // table (the trace's unbox guard fails; the interpreter raises the error).
    k := 2
    f := func(x) { return x + k }
    print("int", sum(mapArray(a, f)))
    k = 0.5
    print("float", sum(mapArray(a, f)))
    k = "1"
    print("string", sum(mapArray(a, f)))
    k = {}
    ok, err := pcall(mapArray, a, f)
    print("table", ok)

    // Two closures share one upvalue: the writer's loop stores, the reader sees it.
    shared := 0
    bump := func(n) {
        for i := 1; i <= n; i++ {
            shared = shared + i
        }
    }
    peek := func() { return shared }
    bump(100)
    s2 := 0
    for i := 1; i <= 200; i++ {
        s2 += peek()
    }
    print("shared", shared, s2)

    // A loop in the frame that owns the upvalue, calling a closure that reads and one
    // that writes it: the cell is one of the loop's registers (open), never cached.
    c := 0
    inc := func() { c = c + 1 }
    rd := func() { return c * 2 }
    t := 0
    for i := 1; i <= 300; i++ {
        inc()
        t += rd() + c
    }
    print("own frame", c, t)

    // Upvalue changes type inside a traced loop of its closure.
    v := 1
    flip := func(n) {
        out := 0
        for i := 1; i <= n; i++ {
            if i == 150 {
                v = 1.5
            }
            out = out + v
        }
        return out
    }
    print("flip", flip(300), v)
}
main()
// expect: same proto, own frame	15250
// expect: acc	62760	62900	62900
// expect: open upvalues	2772000
// expect: int	45750
// expect: float	45300.0
// expect: string	45450
// expect: table	false
// expect: shared	5050	1010000
// expect: own frame	300	135450
// expect: flip	375.5	1.5
