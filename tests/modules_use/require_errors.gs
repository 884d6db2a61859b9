// require errors: not found, compile error, runtime error (not cached), loops (13.5).
print(pcall(require, "nosuch"))
// expect: false\tmodule 'nosuch' not found:
// expect: \tno file 'nosuch.gs'
// expect: \tno file 'nosuch/init.gs'
print(pcall(require, "a.b"))
// expect: false\tmodule 'a.b' not found:
// expect: \tno file 'a/b.gs'
// expect: \tno file 'a/b/init.gs'
ok, msg := pcall(require, "modules.bad_syntax")
print(ok, string.match(msg, "^[^\n]*"))
// expect: false\terror loading module 'modules.bad_syntax' from file 'modules/bad_syntax.gs':
print(string.sub(msg, string.find(msg, "\n", 1, true) + 1, string.find(msg, "\n", 1, true) + 25))
// expect: \tmodules/bad_syntax.gs:2:
print(pcall(require, "modules.fails"))               // expect: false\tmodules/fails.gs:3: module failed
print(pcall(require, "modules.fails"))               // expect: false\tmodules/fails.gs:3: module failed
print(failCount)                                     // expect: 2
ok2, msg2 := pcall(require, "modules.loop_a")
print(ok2, string.find(msg2, "loop or previous error loading module 'modules.loop_a'", 1, true) != nil)   // expect: false\ttrue
