// The arg table and the main chunk's varargs (13.2).
// test-args: one two
print(arg[0], #arg, select("#", ...))                // expect: arg_table.gs\t2\t2
print(arg[1], arg[2], ...)                           // expect: one\ttwo\tone\ttwo
print(type(arg[-1]))                                 // expect: string
print(_VERSION)                                      // expect: GScript 1.0
