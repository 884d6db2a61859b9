// Bitwise operators on 64-bit integers (6.3).
print(5 & 3, 5 | 3, 5 ^ 3, 5 &^ 3, ^0)                   // expect: 1\t7\t6\t4\t-1
print(1 << 62, 1 << 64, -1 >> 63, 8 >> -1, 3.0 | 0)      // expect: 4611686018427387904\t0\t1\t16\t3
print(-1 >> 1, -1 >> 60, -8 >> 1 == math.maxinteger - 3) // expect: 9223372036854775807\t15\ttrue
print(1 << -1, 16 << -2, 1 >> 64, 1 << 100, -1 << 63)    // expect: 0\t4\t0\t0\t-9223372036854775808
print(^5, ^-1, ^math.maxinteger)                          // expect: -6\t0\t-9223372036854775808
print(0xF0 &^ 0x30, 0xFF &^ 0xFF, 7 &^ 0)                 // expect: 192\t0\t7
print(2.0 & 3, 2 ^ 2.0, math.type(1.0 << 1))              // expect: 2\t0\tinteger
print(math.mininteger >> 63, math.mininteger & math.maxinteger)   // expect: 1\t0
print(0x5555 ^ 0xFFFF, 0xAAAA | 0x5555)                   // expect: 43690\t65535
print(pcall(func() { return 1.5 | 0 }))                   // expect: false\tbitwise.gs:11: number has no integer representation
print(pcall(func() { return "3" & 1 }))                   // expect: false\tbitwise.gs:12: attempt to perform bitwise operation on a string value (constant '3')
print(pcall(func() { return 1 << 2.5 }))                  // expect: false\tbitwise.gs:13: number has no integer representation
x := 0xFF
x &= 0x0F
x |= 0x100
x ^= 1
x <<= 2
x >>= 1
x &^= 2
print(x)                                                  // expect: 540
