// require: search path, caching, results, module arguments, globals (13.5).
mx, path := require("modules.mathx")
print(mx.square(7), mx.calls(), calls)               // expect: 49\t1\tnil
print(path)                                          // expect: modules/mathx.gs
print(mx.args[1], mx.args[2])                        // expect: modules.mathx\tmodules/mathx.gs
again := require("modules.mathx")
print(again == mx, loadCount, again.calls())         // expect: true\t1\t1
p := require("modules.pkg")
print(p.name, p.sub)                                 // expect: pkg\tsub module
print((require("modules.noreturn")), noreturnGlobal) // expect: true\tset by module
print((require("modules.noreturn")))                 // expect: true
