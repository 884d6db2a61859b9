// math.floor / math.ceil on the inline-integer fast path and beyond it (2^47 and
// larger floats, infinities, NaN, integers, numeric strings), checked against Lua 5.4.
xs := {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.0, -2.0, 1e15 + 0.5, -1e15 - 0.5, 140737488355327.5, -140737488355328.5, 140737488355328.0, -140737488355328.0, 9007199254740992.0, 1e300, -1e300, 1 / 0, -1 / 0, 3, -7, "2.5", "-2.5", math.maxinteger, math.mininteger, 0.1, -0.1}
for _, x := range xs {
    f, c := math.floor(x), math.ceil(x)
    io.write(tostring(f), " ", math.type(f), " ", tostring(c), " ", math.type(c), "\n")
}
// expect: 0 integer 0 integer
// expect: 0 integer 0 integer
// expect: 0 integer 1 integer
// expect: -1 integer 0 integer
// expect: 1 integer 2 integer
// expect: -2 integer -1 integer
// expect: 2 integer 2 integer
// expect: -2 integer -2 integer
// expect: 1000000000000000 integer 1000000000000001 integer
// expect: -1000000000000001 integer -1000000000000000 integer
// expect: 140737488355327 integer 140737488355328 integer
// expect: -140737488355329 integer -140737488355328 integer
// expect: 140737488355328 integer 140737488355328 integer
// expect: -140737488355328 integer -140737488355328 integer
// expect: 9007199254740992 integer 9007199254740992 integer
// expect: 1e+300 float 1e+300 float
// expect: -1e+300 float -1e+300 float
// expect: inf float inf float
// expect: -inf float -inf float
// expect: 3 integer 3 integer
// expect: -7 integer -7 integer
// expect: 2 integer 3 integer
// expect: -3 integer -2 integer
// expect: 9223372036854775807 integer 9223372036854775807 integer
// expect: -9223372036854775808 integer -9223372036854775808 integer
// expect: 0 integer 1 integer
// expect: -1 integer 0 integer
nan := 0 / 0
print(math.floor(nan) != math.floor(nan), math.ceil(-nan) != math.ceil(-nan))  // expect: true\ttrue
