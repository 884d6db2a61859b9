// Order comparisons (6.5): exact int/float comparison, byte-wise strings.
print(1 < 2, 2 <= 2, 3 > 2.5, 2.5 >= 3)                     // expect: true\ttrue\ttrue\tfalse
print(math.maxinteger < 2.0 ** 63, math.maxinteger <= 2.0 ** 63)   // expect: true\ttrue
print(math.mininteger <= -2.0 ** 63, math.mininteger < -2.0 ** 63)  // expect: true\tfalse
print(9007199254740993 > 2.0 ** 53, 9007199254740992 == 2.0 ** 53)  // expect: true\ttrue
print(1 < math.huge, math.mininteger > -math.huge, 1 < 0 / 0, 1 > 0 / 0)   // expect: true\ttrue\tfalse\tfalse
nan := 0 / 0
print(nan < nan, nan <= nan, nan > 1, nan >= 1)             // expect: false\tfalse\tfalse\tfalse
print("a" < "b", "Z" < "a", "abc" < "abd", "" < "a", "ab" < "a")   // expect: true\ttrue\ttrue\ttrue\tfalse
print("a\x00b" < "a\x00c", "a" < "a\x00", "\xff" > "a")     // expect: true\ttrue\ttrue
print("10" < "9", 10 < 9, "abc" <= "abc", "b" >= "abc")     // expect: true\tfalse\ttrue\ttrue
print(-0.0 < 0.0, -1 < -0.5, 0.5 > 0)                       // expect: false\ttrue\ttrue
