func f() {
    a := 1
    get := func() { return a }
    a := 2              // a second variable named a; get still sees the first
    return get(), a
}
print(f())              // expect: 1\t2
func counter() {
    n := 0
    return func() { n++; return n }, func() { return n }
}
inc, peek := counter()
inc()
inc()
print(peek())           // expect: 2
fs := {}
for i := 0; i < 3; i++ {
    fs[#fs + 1] = func() { return i }
}
print(fs[1](), fs[2](), fs[3]())   // expect: 0\t1\t2
