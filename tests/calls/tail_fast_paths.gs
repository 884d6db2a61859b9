// Tail calls through the interpreter's inline path: argument adjustment, closing the
// caller's captured locals, tail calls inside pcall'd functions, vararg callees, and
// the "(...tail calls...)" traceback marker.
func two(a, b) { return a, b }
func fewer(x) { return two(x) }
print(fewer(1))                                  // expect: 1\tnil
func more(x) { return two(x, x + 1, x + 2) }
print(more(5))                                   // expect: 5\t6
func capture(n) {
    v := n * 10
    get := func() { return v }
    return id(get)
}
func id(f) { return f }
g1 := capture(1)
g2 := capture(2)
print(g1(), g2())                                // expect: 10\t20
func fail(x) { error("boom " .. x) }
func viaTail(x) { return fail(x) }
print(pcall(viaTail, 7))                         // expect: false\ttail_fast_paths.gs:18: boom 7
func ok(x) { return x * 2 }
func viaTail2(x) { return ok(x) }
print(pcall(viaTail2, 21))                       // expect: true\t42
func va(...) { return select("#", ...), ... }
func toVa(a, b) { return va(a, b, nil) }
print(toVa(1, 2))                                // expect: 3\t1\t2\tnil
func loop(n, acc) {
    if n == 0 { return acc }
    return loop(n - 1, acc + n)
}
print(loop(300000, 0))                           // expect: 45000150000
co := coroutine.wrap(func(n) {
    for i := 1; i <= n; i++ { coroutine.yield(loop(i, 0)) }
    return loop(0, "end")
})
print(co(3), co(), co(), co())                   // expect: 1\t3\t6\tend
func bottom() { error("deep") }
func middle() { return bottom() }
func top() { middle(); return 1 }
top()
// expect-stderr: gscript: tail_fast_paths.gs:37: deep
// expect-exit: 1
