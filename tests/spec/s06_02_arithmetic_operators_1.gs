print(7 / 2, 6 / 2, 7 % 3, -7 % 3, 7 % -3, 7.5 % 2, -7.5 % 2)   // expect: 3.5\t3.0\t1\t2\t-2\t1.5\t0.5
print(2 ** 10, 2 ** -1, 2.0 ** 2, (-2) ** 3, 2 ** 64, 3 ** 0)   // expect: 1024\t0.5\t4.0\t-8\t0\t1
print(-2 ** 2, 2 ** 3 ** 2, -2 ** -2)                            // expect: -4\t512\t-0.25
print(math.maxinteger * 2, math.mininteger % -1, -math.mininteger)  // expect: -2\t0\t-9223372036854775808
print("10" * "2", "0x10" + 0, -"2", "1e1" + 0)                   // expect: 20\t16\t-2\t10.0
