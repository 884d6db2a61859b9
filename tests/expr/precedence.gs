// Operator precedence and associativity (3.4).
print(-2 ** 2, 2 ** -1, 2 ** 3 ** 2, 1 | 2 == 3, 1 << 2 + 1, "n" .. 1 + 2, !nil == true)
// expect: -4\t0.5\t512\ttrue\t5\tn3\ttrue
print(2 + 3 * 4, (2 + 3) * 4, 10 - 4 - 3, 64 / 4 / 2)   // expect: 14\t20\t3\t8.0
print(1 + 2 & 3, (1 + 2) & 3, 6 & 3 * 2)                 // expect: 3\t3\t4
print(1 | 2 ^ 3, 5 &^ 1 | 8, 1 << 3 >> 1)               // expect: 0\t12\t4
print("a" .. "b" == "ab", 1 + 1 .. "x")                  // expect: true\t2x
print(#"abc" + 1, #"ab" * 2, -#"abc")                    // expect: 4\t4\t-3
print(2 * -3, 2 - -3, - - 3, !!nil, ^^5)                 // expect: -6\t5\t3\tfalse\t5
print(1 < 2 == true, !true == false, 3 > 2 && 2 > 1)     // expect: true\ttrue\ttrue
print(false || true && false, true || false && nil)      // expect: false\ttrue
print(1 .. 2 .. 3, "a" .. ("b" .. "c"))                  // expect: 123\tabc
print(2 ** 2 ** 3, (2 ** 2) ** 3, -2 ** 2 ** 2)          // expect: 256\t64\t-16
print(7 % 4 * 2, 7 * 4 % 5, 1 + 7 % 4)                   // expect: 6\t3\t4
print(^1 + 1, ^(1 + 1))                                  // expect: -1\t-3
print(2 ** -2 ** 2)                                      // expect: 0.0625
