// math.random with fixed seeds
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
print(math.randomseed(42))
print(math.random(1, 100), math.random(1, 100), math.random(1, 100), math.random(10), math.random(1000000))
print(math.random(), math.random())
print(math.random(0), math.random(-10, 10), math.random(math.mininteger, math.maxinteger))
math.randomseed(7, 3)
s := {}
for i := 1; i <= 10; i++ { s[i] = math.random(6) }
print(table.concat(s, " "))
math.randomseed(123)
print(math.random(3, 3), math.random(1, 1099511627776), math.random(5, 17))
print(perr(math.random, 2, 1))
print(perr(math.random, 1, 2, 3))
