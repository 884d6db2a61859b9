// utf8 strict vs lax decoding
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
big := utf8.char(0x10FFFF + 1)
sur := "\xED\xA0\x80"
print(#big, utf8.len(big), utf8.len(big, 1, -1, true), utf8.len(sur), utf8.len(sur, 1, -1, true))
print(perr(utf8.codepoint, big))
print(utf8.codepoint(big, 1, 1, true), utf8.codepoint(sur, 1, 1, true))
for p, c := range utf8.codes(big .. "a", true) { io.write(p, ":", c, " ") }
print()
for p, c := range utf8.codes("\x80\x80a") { io.write(p, ":", c, " ") }
print()
print(utf8.len("\xC0\x80"), utf8.len("\xF4\x90\x80\x80"), utf8.len("\xF4\x90\x80\x80", 1, -1, true))
print(utf8.char(0, 127, 128, 2047, 2048, 65535, 65536):byte(1, -1))
