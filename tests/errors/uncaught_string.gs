// An uncaught error in the main chunk: message on stderr, stdout flushed, status 1 (9.8).
print("before")            // expect: before
io.write("partial ")       // expect: partial after defer
defer print("after defer")
func inner() { error("boom") }
inner()
print("not reached")
// expect-stderr: gscript: uncaught_string.gs:5: boom
// expect-exit: 1
