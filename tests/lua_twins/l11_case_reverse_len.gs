// string.upper/lower/reverse/len on ASCII and non-ASCII bytes
ss := {"Hello World", "ALL CAPS", "mixed123CASE", "", "é and ü", "tab\tand\nnewline", "a", "racecar", "12345"}
for _, s := range ipairs(ss) {
    print(#s, s:len(), s:upper(), s:lower(), s:reverse(), s:reverse() == s, string.len(s) == #s)
}
pal := {}
for _, w := range ipairs({"level", "lua", "noon", "gscript", "abba"}) { pal[#pal + 1] = w .. "=" .. tostring(w == w:reverse()) }
print(table.concat(pal, " "))
