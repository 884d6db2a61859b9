-- string functions with number arguments and method calls on numbers' strings
local function perr(f, ...) local r = table.pack(pcall(f, ...)); if not r[1] then r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) end; return table.unpack(r, 1, r.n) end
print(string.len(12345), string.rep(7, 3), string.sub(3.5, 2), string.upper(1e100), string.byte(9, 1))
print(string.format("%s|%d|%5.2f", 12, "42", "3.14159"), string.find(12345, 34), string.gsub(1000, 0, 1))
print(("x"):rep("3"), ("abcdef"):sub("2", "4"), string.char("65", 66.0))
print(perr(string.rep, "x", 1.5))
print(perr(string.sub, "x", {}))
print(perr(string.char, 65.5))
print(#string.format("%099d", 7), #string.format("%-99s|", "x"))
