// math.random with fixed seeds (xoshiro256** as Lua 5.4)
for _, seed := range ipairs({0, 1, 42, 12345, -7}) {
    math.randomseed(seed)
    r := {}
    for i := 1; i <= 6; i++ { r[#r + 1] = math.random(1, 100) }
    print(seed, table.concat(r, " "), math.random(), math.random(10), math.random(0))
}
math.randomseed(7, 3)
print(math.random(1, 6), math.random(1, 6), math.random(-5, 5), math.random(math.mininteger, math.maxinteger))
math.randomseed(99)
counts := {0, 0, 0, 0}
for i := 1; i <= 1000; i++ { v := math.random(4); counts[v] = counts[v] + 1 }
print(table.concat(counts, " "))
print(math.randomseed(5))
