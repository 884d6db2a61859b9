// Floored modulo for integers and floats, division, math.idiv (6.2, 12.4).
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)           // expect: 1\t2\t-2\t-1
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)   // expect: 1.5\t0.5\t-0.5\t-1.5
print(6 % 3, -6 % 3, 0 % 5, 5 % 1.0)            // expect: 0\t0\t0\t0.0
print(5.25 % 1, -0.5 % 1)                       // expect: 0.25\t0.5
print(-5 % math.huge, 5 % math.huge, 5 % -math.huge)   // expect: inf\t5.0\t-inf
print(math.idiv(7, 2), math.idiv(-7, 2), math.idiv(7, -2), math.idiv(-7, -2))   // expect: 3\t-4\t-4\t3
print(math.idiv(7.0, 2), math.idiv(-7.5, 2), math.idiv(1, 0.0))   // expect: 3.0\t-4.0\tinf
print(pcall(math.idiv, 1, 0))                   // expect: false\tattempt to divide by zero
print(pcall(func() { return 5 % 0 }))           // expect: false\tdivision_modulo.gs:10: attempt to perform 'n%0'
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7.5, 2))   // expect: 1\t-1\t1\t-1.5
print(math.type(math.fmod(7, 3)), math.type(math.fmod(7.0, 3)))   // expect: integer\tfloat
print(pcall(math.fmod, 1, 0))                   // expect: false\tbad argument #2 to 'fmod' (zero)
print(3 % -2, -3 % 2, 3.0 % -2)                 // expect: -1\t1\t-1.0
print(math.mininteger % -1, math.maxinteger % 2, math.mininteger % 3)   // expect: 0\t1\t1
