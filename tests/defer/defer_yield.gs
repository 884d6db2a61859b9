// A deferred call may yield (10.2).
co := coroutine.wrap(func() {
    defer func() { coroutine.yield("from defer") }()
    return "done"
})
print(co())                                   // expect: from defer
print(co())                                   // expect: done
