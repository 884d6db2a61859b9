// A compile error in the main chunk: first line `gscript: CHUNK:LINE: MESSAGE`, status 1.
print("never")
x := (1 + )
// expect-stderr: gscript: exit_compile.gs:3: unexpected symbol near ')'
// expect-exit: 1
