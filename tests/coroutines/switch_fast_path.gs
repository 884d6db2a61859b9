// Coroutine switches deliver values straight into the waiting resume/yield/wrap call
// (call.rs `deliver_plain`); these cases pin down result adjustment and the fallbacks.

// resume's results adjusted to a fixed count (more and fewer than delivered).
co := coroutine.create(func(a) {
    b, c, d := coroutine.yield(a, a + 1, a + 2, a + 3)
    print("got", b, c, d)
    e := coroutine.yield()
    print("e", e)
    return "r1", "r2"
})
ok, x := coroutine.resume(co, 10)
print(ok, x)                                          // expect: true\t10
ok, x, y, z, w, v := coroutine.resume(co, 1)
// expect: got\t1\tnil\tnil
print(ok, x, y, z, w, v)                              // expect: true\tnil\tnil\tnil\tnil\tnil
print(coroutine.resume(co, 7, 8, 9))
// expect: e\t7
// expect: true\tr1\tr2
print(coroutine.resume(co))                           // expect: false\tcannot resume dead coroutine

// wrap: no `true` prefix; results into an expression and into a table constructor.
g := coroutine.wrap(func() {
    coroutine.yield(1, 2, 3)
    coroutine.yield()
    coroutine.yield(nil)
})
t := {g()}
print(#t, t[1], t[3])                                 // expect: 3\t1\t3
print(select("#", g()))                               // expect: 0
print(select("#", g()))                               // expect: 1

// Many values through a switch: the receiving stack must grow (slow path).
big := coroutine.create(func(...) {
    n := select("#", ...)
    coroutine.yield(...)
    return n
})
args := {}
for i := 1; i <= 300; i++ { args[i] = i }
res := {coroutine.resume(big, table.unpack(args))}
print(#res, res[1], res[2], res[301])                 // expect: 301\ttrue\t1\t300
print(coroutine.resume(big))                          // expect: true\t300

// Deep recursion inside the coroutine before yielding (its stack grew and moved).
func deep(n) {
    if n == 0 { return coroutine.yield("bottom") }
    return 1 + deep(n - 1)
}
dc := coroutine.create(func() { return deep(500) })
print(coroutine.resume(dc))                           // expect: true\tbottom
print(coroutine.resume(dc, 0))                        // expect: true\t500

// yield in tail position (the yield frame is marked for a tail return).
tc := coroutine.create(func(a) { return coroutine.yield(a * 2) })
print(coroutine.resume(tc, 21))                       // expect: true\t42
print(coroutine.resume(tc, "x", "y"))                 // expect: true\tx\ty

// Resume/yield called through pcall (frames with flags take the general path).
pc := coroutine.create(func() {
    print(pcall(coroutine.yield, "in pcall"))
    return "done"
})
print(coroutine.resume(pc))                           // expect: true\tin pcall
// expect: true\tagain
print(coroutine.resume(pc, "again"))                  // expect: true\tdone
print(pcall(coroutine.resume, coroutine.create(func() { return 5 })))  // expect: true\ttrue\t5

// A wrap function whose coroutine errors: the error is re-raised at the call.
bad := coroutine.wrap(func() { coroutine.yield(1); error("boom") })
print(bad())                                          // expect: 1
print(pcall(bad))                                     // expect: false\tswitch_fast_path.gs:70: boom

// Nested coroutines: values pass through two switches each way.
outer := coroutine.wrap(func() {
    inner := coroutine.wrap(func() {
        for i := 1; i <= 3; i++ { coroutine.yield(i * 100) }
    })
    for i := 1; i <= 3; i++ { coroutine.yield(inner() + i) }
})
print(outer(), outer(), outer())                      // expect: 101\t202\t303
