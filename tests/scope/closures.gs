// Closures capture variables by reference (5.5).
func counter() {
    n := 0
    return func() { n++; return n }, func() { return n }
}
inc, peek := counter()
inc()
inc()
print(peek())                                         // expect: 2
inc2, peek2 := counter()
inc2()
print(peek(), peek2())                                // expect: 2\t1
func adder(base) { return func(x) { return base + x } }
add5 := adder(5)
add10 := adder(10)
print(add5(1), add10(1))                              // expect: 6\t11
func shared() {
    v := 1
    set := func(x) { v = x }
    get := func() { return v }
    set(7)
    return get(), v
}
print(shared())                                       // expect: 7\t7
func deep() {
    a := 1
    return func() {
        b := 2
        return func() {
            a++
            return a + b
        }
    }
}
d := deep()()
print(d(), d())                                       // expect: 4\t5
func later() {
    f := func() { return v }
    v := 1
    return f()
}
print(later())                                        // expect: nil
{
    func fact(n) {
        if n <= 1 { return 1 }
        return n * fact(n - 1)
    }
    print(fact(20))                                   // expect: 2432902008176640000
}
print(fact)                                           // expect: nil
func mutual() {
    var isOdd
    isEven := func(n) { if n == 0 { return true }; return isOdd(n - 1) }
    isOdd = func(n) { if n == 0 { return false }; return isEven(n - 1) }
    return isEven(10), isOdd(7)
}
print(mutual())                                       // expect: true\ttrue
