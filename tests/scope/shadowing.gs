// := always declares new variables; closures keep the old one (5.4).
func f() {
    a := 1
    get := func() { return a }
    a := 2
    return get(), a
}
print(f())                                            // expect: 1\t2
func g() {
    x := 1
    x := x + 1
    return x
}
print(g())                                            // expect: 2
func h(p) {
    p := p * 10
    return p
}
print(h(3))                                           // expect: 30
func outer() {
    v := "outer"
    {
        v := "inner"
        print(v)
    }
    print(v)
}
outer()
// expect: inner
// expect: outer
func params(a, b) {
    a, c := b, a
    return a, b, c
}
print(params(1, 2))                                   // expect: 2\t2\t1
func selfRef() {
    n := 5
    n := n * n
    return n
}
print(selfRef())                                      // expect: 25
