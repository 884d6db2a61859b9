x := nil
print(pcall(func() { return 1 % 0 }))      // expect: false\ts06_02_arithmetic_operators_2.gs:2: attempt to perform 'n%0'
print(pcall(func() { return "abc" + 1 }))  // expect: false\ts06_02_arithmetic_operators_2.gs:3: attempt to add a 'string' with a 'number'
print(pcall(func() { return {} * 2 }))     // expect: false\ts06_02_arithmetic_operators_2.gs:4: attempt to perform arithmetic on a table value
print(pcall(func() { return x + 1 }))      // expect: false\ts06_02_arithmetic_operators_2.gs:5: attempt to perform arithmetic on a nil value (global 'x')
