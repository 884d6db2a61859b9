// dofile runs the file every time and returns all its results (12.1).
print(dofile("modules/data.gs"))                     // expect: 1\t2\t3
print(dofile("modules/data.gs"))                     // expect: 1\t2\t3
print(dofileRuns)                                    // expect: 2
print(pcall(dofile, "modules/fails.gs"))             // expect: false\tmodules/fails.gs:3: module failed
print((pcall(dofile, "modules/does_not_exist.gs")))  // expect: false
ok, msg := pcall(dofile, "modules/bad_syntax.gs")
print(ok, string.sub(msg, 1, 24))                    // expect: false\tmodules/bad_syntax.gs:2:
