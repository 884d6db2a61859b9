-- math.random with fixed seeds (xoshiro256** as Lua 5.4)
for _, seed in ipairs({0, 1, 42, 12345, -7}) do
  math.randomseed(seed)
  local r = {}
  for i = 1, 6 do r[#r + 1] = math.random(1, 100) end
  print(seed, table.concat(r, " "), math.random(), math.random(10), math.random(0))
end
math.randomseed(7, 3)
print(math.random(1, 6), math.random(1, 6), math.random(-5, 5), math.random(math.mininteger, math.maxinteger))
math.randomseed(99)
local counts = {0, 0, 0, 0}
for i = 1, 1000 do local v = math.random(4) counts[v] = counts[v] + 1 end
print(table.concat(counts, " "))
print(math.randomseed(5))
