// error/pcall/xpcall/assert (9.2, 9.4).
print(pcall(error, "plain"))                       // expect: false\tplain
print(pcall(func() { error("lvl1") }))             // expect: false\tpcall_error_levels.gs:3: lvl1
print(pcall(func() { error("lvl1", 1) }))          // expect: false\tpcall_error_levels.gs:4: lvl1
print(pcall(func() { error("none", 0) }))          // expect: false\tnone
func lvl2(x) { error("bad x", 2) }
func lvl3() { error("three", 3) }
func mid() { lvl3() }
print(pcall(func() { lvl2(1) }))                   // expect: false\tpcall_error_levels.gs:9: bad x
print(pcall(func() { mid() }))                     // expect: false\tpcall_error_levels.gs:10: three
print(pcall(lvl2))                                 // expect: false\tbad x
print(select("#", pcall(error)))                   // expect: 2
print(pcall(error, nil))                           // expect: false\tnil
print(pcall(func() { error(42) }))                 // expect: false\t42
print(pcall(func() { error(42, 2) }))              // expect: false\t42
print(pcall(func() { error(true) }))               // expect: false\ttrue
ok, e := pcall(error, {code: 7})
print(ok, type(e), e.code)                         // expect: false\ttable\t7
print(pcall(func(a, b) { return a + b, a * b }, 3, 4))   // expect: true\t7\t12
print(pcall(func() {}))                            // expect: true
print(pcall(pcall, error, "x"))                    // expect: true\tfalse\tx
print(pcall(nil))                                  // expect: false\tattempt to call a nil value
print(pcall({}))                                   // expect: false\tattempt to call a table value
print(pcall(assert, false))                        // expect: false\tassertion failed!
print(pcall(assert, nil, "custom msg"))            // expect: false\tcustom msg
print(pcall(func() { assert(false, "here") }))     // expect: false\tpcall_error_levels.gs:26: here
print(assert(1, 2, 3))                             // expect: 1\t2\t3
print(pcall(assert))                               // expect: false\tbad argument #1 to 'assert' (value expected)
ok2, e2 := pcall(assert, false, {tag: "obj"})
print(ok2, e2.tag)                                 // expect: false\tobj
print(xpcall(func() { error("oops") }, func(m) { return "handled: " .. m }))   // expect: false\thandled: pcall_error_levels.gs:31: oops
print(xpcall(func() { return 1, 2 }, print))       // expect: true\t1\t2
print(xpcall(func(a, b) { return a .. b }, print, "x", "y"))   // expect: true\txy
print(xpcall(func() { error("e1") }, func(m) { error("e2") }))   // expect: false\terror in error handling
print(xpcall(func() { error({}) }, func(m) { return type(m) }))  // expect: false\ttable
print(pcall(xpcall, print))                        // expect: false\tbad argument #2 to 'xpcall' (function expected, got no value)
print(pcall(string.rep))                           // expect: false\tbad argument #1 to 'rep' (string expected, got no value)
print(pcall(func() { string.rep() }))              // expect: false\tpcall_error_levels.gs:38: bad argument #1 to 'rep' (string expected, got no value)
print(pcall(func() { ("x"):rep({}) }))             // expect: false\tpcall_error_levels.gs:39: bad argument #1 to 'rep' (number expected, got table)
print(pcall(func() { string.char(256) }))          // expect: false\tpcall_error_levels.gs:40: bad argument #1 to 'char' (value out of range)
