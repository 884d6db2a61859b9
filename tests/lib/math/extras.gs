// math extras (spec 12.4, GS) and integer/float subtype rules
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1 / 3) != math.pow(-8, 1 / 3))
print(math.trunc(3.7), math.trunc(-3.7), math.trunc(5), math.trunc(1e300), math.type(math.trunc(-0.5)))
print(math.round(2.5), math.round(-2.5), math.round(0.49999999999999994), math.round(7), math.round(1e300), math.round(3.14159, 2), math.round(1234.5, -2), math.round(-1.005, 2))
print(math.idiv(7, 2), math.idiv(-7, 2), math.idiv(7, -2), math.idiv(7.5, 2), math.idiv(-7, 2.0), math.idiv(math.mininteger, -1), math.idiv(1, 0.0))
print(pcall(math.idiv, 1, 0))
print(math.clamp(15, 0, 10), math.clamp(-5, 0, 10), math.clamp(5, 0, 10), math.clamp(2.5, 1, 2), math.clamp("3", 1, 5))
print(math.lerp(0, 10, 0.25), math.lerp(1, 2, 2), math.sign(-5), math.sign(0), math.sign(3.5), math.sign(-0.0), math.sign(0 / 0))
print(math.hypot(3, 4), math.hypot(1e300, 1e300), math.isnan(0 / 0), math.isnan(1), math.isinf(1 / 0), math.isinf(-1 / 0), math.isinf(1e308))
print(math.abs("-2"), math.floor("3.5"), math.ceil("3"), math.type(math.ceil("3")), math.fmod("7", "3"), math.max("10", "9"))
print(pcall(math.floor, "x"))
print(pcall(math.sqrt))
print(pcall(math.random, 1.5))
print(math.randomseed(5, 6))
a := math.random(100)
math.randomseed(5, 6)
print(a == math.random(100))
x, y := math.randomseed()
print(math.type(x), math.type(y))

// Expected output:
// expect: 1024.0\t1.4142135623731\ttrue
// expect: 3\t-3\t5\t1e+300\tinteger
// expect: 3\t-3\t0\t7\t1e+300\t3.14\t1200.0\t-1.0
// expect: 3\t-4\t-4\t3.0\t-4.0\t-9223372036854775808\tinf
// expect: false\tattempt to divide by zero
// expect: 10\t0\t5\t2\t3
// expect: 2.5\t3.0\t-1\t0\t1\t0\t0
// expect: 5.0\t1.4142135623731e+300\ttrue\tfalse\ttrue\ttrue\tfalse
// expect: 2.0\t3\t3\tinteger\t1.0\t9
// expect: false\tbad argument #1 to 'floor' (number expected, got string)
// expect: false\tbad argument #1 to 'sqrt' (number expected, got no value)
// expect: false\tbad argument #1 to 'random' (number has no integer representation)
// expect: 5\t6
// expect: true
// expect: integer\tinteger
