// JIT: calls of script functions inlined into traces (guards inside the callee exit
// before the call, which the interpreter then re-executes).
func sq(x) { return x * x }
func hyp(a, b) { return math.sqrt(sq(a) + sq(b)) }
func pair(x) { return x, x + 1 }
func opt(a, b) {
    if b == nil { return a }
    return a + b
}
func store(t, i) { t[i] = i }
func main() {
    s := 0.0
    for i := 1; i <= 300; i++ {
        s += hyp(i, 0.5)
    }
    print(string.format("%.6f", s))
    // The callee's argument type changes halfway: its guards exit before the call.
    k := 0
    for i := 1; i <= 300; i++ {
        v := i
        if i > 150 { v = i + 0.25 }
        k = k + sq(v)
    }
    print(k)
    // Multiple results, missing arguments.
    p := 0
    q := 0
    for i := 1; i <= 300; i++ {
        x, y := pair(i)
        p = p + x * y
        q = q + opt(i)
    }
    print(p, q)
    // A callee that stores is not inlined (the loop still runs correctly).
    t := {}
    for i := 1; i <= 300; i++ { store(t, i) }
    print(#t)
    // The called function changes mid-loop.
    f := sq
    r := 0
    for i := 1; i <= 300; i++ {
        if i == 200 { f = func(x) { return -x } }
        r = r + f(i)
    }
    print(r)
}
main()
// expect: 45150.776823
// expect: 9061971.875
// expect: 9090200	45150
// expect: 300
// expect: 2621450
