co := coroutine.create(func(a, b) {
    print("start", a, b)
    c := coroutine.yield(a + b)
    print("got", c)
    d, e := coroutine.yield(c * 2)
    return d + e
})
print(coroutine.resume(co, 1, 2))
// expect: start\t1\t2
// expect: true\t3
print(coroutine.status(co))                   // expect: suspended
print(coroutine.resume(co, 10))
// expect: got\t10
// expect: true\t20
print(coroutine.resume(co, 3, 4))             // expect: true\t7
print(coroutine.status(co), coroutine.resume(co))   // expect: dead\tfalse\tcannot resume dead coroutine
