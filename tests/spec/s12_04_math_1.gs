print(math.floor(3.7), math.ceil(-0.5), math.floor(-3.5), math.type(math.floor(3.0)))   // expect: 3\t0\t-4\tinteger
print(math.abs(-3), math.abs(-3.5), math.max(1, 3, 2), math.min(1.5, -2), math.max(2, 2.0))   // expect: 3\t3.5\t3\t-2\t2
print(math.fmod(-5, 3), math.fmod(5.5, 2), math.modf(3.7))             // expect: -2\t1.5\t3\t0.7
print(math.sqrt(16), math.pi, math.huge, -math.huge, math.log(8, 2))   // expect: 4.0\t3.1415926535898\tinf\t-inf\t3.0
print(math.tointeger(3.0), math.tointeger(3.5), math.ult(1, -1), math.maxinteger)   // expect: 3\tnil\ttrue\t9223372036854775807
math.randomseed(42)
print(math.random(1, 100), math.random(1, 100), math.random(), math.random(10))   // expect: 50\t76\t0.79358935263827\t6
print(math.idiv(7, 2), math.idiv(-7, 2), math.idiv(7.5, 2), math.round(2.5), math.round(-2.5), math.round(3.14159, 2))
// expect: 3\t-4\t3.0\t3\t-3\t3.14
print(math.trunc(-3.7), math.sign(-5), math.clamp(15, 0, 10), math.isnan(0 / 0), math.hypot(3, 4), math.pow(2, 10))
// expect: -3\t-1\t10\ttrue\t5.0\t1024.0
