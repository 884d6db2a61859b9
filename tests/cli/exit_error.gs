// An uncaught error prints `gscript: MESSAGE` and a traceback, status 1 (spec 9.8, 13.4).
print("before")       // expect: before
error("stop here")
// expect-stderr: gscript: exit_error.gs:3: stop here
// expect-exit: 1
