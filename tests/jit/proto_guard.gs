// JIT: inlined calls are guarded by the callee's prototype, so a callback literal
// created anew for every call runs the same trace; another function, a builtin or a
// non-function in the same place must still fail the guard.
func fold(a, f, acc) {
    for i := 1; i <= #a; i++ {
        acc = f(acc, a[i])
    }
    return acc
}
func apply(a, f) {
    s := 0
    for i := 1; i <= #a; i++ {
        s += f(a[i])
    }
    return s
}
func main() {
    a := {}
    for i := 1; i <= 200; i++ { a[i] = i }
    total := 0
    for r := 1; r <= 30; r++ {
        total += fold(a, func(acc, x) { return (acc + x) % 1000003 }, r)
    }
    print("fresh closures", total)
    print("other function", fold(a, func(acc, x) { return acc * 2 % 9973 + x }, 1))
    print("same again", fold(a, func(acc, x) { return (acc + x) % 1000003 }, 0))
    print("builtin", apply(a, math.abs), apply(a, func(x) { return -x }))
    ok, err := pcall(fold, a, 42, 0)
    print("not a function", ok)
}
main()
// expect: fresh closures	603465
// expect: other function	6039
// expect: same again	20100
// expect: builtin	20100	-20100
// expect: not a function	false
