print(1 .. 2, "x" .. 1.5, "n=" .. -0.0, "v" .. 1e100)   // expect: 12\tx1.5\tn=-0.0\tv1e+100
b := true
print(pcall(func() { return "a" .. b }))                 // expect: false\ts06_04_concatenation_1.gs:3: attempt to concatenate a boolean value (global 'b')
