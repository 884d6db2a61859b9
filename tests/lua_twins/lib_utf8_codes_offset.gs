// utf8.codes and utf8.offset
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
for p, c := range utf8.codes("hé€😀!") { io.write(p, ":", c, " ") }
print()
print(utf8.offset("héllo", 1), utf8.offset("héllo", 3), utf8.offset("héllo", -1), utf8.offset("héllo", 0, 3), utf8.offset("héllo", 10))
print(utf8.offset("a€b", 2), utf8.offset("a€b", 3), utf8.offset("a€b", -2), utf8.offset("", 1), utf8.offset("abc", 0))
print(perr(utf8.offset, "a€b", 1, 3))
print(perr(utf8.offset, "abc", 1, 5))
