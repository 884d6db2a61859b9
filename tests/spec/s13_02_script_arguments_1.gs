print(arg[0], #arg, select("#", ...))    // expect: s13_02_script_arguments_1.gs\t0\t0
