// math tointeger/type/ult/sqrt/log/exp/trig
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger({}), math.tointeger(9223372036854775808.0))
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil), perr(math.type))
print(math.ult(1, 2), math.ult(-1, 2), math.ult(2, -1), math.ult(math.maxinteger, math.mininteger))
print(math.sqrt(16), math.sqrt(2), math.exp(0), math.exp(1), math.log(1), math.log(8, 2), math.log(100, 10), math.log(27, 3))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan(1, -1), math.atan(0, -1))
print(math.deg(math.pi), math.rad(180), math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger)
print(math.sqrt(-1) != math.sqrt(-1), math.log(0), math.log(-1) != math.log(-1))
