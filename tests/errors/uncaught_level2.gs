// error with level 2 blames the caller's line (9.2).
func check(v) {
    if v == nil { error("value required", 2) }
}
check(1)
check(nil)
// expect-stderr: gscript: uncaught_level2.gs:6: value required
// expect-exit: 1
