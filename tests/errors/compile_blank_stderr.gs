// The blank identifier cannot be used as a value (5.6).
_ = 5
y := _ + 1
// expect-stderr: gscript: compile_blank_stderr.gs:3: cannot use _ as value
// expect-exit: 1
