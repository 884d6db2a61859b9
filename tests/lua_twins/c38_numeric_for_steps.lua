-- numeric loops with float steps, negative steps, accumulation
for x = 0, 1, 0.25 do print("f", x) end
for i = 10, 1, -3 do print("down", i) end
local acc = 0
for i = 1, 10 do acc = acc + 0.1 end
print(acc, acc == 1.0, math.abs(acc - 1.0) < 1e-9)
local h = 0
for i = 1, 20 do h = h + 1 / i if i % 5 == 0 then print("harmonic", i, h) end end
for e = 0, 10, 2 do print("pow", e, 2.0 ^ e, 10.0 ^ -e, 1.5 ^ e) end
