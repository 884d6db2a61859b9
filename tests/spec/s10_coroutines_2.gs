func gen(n) {
    return coroutine.wrap(func() {
        for i := 1; i <= n; i++ { coroutine.yield(i * i) }
    })
}
for v := range gen(4) { io.write(v, ",") }
print()                                       // expect: 1,4,9,16,
f := coroutine.wrap(func() { error("inside") })
print(pcall(func() {
    f()
}))                                           // expect: false\ts10_coroutines_2.gs:10: s10_coroutines_2.gs:8: inside
w := coroutine.wrap(func() {
    ok, err := pcall(func() {
        x := coroutine.yield("paused")
        error("after " .. x, 0)
    })
    return "caught: " .. err
})
print(w())                                    // expect: paused
print(w("resume"))                            // expect: caught: after resume
c2 := coroutine.create(func() {
    defer print("closing")
    coroutine.yield()
})
coroutine.resume(c2)
print(coroutine.close(c2), coroutine.status(c2))
// expect: closing
// expect: true\tdead
