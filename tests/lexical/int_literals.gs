// Integer literal forms (2.8).
print(0, 7, 1234567890)                          // expect: 0\t7\t1234567890
print(0xFF, 0XfF, 0x_ff, 0xDEAD_BEEF)            // expect: 255\t255\t255\t3735928559
print(0b1010, 0B11, 0b_1, 0o17, 0O7, 0o_777)     // expect: 10\t3\t1\t15\t7\t511
print(1_000_000, 1_2_3)                          // expect: 1000000\t123
print(0xFFFFFFFFFFFFFFFF, 0x7FFFFFFFFFFFFFFF)    // expect: -1\t9223372036854775807
print(0x1FFFFFFFFFFFFFFFF)                       // expect: -1
print(0b1111111111111111111111111111111111111111111111111111111111111111)   // expect: -1
print(18446744073709551616, math.type(9223372036854775807), math.type(9223372036854775808))
// expect: 1.844674407371e+19\tinteger\tfloat
print(-0x8000000000000000 == math.mininteger)    // expect: true
print(math.type(0x10), math.type(0b1), math.type(0o1))   // expect: integer\tinteger\tinteger
