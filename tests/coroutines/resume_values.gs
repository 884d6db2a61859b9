// Values passed through resume/yield/return (10.1).
co := coroutine.create(func(...) {
    print("args", ...)
    a, b, c := coroutine.yield()
    print("resumed with", a, b, c)
    x := coroutine.yield(1, nil, 3)
    return x, "end"
})
print(coroutine.resume(co, "p", "q"))
// expect: args\tp\tq
// expect: true
print(coroutine.resume(co, 10, 20))
// expect: resumed with\t10\t20\tnil
// expect: true\t1\tnil\t3
print(select("#", coroutine.resume(co)))            // expect: 3
print(coroutine.status(co))                         // expect: dead
gen := coroutine.create(func(n) {
    for i := 1; i <= n; i++ { coroutine.yield(i, i * i) }
    return "fin"
})
for {
    ok, a, b := coroutine.resume(gen, 3)
    print(ok, a, b)
    if coroutine.status(gen) == "dead" { break }
}
// expect: true\t1\t1
// expect: true\t2\t4
// expect: true\t3\t9
// expect: true\tfin\tnil
