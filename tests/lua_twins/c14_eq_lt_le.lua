-- __eq, __lt, __le on a version type
local V = {}
V.__index = V
local function ver(a, b, c) return setmetatable({a, b, c}, V) end
local function cmp(x, y)
  for i = 1, 3 do
    if x[i] ~= y[i] then return x[i] < y[i] and -1 or 1 end
  end
  return 0
end
V.__eq = function(x, y) return cmp(x, y) == 0 end
V.__lt = function(x, y) return cmp(x, y) < 0 end
V.__le = function(x, y) return cmp(x, y) <= 0 end
V.__tostring = function(v) return v[1] .. "." .. v[2] .. "." .. v[3] end
local vs = {ver(1, 0, 0), ver(1, 2, 0), ver(1, 2, 0), ver(0, 9, 9), ver(2, 0, 1)}
for i = 1, #vs do
  for j = 1, #vs do
    local x, y = vs[i], vs[j]
    print(tostring(x), tostring(y), x == y, x ~= y, x < y, x <= y, x > y, x >= y)
  end
end
