-- math.floor / ceil / abs / tointeger / type
local vals = {0, -0.0, 1, -1, 2.5, -2.5, 3.7, -3.7, 1e100, -1e100, 2^53 + 0.5, math.maxinteger, math.mininteger, 0.1, -0.9999}
for _, v in ipairs(vals) do
  local f, c = math.floor(v), math.ceil(v)
  print(v, f, math.type(f), c, math.type(c), math.abs(v), math.tointeger(v), math.type(v))
end
print(math.floor("3.5"), math.ceil("-3.5"), math.abs("-4"), math.tointeger("8"), math.tointeger("x"), math.tointeger(2^31))
