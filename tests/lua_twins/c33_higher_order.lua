-- higher-order functions written by hand: map, filter, reduce, compose
local function map(t, f) local r = {} for i, v in ipairs(t) do r[i] = f(v, i) end return r end
local function filter(t, p) local r = {} for _, v in ipairs(t) do if p(v) then r[#r + 1] = v end end return r end
local function reduce(t, f, acc) for _, v in ipairs(t) do acc = f(acc, v) end return acc end
local function compose(...)
  local fs = {...}
  return function(x) for i = #fs, 1, -1 do x = fs[i](x) end return x end
end
local nums = {}
for i = 1, 15 do nums[i] = i end
local sq = map(nums, function(v) return v * v end)
print(table.concat(sq, " "))
print(table.concat(filter(sq, function(v) return v % 2 == 1 end), " "))
print(reduce(nums, function(a, b) return a + b end, 0), reduce(nums, math.max, -1), reduce({}, math.max, "empty"))
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
local f = compose(inc, dbl, inc)
for i = 1, 5 do print(i, f(i), compose(dbl, dbl)(i), compose()(i)) end
print(table.concat(map({"a", "b", "c"}, function(v, i) return v:rep(i) end), ","))
