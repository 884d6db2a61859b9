-- integer wraparound
local M, m = math.maxinteger, math.mininteger
print(M, m, M + 1, m - 1, M * 2, m * 2, -m, m // -1, m % -1)
local x = 1
for i = 1, 70 do
  x = x * 2
  if i % 5 == 0 or i > 60 then print(i, x) end
end
local f = 1
for i = 1, 25 do
  f = f * i
  print("fact", i, f)
end
print(0xFFFFFFFFFFFFFFFF, 0x7FFFFFFFFFFFFFFF + 1, M + 0.0, m + 0.0)
