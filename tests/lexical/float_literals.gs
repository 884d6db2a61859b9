// Floating-point literal forms (2.9) and the number boundary rule.
print(1.5, 1., .5, 007.5, 1e2, 1E-2, 2.5e+3)     // expect: 1.5\t1.0\t0.5\t7.5\t100.0\t0.01\t2500.0
print(1_0.2_5, 1_0e1_0)                          // expect: 10.25\t100000000000.0
print(0x1p4, 0x1.8p1, 0X.8P1, 0x1P-2, 0xA.8p0)   // expect: 16.0\t3.0\t1.0\t0.25\t10.5
print(1e400, -1e400, 1e-400)                     // expect: inf\t-inf\t0.0
print(1..2, 1 .. 2)                              // expect: 12\t12
print(math.type(1e2), math.type(1.0), math.type(0x1p0))   // expect: float\tfloat\tfloat
print(0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)     // expect: false\ttrue
x := 3
print(x..5, 2..x)                                 // expect: 35\t23
