func f() { return debug.traceback("msg") }
print(string.sub(f(), 1, 20))
// expect: msg
// expect: stack traceback:
