// debug.traceback (spec 12.13)
func f() { s := debug.traceback("msg"); return s }
print(f())
func g() { return debug.traceback("lvl2", 2) }
func h() { return g() .. "" }
print(h())
print(debug.traceback(42) == "42\n" .. string.sub(debug.traceback(42), 4))
t := {}
print(debug.traceback(t) == t, debug.traceback(nil, 1) == debug.traceback())
print(string.sub(debug.traceback(), 1, 16))
print(xpcall(func() { error("boom") }, debug.traceback))

// Expected output:
// expect: msg
// expect: stack traceback:
// expect: \ttraceback.gs:2: in function 'f'
// expect: \ttraceback.gs:3: in main chunk
// expect: lvl2
// expect: stack traceback:
// expect: \ttraceback.gs:5: in function 'h'
// expect: \ttraceback.gs:6: in main chunk
// expect: true
// expect: true\ttrue
// expect: stack traceback:
// expect: false\ttraceback.gs:11: boom
// expect: stack traceback:
// expect: \t[builtin]: in function 'error'
// expect: \ttraceback.gs:11: in function <traceback.gs:11>
// expect: \t[builtin]: in function 'xpcall'
// expect: \ttraceback.gs:11: in main chunk
