-- string.upper/lower/reverse with non-ASCII bytes
local function perr(f, ...) local r = table.pack(pcall(f, ...)); if not r[1] then r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) end; return table.unpack(r, 1, r.n) end
print(("Hello World 123"):upper(), ("Hello World 123"):lower(), ("abc"):reverse(), (""):reverse())
print(("\xe9t\xe9"):upper() == "\xe9T\xe9", ("MiXeD_CaSe"):lower(), ("ab\000cd"):reverse() == "dc\000ba")
print(string.upper(12), string.lower(1.5), string.reverse(123))
print(perr(string.upper), perr(string.lower, {}))
