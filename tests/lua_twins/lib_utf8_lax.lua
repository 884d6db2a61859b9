-- utf8 strict vs lax decoding
local function perr(f, ...) local r = table.pack(pcall(f, ...)); if not r[1] then r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) end; return table.unpack(r, 1, r.n) end
local big = utf8.char(0x10FFFF + 1)
local sur = "\xED\xA0\x80"
print(#big, utf8.len(big), utf8.len(big, 1, -1, true), utf8.len(sur), utf8.len(sur, 1, -1, true))
print(perr(utf8.codepoint, big))
print(utf8.codepoint(big, 1, 1, true), utf8.codepoint(sur, 1, 1, true))
for p, c in utf8.codes(big .. "a", true) do io.write(p, ":", c, " ") end
print()
for p, c in utf8.codes("\x80\x80a") do io.write(p, ":", c, " ") end
print()
print(utf8.len("\xC0\x80"), utf8.len("\xF4\x90\x80\x80"), utf8.len("\xF4\x90\x80\x80", 1, -1, true))
print(utf8.char(0, 127, 128, 2047, 2048, 65535, 65536):byte(1, -1))
