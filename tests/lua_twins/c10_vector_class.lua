-- metatable-based vector class with arithmetic metamethods
local Vec = {}
Vec.__index = Vec
local function new(x, y) return setmetatable({x = x, y = y}, Vec) end
Vec.__add = function(a, b) return new(a.x + b.x, a.y + b.y) end
Vec.__sub = function(a, b) return new(a.x - b.x, a.y - b.y) end
Vec.__mul = function(a, b)
  if type(a) == "number" then return new(a * b.x, a * b.y) end
  if type(b) == "number" then return new(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
Vec.__div = function(a, s) return new(a.x / s, a.y / s) end
Vec.__unm = function(a) return new(-a.x, -a.y) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vec.__tostring = function(v) return "(" .. v.x .. ", " .. v.y .. ")" end
Vec.__len = function(v) return math.sqrt(v.x * v.x + v.y * v.y) end
function Vec.norm(v) local l = #v return new(v.x / l, v.y / l) end
local a, b = new(3, 4), new(1, -2)
print(tostring(a + b), tostring(a - b), a * b, tostring(a * 2), tostring(3 * b))
print(tostring(a / 2), tostring(-a), #a, tostring(a:norm()))
print(a == new(3, 4), a ~= b, a == b)
local acc = new(0, 0)
for i = 1, 10 do acc = acc + new(i, i * i) print(i, tostring(acc)) end
