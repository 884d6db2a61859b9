// Without script arguments arg has only [0] and [-1] (13.2).
print(arg[0], #arg, select("#", ...), arg[1])        // expect: arg_none.gs\t0\t0\tnil
