// defer needs a call expression (7.13).
func f() {
    x := 1
    defer x
}
// expect-stderr: gscript: compile_defer_stderr.gs:4: expression in defer must be function call
// expect-exit: 1
