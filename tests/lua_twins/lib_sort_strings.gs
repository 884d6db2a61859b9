// table.sort on strings, and comparators on records
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
w := {"pear", "Apple", "fig", "banana", "apple", "cherry", "", "Zebra", "a", "b10", "b2"}
table.sort(w)
print(table.concat(w, ","))
table.sort(w, func(a, b) { return  #a < #b || (#a == #b && a < b)  })
print(table.concat(w, ","))
recs := {{n:  "x", v:  3}, {n:  "y", v:  1}, {n:  "z", v:  2}, {n:  "w", v:  5}}
table.sort(recs, func(a, b) { return  a.v < b.v  })
for _, r := range ipairs(recs) { io.write(r.n, r.v, " ") }
print()
print(perr(table.sort, {1, "a", 2}))
print(perr(table.sort, {1, 2}, 3))
