// stateless and stateful iterators used by generic for
func evens(limit, i) { i = i + 2; if i <= limit { return i, i * i } }
for i, sq := range evens, 12, 0 { print("even", i, sq) }
func chars(s) {
    i := 0
    return func() { i = i + 1; if i <= #s { return i, s:sub(i, i) } }
}
for i, c := range chars("gscript") { print("char", i, c) }
func ripairs(t) { return func(t, i) { i = i - 1; if i > 0 { return i, t[i] } }, t, #t + 1 }
for i, v := range ripairs({"x", "y", "z"}) { print("rev", i, v) }
func zip(a, b) {
    i := 0
    return func() { i = i + 1; if a[i] != nil && b[i] != nil { return a[i], b[i] } }
}
for x, y := range zip({1, 2, 3, 4}, {"a", "b", "c"}) { print("zip", x, y) }
for k, v := range next, {10, 20, 30} { print("next", k, v) }
