// A compile error means none of the chunk runs (9.6, 9.8): no output, status 1.
print("never printed")
for i := 0; i < 3; i++ {
}
break
// expect-stderr: gscript: compile_break_stderr.gs:5: break is not in a loop, switch, or select
// expect-exit: 1
