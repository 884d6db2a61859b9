// math.floor / math.ceil of floats: integer results (inline-range fast path and beyond),
// float results when out of the integer range, as Lua 5.4.
xs := {1.5, -1.5, -0.0, 0.5, -0.5, 2.0**46 + 0.5, -(2.0**46) - 0.5, 2.0**47, -(2.0**47), 2.0**53, 1e300, 7 / 2}
for _, x := range xs {
    print(math.floor(x), math.ceil(x), math.type(math.floor(x)), math.type(math.ceil(x)))
}
// expect: 1\t2\tinteger\tinteger
// expect: -2\t-1\tinteger\tinteger
// expect: 0\t0\tinteger\tinteger
// expect: 0\t1\tinteger\tinteger
// expect: -1\t0\tinteger\tinteger
// expect: 70368744177664\t70368744177665\tinteger\tinteger
// expect: -70368744177665\t-70368744177664\tinteger\tinteger
// expect: 140737488355328\t140737488355328\tinteger\tinteger
// expect: -140737488355328\t-140737488355328\tinteger\tinteger
// expect: 9007199254740992\t9007199254740992\tinteger\tinteger
// expect: 1e+300\t1e+300\tfloat\tfloat
// expect: 3\t4\tinteger\tinteger
print(math.floor(1 / 0), math.ceil(-1 / 0), math.type(math.floor(0 / 0)))  // expect: inf\t-inf\tfloat
print(math.floor(7), math.ceil(-7), math.floor("2.5"))    // expect: 7\t-7\t2
