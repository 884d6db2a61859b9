// varargs and select
func info(...) {
    n := select("#", ...)
    parts := {}
    for i := 1; i <= n; i++ { parts[#parts + 1] = tostring((select(i, ...))) }
    return n, table.concat(parts, ",")
}
print(info())
print(info(nil))
print(info(1, nil, 3))
print(info(nil, nil, nil, 4))
print(select(2, "a", "b", "c"))
print(select(-1, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
func pass(...) { return ... }
print(pass(1, 2, 3), pass(4, 5))
print((pass(1, 2, 3)))
func sum(...) {
    s := 0
    for _, v := range ipairs({...}) { s = s + v }
    return s
}
for n := 0; n <= 6; n++ {
    t := {}
    for i := 1; i <= n; i++ { t[i] = i * 10 }
    print(n, sum(table.unpack(t)))
}
