// Yield across pcall, metamethods and range iterators; not across sort comparators (10.2).
co := coroutine.wrap(func() {
    ok, v := pcall(func() {
        x := coroutine.yield("in pcall")
        return x * 2
    })
    print("pcall result", ok, v)
    ok2, e := pcall(func() {
        coroutine.yield("again")
        error("after yield", 0)
    })
    print("pcall error", ok2, e)
    return "done"
})
print(co())                                         // expect: in pcall
print(co(21))
// expect: pcall result\ttrue\t42
// expect: again
print(co())
// expect: pcall error\tfalse\tafter yield
// expect: done
mt := {__add: func(a, b) { return coroutine.yield("in __add") }, __index: func(t, k) { return coroutine.yield("in __index " .. k) }}
c2 := coroutine.wrap(func() {
    obj := setmetatable({}, mt)
    s := obj + 1
    v := obj.foo
    return s, v
})
print(c2())                                         // expect: in __add
print(c2("sum"))                                    // expect: in __index foo
print(c2("val"))                                    // expect: sum\tval
c3 := coroutine.wrap(func() {
    for k := range func(_, c) { if c < 3 { return coroutine.yield(c) } }, nil, 0 {
        print("k", k)
    }
    return "iter end"
})
print(c3())                                         // expect: 0
print(c3(1))
// expect: k\t1
// expect: 1
print(c3(5))
// expect: k\t5
// expect: iter end
c4 := coroutine.create(func() {
    table.sort({3, 1, 2}, func(a, b) { coroutine.yield(); return a < b })
})
print(coroutine.resume(c4))                         // expect: false\tattempt to yield across a C-call boundary
c5 := coroutine.create(func() {
    return xpcall(func() { error("x") }, func(m) { coroutine.yield(); return m })
})
print(coroutine.resume(c5))                         // expect: true\tfalse\terror in error handling
