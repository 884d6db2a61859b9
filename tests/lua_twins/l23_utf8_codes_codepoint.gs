// utf8.codes and utf8.codepoint
for p, c := range utf8.codes("hé€😀!") { print(p, c, utf8.char(c)) }
s := "añb€c"
print(utf8.codepoint(s))
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 2), utf8.codepoint(s, 4), utf8.codepoint(s, 5, 8))
print(pcall(utf8.codepoint, s, 3))
ok, err := pcall(func() { for p, c := range utf8.codes("ab\xffc") {} })
print(ok, (err:gsub("^[^:]*:%d+: ", "")))
total := 0
for _, c := range utf8.codes("Grüße, 世界") { total = total + c }
print(total)
