// '...' inside a non-variadic function is a compile error (6.10.2).
print("never printed")
func f(a) {
    return a, ...
}
// expect-stderr: gscript: compile_vararg_stderr.gs:4: cannot use '...' outside a vararg function
// expect-exit: 1
