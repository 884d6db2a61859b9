// count bytes 0..255 matched by each class and its complement
all := {}
for b := 0; b <= 255; b++ { all[#all + 1] = string.char(b) }
s := table.concat(all)
for _, c := range ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"}) {
    _, n := s:gsub("%" .. c, "")
    _, m := s:gsub("%" .. c:upper(), "")
    first := s:match("%" .. c)
    print(c, n, m, n + m, first && first:byte() || "-")
}
_, n1 := s:gsub("[a-f0-3]", "")
_, n2 := s:gsub("[^%w%s]", "")
_, n3 := s:gsub("[]]", "")
_, n4 := s:gsub("[%]%-]", "")
_, n5 := s:gsub(".", "")
print(n1, n2, n3, n4, n5)
