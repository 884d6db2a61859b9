// open upvalues created in every order: a new slot above the open ones (append), the
// same slot again (shared), an older slot below a newer open one (sorted insert), and
// closing them on block exit, loop iteration and return
func f() {
    a := 1
    b := 2
    getB := func() { return b }
    getA := func() { return a }
    setA := func(v) { a = v }
    c := 3
    getC := func() { return c }
    both := func() { return a + b + c }
    setA(10)
    b = 20
    c = 30
    return getA, getB, getC, both
}
ga, gb, gc, both := f()
print(ga(), gb(), gc(), both())
fs := {}
for i := 1; i <= 3; i++ {
    x := i * 10
    y := i * 100
    fs[#fs + 1] = func() { return y }
    fs[#fs + 1] = func() { return x }
    fs[#fs + 1] = func() { x = x + 1; return x + y }
}
out := {}
for i := 1; i <= #fs; i++ {
    out[#out + 1] = tostring(fs[i]())
}
print(table.concat(out, " "))
func nest() {
    p := 1
    q := 2
    inner := func() {
        r := 3
        g := func() { return p + q + r }
        h := func() { q = q + 1; return q }
        return g, h
    }
    g, h := inner()
    h()
    return g, h, func() { return p + q }
}
g, h, k := nest()
print(g(), h(), k(), g())
