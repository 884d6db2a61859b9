print(1 == 1.0, "1" == 1, 2.0 ** 53 == 9007199254740993, 0 / 0 == 0 / 0)   // expect: true\tfalse\tfalse\tfalse
print("a" < "b", "Z" < "a", "abc" < "abd", "" < "a", "ab" < "a")        // expect: true\ttrue\ttrue\ttrue\tfalse
print(pcall(func() { return 1 < "2" }))     // expect: false\ts06_05_comparison_operators_1.gs:3: attempt to compare number with string
print(pcall(func() { return 1 > "2" }))     // expect: false\ts06_05_comparison_operators_1.gs:4: attempt to compare string with number
print(pcall(func() { return {} < {} }))     // expect: false\ts06_05_comparison_operators_1.gs:5: attempt to compare two table values
