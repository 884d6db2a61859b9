-- table.sort on strings, and comparators on records
local function perr(f, ...) local r = table.pack(pcall(f, ...)); if not r[1] then r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) end; return table.unpack(r, 1, r.n) end
local w = {"pear", "Apple", "fig", "banana", "apple", "cherry", "", "Zebra", "a", "b10", "b2"}
table.sort(w)
print(table.concat(w, ","))
table.sort(w, function(a, b) return  #a < #b or (#a == #b and a < b)  end)
print(table.concat(w, ","))
local recs = {{n = "x", v = 3}, {n = "y", v = 1}, {n = "z", v = 2}, {n = "w", v = 5}}
table.sort(recs, function(a, b) return  a.v < b.v  end)
for _, r in ipairs(recs) do io.write(r.n, r.v, " ") end
print()
print(perr(table.sort, {1, "a", 2}))
print(perr(table.sort, {1, 2}, 3))
