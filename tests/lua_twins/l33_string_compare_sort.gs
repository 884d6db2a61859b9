// byte-wise string comparison and sorting
ws := {"b", "a", "B", "A", "ab", "aB", "Ab", "", " ", "a ", "~", "0", "9", "10", "\x01", "z\x00", "z"}
table.sort(ws)
out := {}
for i, w := range ipairs(ws) { out[i] = string.format("%q", w) }
print(table.concat(out, " "))
for i := 1; i <= #ws - 1; i++ { print(string.format("%q", ws[i]), string.format("%q", ws[i + 1]), ws[i] < ws[i + 1], ws[i] <= ws[i + 1], ws[i] > ws[i + 1]) }
