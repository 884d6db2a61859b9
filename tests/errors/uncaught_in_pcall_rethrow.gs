// A caught error re-raised with error(e, 0) keeps its original position.
ok, e := pcall(func() { error("first") })
print(ok)                  // expect: false
error(e, 0)
// expect-stderr: gscript: uncaught_in_pcall_rethrow.gs:2: first
// expect-exit: 1
