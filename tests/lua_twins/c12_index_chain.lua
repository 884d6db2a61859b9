-- __index chains with functions and tables, defaults, counting lookups
local lookups = 0
local base = {a = 1}
local mid = setmetatable({b = 2}, {__index = base})
local top = setmetatable({c = 3}, {__index = function(t, k) lookups = lookups + 1; return mid[k] end})
for _, k in ipairs({"a", "b", "c", "d"}) do print(k, top[k], rawget(top, k), lookups) end
local defaults = setmetatable({}, {__index = function(t, k) return k * 2 end})
for i = 1, 5 do print(i, defaults[i]) end
local memo = setmetatable({}, {__index = function(t, k)
  local v = k == 0 and 1 or k * t[k - 1]
  rawset(t, k, v)
  return v
end})
for i = 0, 12, 3 do print("fact", i, memo[i]) end
local s = setmetatable({}, {__index = string})
print(s.upper("abc"), s.rep("-", 5))
