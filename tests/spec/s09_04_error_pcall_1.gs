print(pcall(error, "plain"))                       // expect: false\tplain
print(pcall(func() { error("at level 1") }))       // expect: false\ts09_04_error_pcall_1.gs:2: at level 1
print(pcall(func() { error("no position", 0) }))   // expect: false\tno position
func check(x) { if x == nil { error("x is required", 2) } }
print(pcall(func() {
    check(nil)                                     // the error is reported here, at line 6
}))                                                // expect: false\ts09_04_error_pcall_1.gs:6: x is required
ok, e := pcall(error, {code: 404})
print(ok, e.code)                                  // expect: false\t404
print(pcall(assert, false))                        // expect: false\tassertion failed!
print(select(2, pcall(func() { assert(1 == 2, "math is broken") })))   // expect: s09_04_error_pcall_1.gs:11: math is broken
print(xpcall(func() { error("oops") }, func(m) { return "handled: " .. m }))   // expect: false\thandled: s09_04_error_pcall_1.gs:12: oops
print(xpcall(func() { error("e1") }, func(m) { error("e2") }))   // expect: false\terror in error handling
print(pcall(nil))                                  // expect: false\tattempt to call a nil value
