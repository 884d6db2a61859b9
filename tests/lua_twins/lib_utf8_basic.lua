-- utf8.char, len, codepoint, charpattern
local function perr(f, ...) local r = table.pack(pcall(f, ...)); if not r[1] then r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) end; return table.unpack(r, 1, r.n) end
print(utf8.char(72, 233, 8364, 128512), utf8.char(), utf8.char(0x7FFFFFFF):len())
print(utf8.len("héllo"), utf8.len(""), utf8.len("héllo", 3), utf8.len("héllo", 2, 2), utf8.len("\xff"), utf8.len("ab\xffcd"))
print(utf8.len("héllo", -1), utf8.len("€", 2), perr(utf8.len, "abc", 5))
print(utf8.codepoint("héllo", 1, -1))
print(utf8.codepoint("€"), utf8.codepoint("abc", 2), perr(utf8.codepoint, "abc", 4), perr(utf8.codepoint, "abc", 0))
print(perr(utf8.codepoint, "\xff"), perr(utf8.char, -1))
print(utf8.charpattern == "[\000-\x7F\xC2-\xFD][\x80-\xBF]*")
for c in ("aé€😀"):gmatch(utf8.charpattern) do io.write(#c, " ") end
print()
