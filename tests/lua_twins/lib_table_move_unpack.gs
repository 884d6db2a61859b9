// table.move, table.unpack, table.pack
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
print(table.concat(table.move({1, 2, 3}, 1, 3, 2), ","))
print(table.concat(table.move({1, 2, 3, 4, 5}, 2, 5, 1), ","))
print(table.concat(table.move({1, 2, 3}, 1, 3, 1, {9, 9, 9, 9}), ","))
print(table.concat(table.move({1, 2, 3}, 1, 0, 1, {7}), ","))
print(table.unpack({1, 2, 3}), table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 3), table.unpack({1, 2}, 3))
print(table.unpack({1, 2, 3}, -1, 1))
p := table.pack()
print(p.n, #p)
q := table.pack(nil, 2, nil)
print(q.n, q[1], q[2], q[3])
print(select("#", table.unpack({}, 1, 3)))
print(perr(table.move, {}, 1, math.maxinteger, 2))
