// goto is reserved; every use is a compile error (2.6).
print("never printed")
goto done
// expect-stderr: gscript: compile_goto_stderr.gs:3: goto is not supported
// expect-exit: 1
