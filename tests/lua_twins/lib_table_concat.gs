// table.concat ranges and errors
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
t := {1, 2.5, "x", 3.0, -0.0}
print(table.concat(t), table.concat(t, ", "), table.concat(t, "-", 2, 4), table.concat(t, "-", 4, 2))
print(table.concat({}, "x"), table.concat({"a"}, "x"), table.concat({1, 2, 3}, "", 3), table.concat({1, 2, 3}, nil, 1, 2))
print(perr(table.concat, {1, {}, 3}))
print(perr(table.concat, {1, 2}, ",", 1, 3))
print(perr(table.concat, {true}))
print(math.huge, table.concat({1e15, 1e16, 9007199254740992.0, -1/0}, " "))
