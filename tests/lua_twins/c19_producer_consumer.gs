// producer / filter / consumer pipeline with coroutines
func producer(items) {
    return coroutine.create(func() {
        for _, it := range ipairs(items) { coroutine.yield(it) }
        return nil
    })
}
func receive(p) { ok, v := coroutine.resume(p); return v }
func filter(p, pred) {
    return coroutine.create(func() {
        for {
            v := receive(p)
            if v == nil { return nil }
            if pred(v) { coroutine.yield(v * 10) }
        }
    })
}
p := filter(producer({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}), func(x) { return x % 3 != 0 })
n := 0
for {
    v := receive(p)
    if v == nil { break }
    n = n + 1
    print("consumed", n, v, coroutine.status(p))
}
print("final", coroutine.status(p))
