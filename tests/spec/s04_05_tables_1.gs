t := {10, 20, x: "a", [0]: "z", y: "b"}
for k, v := range t {
    print(k, v)
}
// expect: 1\t10
// expect: 2\t20
// expect: x\ta
// expect: 0\tz
// expect: y\tb
u := {}
u[1.0] = "one"
u[2] = "two"
print(u[1], u[2.0], math.type(next(u)), #u)   // expect: one\ttwo\tinteger\t2
print(#{n: 3}, #"", #{})                      // expect: 0\t0\t0
