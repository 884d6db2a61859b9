// Errors inside coroutines (10.3, 12.7).
co := coroutine.create(func() { error("inside") })
print(coroutine.resume(co))                         // expect: false\terrors.gs:2: inside
print(coroutine.status(co))                         // expect: dead
co2 := coroutine.create(func() { error({code: 5}) })
ok, e := coroutine.resume(co2)
print(ok, e.code)                                   // expect: false\t5
w := coroutine.wrap(func() { error("wrapped") })
print(pcall(w))                                     // expect: false\terrors.gs:8: wrapped
w2 := coroutine.wrap(func() { error("twice") })
print(pcall(func() { w2() }))                       // expect: false\terrors.gs:11: errors.gs:10: twice
w3 := coroutine.wrap(func() { error({1}) })
ok3, e3 := pcall(w3)
print(ok3, type(e3))                                // expect: false\ttable
w4 := coroutine.wrap(func() { return 1 })
print(w4())                                         // expect: 1
print(pcall(w4))                                    // expect: false\tcannot resume dead coroutine
print(pcall(coroutine.yield, 1))                    // expect: false\tattempt to yield from outside a coroutine
print(pcall(func() { coroutine.yield() }))          // expect: false\tattempt to yield from outside a coroutine
print(pcall(coroutine.resume, 1))                   // expect: false\tbad argument #1 to 'resume' (coroutine expected, got number)
print(pcall(coroutine.create, 1))                   // expect: false\tbad argument #1 to 'create' (function expected, got number)
print(coroutine.resume(coroutine.running()))        // expect: false\tcannot resume non-suspended coroutine
print(pcall(coroutine.close, coroutine.running()))  // expect: false\tcannot close a running coroutine
