// math floor/ceil/abs/fmod/modf/min/max
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
print(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2), math.floor(5), math.ceil(-0.0))
print(math.floor(4611686018427387904.0), math.floor(1e100), math.ceil(-1e100), math.type(math.floor(-0.0)))
print(math.abs(-5), math.abs(5.5), math.abs(math.mininteger), math.abs(-0.0), math.abs("-3"))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(1, 0.0))
print(math.fmod(math.mininteger, -1), perr(math.fmod, 1, 0))
print(math.modf(3.7), math.modf(-3.7), math.modf(5), math.modf(1/0), math.modf(-1/0))
print(math.max(1, 5, 3), math.min(1, 5, 3), math.max(1.5, 2), math.min(-1, -1.5), math.max(3), math.max(1, 1.0), math.min(1.0, 1))
print(perr(math.max), perr(math.min))
