// CALL of a vararg function enters it from the dispatch loop (call.rs
// `push_vararg_frame`); these cases pin down its argument layout and limits.

func count(...) { return select("#", ...) }
print(count(), count(nil), count(1, nil, nil))       // expect: 0\t1\t3

// Fixed parameters with too few, exact and extra arguments.
func fx(a, b, ...) { return a, b, select("#", ...), ... }
print(fx())                                          // expect: nil\tnil\t0
print(fx(1))                                         // expect: 1\tnil\t0
print(fx(1, 2))                                      // expect: 1\t2\t0
print(fx(1, 2, 3, nil, 5))                           // expect: 1\t2\t3\t3\tnil\t5

// Results adjusted to what the caller wants.
x, y, z := fx(7, 8, 9)
print(x, y, z)                                       // expect: 7\t8\t1
t := {fx(1, 2, "a", "b")}
print(#t, t[4], t[5])                                // expect: 5\ta\tb

// Closures capture the fixed parameters at their moved place.
func mk(a, ...) {
    n := select("#", ...)
    return func() { a = a + n; return a }
}
f := mk(10, "p", "q")
print(f(), f())                                      // expect: 12\t14

// Many extra arguments: the stack grows before the frame is entered.
args := {}
for i := 1; i <= 500; i++ { args[i] = i }
func last(...) { n := select("#", ...); return n, select(n, ...) }
print(last(table.unpack(args)))                      // expect: 500\t500

// Recursion through a vararg function (frames and stack keep growing).
func depth(n, ...) {
    if n == 0 { return select("#", ...) }
    return depth(n - 1, n, ...)
}
print(depth(100))                                    // expect: 100

// Methods and calls through a table field.
obj := {k: 3}
obj.sum = func(self, ...) {
    s := self.k
    for _, v := range {...} { s = s + v }
    return s
}
print(obj:sum(1, 2, 3))                              // expect: 9

// Infinite vararg recursion: the usual stack overflow error, catchable.
func inf(...) { return 1 + inf(...) }
ok, err := pcall(inf, 1, 2)
print(ok, string.find(err, "stack overflow") != nil) // expect: false\ttrue
