// seeded shuffles and random floats
math.randomseed(2024)
t := {}
for i := 1; i <= 20; i++ { t[i] = i }
for i := #t; i >= 2; i-- { j := math.random(i); t[i], t[j] = t[j], t[i] }
print(table.concat(t, " "))
for i := 1; i <= 8; i++ { print(i, math.random(), math.random(1000000), math.random(-3, 3)) }
math.randomseed(2024)
u := {}
for i := 1; i <= 20; i++ { u[i] = i }
for i := #u; i >= 2; i-- { j := math.random(i); u[i], u[j] = u[j], u[i] }
print(table.concat(u, " ") == table.concat(t, " "))
