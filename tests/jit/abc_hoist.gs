// JIT: bounds checks of array loads indexed by a loop's induction variable are checked
// once in the loop's pre-header (opt_abc.rs); loops whose index leaves the array part,
// starts outside it, counts down, steps by more than one, or whose limit changes must
// still read exactly what the interpreter reads.
func sum_to(t, n) {
    s := 0
    for i := 1; i <= n; i++ {
        v := t[i]
        if v == nil { s += 1000 } else { s += v }
    }
    return s
}
func sum_below(t, lo, hi) {
    s := 0
    for i := lo; i < hi; i++ {
        s += t[i] || -1
    }
    return s
}
func sum_down(t, from, to) {
    s := 0.0
    for i := from; i >= to; i-- {
        s += t[i] || 0.5
    }
    return s
}
func sum_step(t, n, step) {
    s := 0
    for i := 1; i <= n; i += step {
        s += t[i]
    }
    return s
}
func dot(a, b, n) {
    s := 0.0
    for k := 1; k <= n; k++ {
        s += a[k] * b[k]
    }
    return s
}
func main() {
    t := {}
    for i := 1; i <= 50; i++ { t[i] = i }
    // Inside, then past the end of the array (nil reads), alternately.
    total := 0
    for r := 1; r <= 40; r++ {
        total += sum_to(t, 50)
        total += sum_to(t, 50 + r % 3)
    }
    print("to", total)
    // Exclusive limit; start at 0 (below the array) and at the last item.
    total = 0
    for r := 1; r <= 40; r++ {
        total += sum_below(t, 1, 51) + sum_below(t, 0, 20) + sum_below(t, 50, 52) + sum_below(t, 45, 51)
    }
    print("below", total)
    // Counting down, into and below the array.
    f := {}
    for i := 1; i <= 30; i++ { f[i] = i * 0.25 }
    ft := 0.0
    for r := 1; r <= 40; r++ {
        ft += sum_down(f, 30, 1) + sum_down(f, 30, 0) + sum_down(f, 32, 25) + sum_down(f, 10, -2)
    }
    print("down", ft)
    // Steps of 2 and 3: the limit bounds every index that is read.
    total = 0
    for r := 1; r <= 40; r++ {
        total += sum_step(t, 50, 2) + sum_step(t, 49, 3)
    }
    print("step", total)
    // The table shrinks and grows between calls.
    g := {}
    for i := 1; i <= 20; i++ { g[i] = i }
    total = 0
    for r := 1; r <= 60; r++ {
        total += sum_to(g, #g)
        if r % 2 == 0 { g[#g] = nil } else { g[#g + 1] = r }
    }
    print("resize", total, #g)
    // The limit changes inside the loop (not invariant: no hoisting).
    total = 0
    for r := 1; r <= 30; r++ {
        n := 10
        for i := 1; i <= n; i++ {
            if i == 5 && n < 40 { n = 45 }
            v := t[i]
            if v != nil { total += v }
        }
    }
    print("limit", total)
    // Two arrays of different lengths in one loop (the shorter one bounds it).
    a := {}
    b := {}
    for i := 1; i <= 40; i++ { a[i] = i * 1.5 }
    for i := 1; i <= 30; i++ { b[i] = i * 2.0 }
    d := 0.0
    for r := 1; r <= 30; r++ {
        d += dot(a, b, 30)
        if r % 5 == 0 { d += dot(b, a, 25) }
    }
    print("dot", d)
}
main()
// expect: to	142000
// expect: below	71920
// expect: down	11620.0
// expect: step	42000
// expect: resize	13500	20
// expect: limit	31050
// expect: dot	950400.0
