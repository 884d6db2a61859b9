// Key normalisation and raw access (4.5).
u := {}
u[1.0] = "one"
u[2] = "two"
print(u[1], u[2.0], math.type(next(u)), #u)             // expect: one\ttwo\tinteger\t2
t := {}
t[2 ** 53] = "int"
print(t[2.0 ** 53])                                     // expect: int
t[0.5] = "half"
print(t[0.5], t[1 / 2])                                 // expect: half\thalf
t["1"] = "string one"
t[1] = "int one"
print(t["1"], t[1])                                     // expect: string one\tint one
t[true] = "bool"
t[print] = "func"
print(t[true], t[print])                                // expect: bool\tfunc
key := {}
t[key] = "table key"
print(t[key], t[{}])                                    // expect: table key\tnil
t.x = 1
t.x = nil
print(t.x, rawget(t, "x"))                              // expect: nil\tnil
print(rawget(t, 1.0), rawequal(t, t), rawequal(t, {}))  // expect: int one\ttrue\tfalse
print(rawset(t, "r", 5) == t, t.r)                      // expect: true\t5
neg := {}
neg[0] = "zero"
neg[-1] = "minus"
print(neg[0], neg[-1], #neg)                            // expect: zero\tminus\t0
print(("abc")[1], ("abc").len == string.len)            // expect: nil\ttrue
