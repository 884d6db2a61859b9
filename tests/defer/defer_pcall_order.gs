// Deferred calls run before the error reaches pcall (rule 3); xpcall's handler runs
// before the deferred calls (9.4).
func work() {
    defer print("defer 1")
    defer print("defer 2")
    error("fail", 0)
}
print(pcall(work))
// expect: defer 2
// expect: defer 1
// expect: false\tfail
print(xpcall(work, func(m) { print("handler", m); return "h" }))
// expect: handler\tfail
// expect: defer 2
// expect: defer 1
// expect: false\th
func nested() {
    defer print("outer defer")
    func() {
        defer print("inner defer")
        error("deep", 0)
    }()
}
print(pcall(nested))
// expect: inner defer
// expect: outer defer
// expect: false\tdeep
func noTail(n) {
    defer print("defer in noTail", n)
    return noTail2(n)
}
func noTail2(n) { return n * 2 }
print(noTail(21))
// expect: defer in noTail\t21
// expect: 42
