-- io.write number formatting (%.14g) vs print
local function perr(f, ...) local r = table.pack(pcall(f, ...)); if not r[1] then r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) end; return table.unpack(r, 1, r.n) end
io.write(1, " ", 1.0, " ", -0.0, " ", 1e15, " ", 1e16, " ", 0.1, " ", 1/3, " ", 100, " ", 9223372036854775808.0, " ", math.mininteger, "\n")
io.write(3.14159265358979, " ", 1e-5, " ", 123456789012345678, " ", 1/0, " ", -1/0, "\n")
print(1, 1.0, -0.0, 1e15, 1e16, 0.1, 1/3, 100, 9223372036854775808.0, math.mininteger)
io.write()
io.write("a", "b", "c", "\n")
print(io.write("x") == io.stdout)
print(perr(io.write, {}))
print(perr(io.write, "ok", nil))
