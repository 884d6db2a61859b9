// error with level 0 adds no position (9.2).
error("plain message", 0)
// expect-stderr: gscript: plain message
// expect-exit: 1
