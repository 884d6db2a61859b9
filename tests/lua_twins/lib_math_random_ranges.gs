// math.random projection over many range sizes with a fixed seed
math.randomseed(99, 1)
out := {}
for k := 1; k <= 40; k++ { out[#out + 1] = math.random(k * k * k) }
print(table.concat(out, " "))
math.randomseed(-5)
print(math.random(-3, 3), math.random(0, 0), math.random(math.maxinteger - 1, math.maxinteger), math.random(math.mininteger, math.mininteger + 2))
print(math.random(1, 3), math.random(1, 4), math.random(1, 5), math.random(0, 7), math.random(1, 1000000007))
print(string.format("%.17g %.17g", math.random(), math.random()))
