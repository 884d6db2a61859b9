// memoization with closures and tables
calls := 0
func memoize(f) {
    cache := {}
    return func(n) {
        v := cache[n]
        if v == nil { v = f(n); cache[n] = v }
        return v
    }
}
var fib
fib = memoize(func(n) { calls = calls + 1; if n < 2 { return n }; return fib(n - 1) + fib(n - 2) })
for _, n := range ipairs({10, 20, 30, 50, 70, 90}) { print(n, fib(n), calls) }
paths := {}
func grid(r, c) {
    if r == 1 || c == 1 { return 1 }
    key := r .. "x" .. c
    if paths[key] { return paths[key] }
    v := grid(r - 1, c) + grid(r, c - 1)
    paths[key] = v
    return v
}
for n := 2; n <= 16; n += 2 { print("grid", n, grid(n, n)) }
