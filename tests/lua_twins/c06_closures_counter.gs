// closures: counters and generators
func counter(start, step) {
    n := start
    return func() { n = n + step; return n }
}
c1, c2 := counter(0, 1), counter(100, -10)
for i := 1; i <= 6; i++ { print(i, c1(), c2()) }
fs := {}
for i := 1; i <= 5; i++ { fs[i] = func() { return i * i } }
for i := 1; i <= 5; i++ { print("sq", fs[i]()) }
func make() {
    v := 0
    func get() { return v }
    func set(x) { v = x }
    return get, set
}
g, s := make()
s(42); print(g())
g2, s2 := make()
s2(7); print(g(), g2())
