-- byte-wise string comparison and sorting
local ws = {"b", "a", "B", "A", "ab", "aB", "Ab", "", " ", "a ", "~", "0", "9", "10", "\1", "z\0", "z"}
table.sort(ws)
local out = {}
for i, w in ipairs(ws) do out[i] = string.format("%q", w) end
print(table.concat(out, " "))
for i = 1, #ws - 1 do print(string.format("%q", ws[i]), string.format("%q", ws[i + 1]), ws[i] < ws[i + 1], ws[i] <= ws[i + 1], ws[i] > ws[i + 1]) end
