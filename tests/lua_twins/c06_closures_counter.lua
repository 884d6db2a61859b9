-- closures: counters and generators
local function counter(start, step)
  local n = start
  return function() n = n + step; return n end
end
local c1, c2 = counter(0, 1), counter(100, -10)
for i = 1, 6 do print(i, c1(), c2()) end
local fs = {}
for i = 1, 5 do fs[i] = function() return i * i end end
for i = 1, 5 do print("sq", fs[i]()) end
local function make()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local g, s = make()
s(42); print(g())
local g2, s2 = make()
s2(7); print(g(), g2())
