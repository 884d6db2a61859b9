-- __unm, __tostring, __name-free printing through tostring and string.format
local Money = {}
Money.__index = Money
local function money(c) return setmetatable({cents = c}, Money) end
Money.__unm = function(m) return money(-m.cents) end
Money.__add = function(a, b) return money(a.cents + b.cents) end
Money.__tostring = function(m)
  local sign = m.cents < 0 and "-" or ""
  local c = math.abs(m.cents)
  return string.format("%s$%d.%02d", sign, c // 100, c % 100)
end
local vals = {0, 5, 99, 100, 12345, -250, 1000001}
for _, c in ipairs(vals) do
  local m = money(c)
  print(tostring(m), tostring(-m), tostring(m + money(1)), string.format("[%s]", m))
end
