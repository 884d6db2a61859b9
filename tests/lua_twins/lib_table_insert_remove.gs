// table.insert / table.remove positions
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
t := {}
table.insert(t, "a"); table.insert(t, "b"); table.insert(t, 1, "c"); table.insert(t, 2, "d"); table.insert(t, #t + 1, "e")
print(table.concat(t, ","), #t)
print(table.remove(t), table.remove(t, 1), table.concat(t, ","))
print(table.remove(t, #t + 1), table.remove({}), table.remove({}, 0), #t)
print(perr(table.insert, {1}, 3, "x"))
print(perr(table.insert, {1}, 0, "x"))
print(perr(table.insert, {1}, 1, 2, 3))
print(perr(table.insert, {}))
print(perr(table.remove, {1, 2}, 5))
u := {1, 2, 3}
print(table.remove(u, 2), u[1], u[2], u[3], #u)
