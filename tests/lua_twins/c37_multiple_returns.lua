-- multiple returns, adjustment, swap idioms
local function divmod(a, b) return a // b, a % b end
for a = -7, 7, 2 do print(a, divmod(a, 3)) end
local function minmax(...)
  local mn, mx = math.huge, -math.huge
  for _, v in ipairs({...}) do if v < mn then mn = v end if v > mx then mx = v end end
  return mn, mx
end
print(minmax(3, 1, 4, 1, 5, 9, 2, 6))
local a, b, c = minmax(7)
print(a, b, c)
local x, y = 1, 2
x, y = y, x
print(x, y)
local t = {minmax(5, -5)}
print(#t, t[1], t[2])
print((minmax(2, 8)))
local function none() end
local p, q = none()
print(p, q, select("#", none()))
