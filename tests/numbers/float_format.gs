// Number -> string conversion (4.3.4): %.14g plus ".0" for integral-looking floats.
print(1e15, 1e14, 1e13)                      // expect: 1e+15\t1e+14\t10000000000000.0
print(2.0 ** 53, 0.1 + 0.2, 1 / 3)           // expect: 9.007199254741e+15\t0.3\t0.33333333333333
print(100 * 1.1, -0.0, 0.0)                  // expect: 110.0\t-0.0\t0.0
print(1e-4, 1e-5, 123456789012345.0)         // expect: 0.0001\t1e-05\t1.2345678901234e+14
print(5e-324, math.pi, 2.0 ** 63)            // expect: 4.9406564584125e-324\t3.1415926535898\t9.2233720368548e+18
print(1e100, -1e100, 1.5e300)                // expect: 1e+100\t-1e+100\t1.5e+300
print(123.456, -0.5, 1e-310)                 // expect: 123.456\t-0.5\t1e-310
print(99999999999999.0, 999999999999999.0)   // expect: 99999999999999.0\t1e+15
print(12345678901234.5, 0.1, 1 / 7)          // expect: 12345678901234.0\t0.1\t0.14285714285714
print(tostring(3.0), tostring(-3.0), tostring(3))   // expect: 3.0\t-3.0\t3
print(2.5 .. "", 2.0 .. "", 7 .. "", -0.0 .. "")    // expect: 2.5\t2.0\t7\t-0.0
print(string.format("%s|%s", 1.0, 10))       // expect: 1.0|10
print(table.concat({1.0, 2, 0.5}, ","))      // expect: 1.0,2,0.5
io.write(2.0, " ", -0.0, " ", 1e15, " ", 2.5, " ", 3, "\n")   // expect: 2 -0 1e+15 2.5 3
print(math.huge, -math.huge, math.mininteger)   // expect: inf\t-inf\t-9223372036854775808
print(1e300 * 1e10 - 1e300 * 1e10)            // expect: -nan
print(0.1 + 0.7, 4.35 * 100)                  // expect: 0.8\t435.0
print(3.14159265358979, 2 ** 0.5 * 2 ** 0.5)  // expect: 3.1415926535898\t2.0
print(1e14 + 0.5, 1e-3, 0.000123)             // expect: 1e+14\t0.001\t0.000123
