// A number error value is printed with tostring and gets no position (9.4, 9.8).
error(42)
// expect-stderr: gscript: 42
// expect-exit: 1
