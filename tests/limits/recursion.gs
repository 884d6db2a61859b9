// Implementation limits (16): deep recursion, catchable stack overflow.
func depth(n) {
    if n == 0 { return 0 }
    return 1 + depth(n - 1)
}
print(depth(10000))                                  // expect: 10000
print(depth(90000))                                  // expect: 90000
func forever(n) { return 1 + forever(n + 1) }
ok, err := pcall(forever, 1)
print(ok, string.sub(err, -14))                      // expect: false\tstack overflow
print(depth(100))                                    // expect: 100
ok2, err2 := pcall(forever, 1)
print(ok2, string.sub(err2, -14))                    // expect: false\tstack overflow
loop := setmetatable({}, {})
getmetatable(loop).__index = func(t, k) { return t[k] }
ok3, err3 := pcall(func() { return loop.x })
print(ok3, string.sub(err3, -14))                    // expect: false\tstack overflow
func viaPcall(n) { return pcall(viaPcall, n + 1) }
func tailForever(n) {
    if n == 1000000 { return "tail ok" }
    return tailForever(n + 1)
}
print(tailForever(0))                                // expect: tail ok
