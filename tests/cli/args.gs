// The arg table and the main chunk's varargs (spec 13.2), run as `gscript args.gs one two`.
// test-args: one two
print(arg[0], #arg, arg[1], arg[2])   // expect: args.gs\t2\tone\ttwo
print(select("#", ...), ...)          // expect: 2\tone\ttwo
print(type(arg[-1]), arg[3])          // expect: string\tnil
a, b := ...
print(a .. "+" .. b)                  // expect: one+two
