// Duplicate parameter names are a compile error (9.6).
print("never printed")
func f(a, b, a) { return a }
// expect-stderr: gscript: compile_dup_arg_stderr.gs:3: duplicate argument 'a'
// expect-exit: 1
