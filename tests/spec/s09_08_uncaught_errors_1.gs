func inner() { error("boom") }
func outer() { inner() }
print("before")        // expect: before
outer()
print("not reached")
// expect-stderr: gscript: s09_08_uncaught_errors_1.gs:1: boom
// expect-exit: 1
