// Integer arithmetic wraps around modulo 2^64 (4.3.1, 6.2); never overflows to float.
print(math.maxinteger + 1 == math.mininteger)     // expect: true
print(math.maxinteger + 1)                         // expect: -9223372036854775808
print(math.mininteger - 1)                         // expect: 9223372036854775807
print(math.maxinteger * 2)                         // expect: -2
print(math.mininteger * -1)                        // expect: -9223372036854775808
print(-math.mininteger == math.mininteger)         // expect: true
print(math.mininteger % -1, math.mininteger % 1)   // expect: 0\t0
print(math.idiv(math.mininteger, -1))              // expect: -9223372036854775808
print(2 ** 63, 2 ** 64, 2 ** 62)                   // expect: -9223372036854775808\t0\t4611686018427387904
print(3 ** 40)                                     // expect: -6289078614652622815
print(0 ** 0, 1 ** 100, (-1) ** 101, (-2) ** 3)    // expect: 1\t1\t-1\t-8
print(1 << 63, (1 << 63) == math.mininteger)       // expect: -9223372036854775808\ttrue
print(math.type(math.maxinteger + 1))              // expect: integer
x := math.maxinteger
x++
print(x)                                           // expect: -9223372036854775808
x--
print(x)                                           // expect: 9223372036854775807
print(0xFFFFFFFFFFFFFFFF, 0x8000000000000000 == math.mininteger)   // expect: -1\ttrue
print(0x10000000000000000)                         // expect: 0
print(9223372036854775807, 9223372036854775808)    // expect: 9223372036854775807\t9.2233720368548e+18
print(-9223372036854775808, math.type(-9223372036854775808))   // expect: -9.2233720368548e+18\tfloat
