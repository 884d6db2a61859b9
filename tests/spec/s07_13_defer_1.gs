func f() {
    defer print("registered first, runs last")
    for i := 1; i <= 3; i++ {
        defer print("loop", i)
    }
    print("body")
    return "result"
}
print(f())
// expect: body
// expect: loop\t3
// expect: loop\t2
// expect: loop\t1
// expect: registered first, runs last
// expect: result
func risky() {
    defer print("cleanup")
    error("boom")
}
print(pcall(risky))
// expect: cleanup
// expect: false\ts07_13_defer_1.gs:18: boom
x := 1
func g() {
    defer print("deferred sees", x)
    x = 2
}
g()                    // expect: deferred sees\t1
func h() {
    defer func() { error("from defer", 0) }()
    error("original", 0)
}
print(pcall(h))        // expect: false\tfrom defer
