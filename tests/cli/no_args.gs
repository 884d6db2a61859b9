// Without script arguments: arg has only [0] and [-1]; `...` is empty (spec 13.2).
print(arg[0], #arg, select("#", ...))   // expect: no_args.gs\t0\t0
