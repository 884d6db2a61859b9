// `return builtin(...)`: results, adjustment to the caller's wanted count, errors naming
// the calling function's line, deferred calls still running, and garbage made only by
// tail-called builtins being collected.
mt := {__index: {kind: "obj"}}
func make() { return setmetatable({}, mt) }
print(make().kind)                               // expect: obj
func several() { return string.byte("abc", 1, 3) }
print(several())                                 // expect: 97\t98\t99
a, b := several()
print(a, b)                                      // expect: 97\t98
func bad() { return string.rep() }
print(pcall(bad))                                // expect: false\ttail_builtin.gs:11: bad argument #1 to 'rep' (string expected, got no value)
func withDefer() {
    defer print("deferred")
    return tostring(42)
}
print(withDefer())                               // expect: deferred
// expect: 42
func big(i) { return string.rep("x", 1000 + i % 7) }
total := 0
for i := 1; i <= 200000; i++ { total += #big(i) }
print(total)                                     // expect: 200599997
print(collectgarbage("count") < 100000)          // expect: true
