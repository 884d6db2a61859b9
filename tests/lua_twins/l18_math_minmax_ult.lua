-- math.max / min / ult / maxinteger / mininteger / huge / pi
print(math.max(1, 2, 3), math.min(1, 2, 3), math.max(-1.5, -2), math.min(2, 2.0), math.max(2.0, 2))
print(math.max(5), math.min(-0.0, 0.0), math.max(math.mininteger, -math.huge), math.min(1, math.huge))
print(math.maxinteger, math.mininteger, math.huge, -math.huge, math.pi)
local us = {0, 1, -1, 2, math.maxinteger, math.mininteger}
for _, a in ipairs(us) do
  local r = {}
  for _, b in ipairs(us) do r[#r + 1] = math.ult(a, b) and "T" or "f" end
  print(a, table.concat(r))
end
print(math.type(math.max(1, 2.5)), math.type(math.min(1, 2.5)))
