// Mixed integer/float arithmetic and result subtypes (6.2).
print(1 + 2, 1 + 2.0, 1.5 + 1.5)           // expect: 3\t3.0\t3.0
print(10 - 4, 10 - 4.0, 2 * 3, 2 * 3.0)    // expect: 6\t6.0\t6\t6.0
print(7 / 2, 6 / 2, 1 / 3, -6 / 3)         // expect: 3.5\t3.0\t0.33333333333333\t-2.0
print(math.type(6 / 2), math.type(2 ** 3), math.type(2 ** -1))   // expect: float\tinteger\tfloat
print(2 ** 0.5, 2.0 ** 2, 4 ** 0.5, 10 ** -2)     // expect: 1.4142135623731\t4.0\t2.0\t0.01
print(-(3), -(3.0), -(0.0), - -2)                 // expect: -3\t-3.0\t-0.0\t2
print(1 / 0, -1 / 0, 1 / -0.0, 0.0 / -1)          // expect: inf\t-inf\t-inf\t-0.0
print(1e308 * 10, -1e308 * 10)                     // expect: inf\t-inf
print(9007199254740993 + 0.0 == 9007199254740992)  // expect: true
print(math.maxinteger + 0.0)                       // expect: 9.2233720368548e+18
print(3 * 1.1, 0.1 * 3)                            // expect: 3.3\t0.3
print(1e15 + 1, 2 ** 53 + 1)                       // expect: 1e+15\t9007199254740993
print(-2 ** 2, (-2) ** 2, -2 ** -2, 2 ** 3 ** 2)   // expect: -4\t4\t-0.25\t512
