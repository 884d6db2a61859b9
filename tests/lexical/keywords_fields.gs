// Keywords may be field names after '.' (2.6); select( is the builtin (3.5 rule 12).
t := {}
t.go = 1
t.default = 2
t["for"] = 3
print(t.go, t.default, t.for, t["go"])           // expect: 1\t2\t3\t1
print(select("#", 1, 2, 3), select(2, "a", "b")) // expect: 3\tb
make := func(x) { return x * 2 }
print(make(21))                                  // expect: 42
