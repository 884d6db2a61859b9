// building strings: concatenation, table.concat, rep, format
s := ""
for i := 1; i <= 10; i++ { s = s .. i .. (i < 10 && "," || ""); print(#s, s) }
parts := {}
for i := 1; i <= 8; i++ { parts[#parts + 1] = string.rep("*", i) }
print(table.concat(parts, "|"))
lines := {}
for i := 1; i <= 5; i++ { lines[i] = string.format("%-6s|%5d|%8.3f", "row" .. i, i * 111, i / 7) }
for _, l := range ipairs(lines) { print(l) }
b := {}
for c := 65; c <= 90; c++ { b[#b + 1] = string.char(c) }
print(table.concat(b), table.concat(b, "", 5, 10), #table.concat(b, "--"))
