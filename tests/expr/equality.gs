// Equality (4.8, 6.5).
print(1 == 1.0, "1" == 1, 2.0 ** 53 == 9007199254740993, 0 / 0 == 0 / 0)   // expect: true\tfalse\tfalse\tfalse
print(-0.0 == 0.0, math.huge == math.huge, math.mininteger == -2.0 ** 63)   // expect: true\ttrue\ttrue
print("abc" == "abc", "abc" != "abd", "" == "")    // expect: true\ttrue\ttrue
t := {}
u := t
print(t == u, t == {}, {} != {})                   // expect: true\tfalse\ttrue
f := func() {}
g := func() {}
print(f == f, f == g, print == print)             // expect: true\tfalse\ttrue
print(nil == nil, nil == false, true == true)     // expect: true\tfalse\ttrue
print(math.maxinteger == 2.0 ** 63, math.maxinteger + 0.0 == 2.0 ** 63)   // expect: false\ttrue
nan := 0 / 0
print(nan != nan, nan == nan)                     // expect: true\tfalse
