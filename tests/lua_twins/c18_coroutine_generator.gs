// coroutine generators
func range_(n, step) {
    return coroutine.wrap(func() { for i := 1; i <= n; i += step { coroutine.yield(i) } })
}
for v := range range_(10, 3) { print("range", v) }
func fibgen(limit) {
    return coroutine.wrap(func() {
        a, b := 0, 1
        for a <= limit { coroutine.yield(a); a, b = b, a + b }
    })
}
out := {}
for v := range fibgen(1000) { out[#out + 1] = v }
print(#out, table.concat(out, " "))
func perms(a, n) {
    n = n || #a
    if n <= 1 { coroutine.yield(a) } else {
        for i := 1; i <= n; i++ {
            t := a[n]; a[n] = a[i]; a[i] = t
            perms(a, n - 1)
            t = a[n]; a[n] = a[i]; a[i] = t
        }
    }
}
for p := range coroutine.wrap(func() { perms({1, 2, 3}) }) { print(table.concat(p, ",")) }
co := coroutine.create(func(a, b) {
    c := coroutine.yield(a + b)
    d, e := coroutine.yield(c * 2)
    return d + e
})
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.resume(co))
