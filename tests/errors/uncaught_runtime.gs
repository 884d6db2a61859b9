// An uncaught runtime error reports position and variable information (9.2, 9.3, 9.8).
cfg := nil
print("start")             // expect: start
print(cfg.name)
// expect-stderr: gscript: uncaught_runtime.gs:4: attempt to index a nil value (global 'cfg')
// expect-exit: 1
