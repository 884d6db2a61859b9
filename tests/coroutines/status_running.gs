// coroutine.status/running/isyieldable (10.1, 12.7).
main, ismain := coroutine.running()
print(type(main), ismain)                           // expect: coroutine\ttrue
print(coroutine.isyieldable())                      // expect: false
print(coroutine.status(main))                       // expect: running
var co
co = coroutine.create(func() {
    print("inside:", coroutine.status(co))
    c, m := coroutine.running()
    print(c == co, m, coroutine.isyieldable())
    print("main is", coroutine.status(main))
    inner := coroutine.create(func() {
        print("outer from inner:", coroutine.status(co))
    })
    coroutine.resume(inner)
    print("inner after:", coroutine.status(inner))
    coroutine.yield()
})
print(coroutine.status(co))                         // expect: suspended
coroutine.resume(co)
// expect: inside:\trunning
// expect: true\tfalse\ttrue
// expect: main is\tnormal
// expect: outer from inner:\tnormal
// expect: inner after:\tdead
print(coroutine.status(co))                         // expect: suspended
coroutine.resume(co)
print(coroutine.status(co))                         // expect: dead
print(coroutine.resume(co))                         // expect: false\tcannot resume dead coroutine
print(type(co), tostring(co) != nil)                // expect: coroutine\ttrue
