-- varargs and select
local function info(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do parts[#parts + 1] = tostring((select(i, ...))) end
  return n, table.concat(parts, ",")
end
print(info())
print(info(nil))
print(info(1, nil, 3))
print(info(nil, nil, nil, 4))
print(select(2, "a", "b", "c"))
print(select(-1, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
local function pass(...) return ... end
print(pass(1, 2, 3), pass(4, 5))
print((pass(1, 2, 3)))
local function sum(...)
  local s = 0
  for _, v in ipairs({...}) do s = s + v end
  return s
end
for n = 0, 6 do
  local t = {}
  for i = 1, n do t[i] = i * 10 end
  print(n, sum(table.unpack(t)))
end
