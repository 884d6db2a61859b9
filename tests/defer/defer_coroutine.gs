// Defer inside coroutines (rule 6): runs on return/unwind inside the coroutine, or on close.
co := coroutine.create(func() {
    defer print("co defer on return")
    coroutine.yield(1)
    return 2
})
print(coroutine.resume(co))                   // expect: true\t1
print(coroutine.resume(co))
// expect: co defer on return
// expect: true\t2
co2 := coroutine.create(func() {
    defer print("outer")
    func() {
        defer print("inner a")
        defer print("inner b")
        coroutine.yield("suspended")
    }()
})
print(coroutine.resume(co2))                  // expect: true\tsuspended
print(coroutine.close(co2))
// expect: inner b
// expect: inner a
// expect: outer
// expect: true
print(coroutine.status(co2))                  // expect: dead
co3 := coroutine.create(func() {
    defer error("close failed", 0)
    coroutine.yield()
})
coroutine.resume(co3)
print(coroutine.close(co3))                   // expect: false\tclose failed
co4 := coroutine.create(func() {
    defer print("never runs")
    coroutine.yield()
})
coroutine.resume(co4)
co4 = nil
print("suspended coroutine dropped")          // expect: suspended coroutine dropped
co5 := coroutine.create(func() {
    defer print("unwound by error")
    error("co err", 0)
})
print(coroutine.resume(co5))
// expect: unwound by error
// expect: false\tco err
print(coroutine.close(co5))                   // expect: false\tco err
