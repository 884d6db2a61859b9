print(1, 1.0, -0.0, 3 / 2, 6 / 2)        // expect: 1\t1.0\t-0.0\t1.5\t3.0
print(1e15, 1e14, 1e13)                  // expect: 1e+15\t1e+14\t10000000000000.0
print(0.1 + 0.2, 1 / 3, 100 * 1.1)       // expect: 0.3\t0.33333333333333\t110.0
print(2 ** 53, 2.0 ** 53)                // expect: 9007199254740992\t9.007199254741e+15
print(math.maxinteger + 1 == math.mininteger)   // expect: true
print(9223372036854775807, 9223372036854775808) // expect: 9223372036854775807\t9.2233720368548e+18
print(0xFF, 0b1010, 0o17, 1_000_000, 0xFFFFFFFFFFFFFFFF)  // expect: 255\t10\t15\t1000000\t-1
print(1 / 0, -1 / 0, 0 / 0, -(0 / 0))    // expect: inf\t-inf\t-nan\tnan
print("10" + 5, "3.0" + 1, " 0x10 " * 1) // expect: 15\t4.0\t16
print(2.5 .. "|" .. 2.0 .. "|" .. 7)     // expect: 2.5|2.0|7
io.write(2.0, " ", 2.5, "\n")            // expect: 2 2.5
print(math.type(1), math.type(1.0), math.type("1"))   // expect: integer\tfloat\tnil
