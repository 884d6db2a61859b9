// numeric loops with float steps, negative steps, accumulation
for x := 0.0; x <= 1; x += 0.25 { print("f", x) }
for i := 10; i >= 1; i -= 3 { print("down", i) }
acc := 0
for i := 1; i <= 10; i++ { acc = acc + 0.1 }
print(acc, acc == 1.0, math.abs(acc - 1.0) < 1e-9)
h := 0
for i := 1; i <= 20; i++ { h = h + 1 / i; if i % 5 == 0 { print("harmonic", i, h) } }
for e := 0; e <= 10; e += 2 { print("pow", e, 2.0 ** e, 10.0 ** -e, 1.5 ** e) }
