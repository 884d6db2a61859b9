-- __concat, __call, __len
local List = {}
List.__index = List
local function list(...) return setmetatable({items = {...}}, List) end
List.__len = function(l) return #l.items end
List.__concat = function(a, b)
  local r = list()
  local function add(x)
    if getmetatable(x) == List then for _, v in ipairs(x.items) do r.items[#r.items + 1] = v end
    else r.items[#r.items + 1] = x end
  end
  add(a); add(b)
  return r
end
List.__call = function(l, i) return l.items[i] end
List.__tostring = function(l) return "[" .. table.concat(l.items, " ") .. "]" end
local a = list(1, 2, 3)
local b = a .. 4
local c = 0 .. b
local d = a .. list(7, 8) .. "end"
print(#a, #b, #c, #d)
print(tostring(a), tostring(b), tostring(c), tostring(d))
for i = 1, #d do print(i, d(i)) end
local f = setmetatable({}, {__call = function(self, x, y) return x + y, x * y end})
print(f(3, 4))
print(pcall(f, 5, 6))
