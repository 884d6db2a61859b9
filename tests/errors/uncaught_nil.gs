// error() raises nil (9.4).
error()
// expect-stderr: gscript: (error object is a nil value)
// expect-exit: 1
