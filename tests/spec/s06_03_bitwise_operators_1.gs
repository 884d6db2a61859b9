print(5 & 3, 5 | 3, 5 ^ 3, 5 &^ 3, ^0)           // expect: 1\t7\t6\t4\t-1
print(1 << 62, 1 << 64, -1 >> 63, 8 >> -1, 3.0 | 0)   // expect: 4611686018427387904\t0\t1\t16\t3
print(pcall(func() { return 1.5 | 0 }))          // expect: false\ts06_03_bitwise_operators_1.gs:3: number has no integer representation
print(pcall(func() { return "3" & 1 }))          // expect: false\ts06_03_bitwise_operators_1.gs:4: attempt to perform bitwise operation on a string value (constant '3')
