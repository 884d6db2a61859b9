// table.move and table.unpack
func show(t, n) { r := {}; for i := 1; i <= n; i++ { r[i] = tostring(t[i]) }; return table.concat(r, ",") }
a := {1, 2, 3, 4, 5}
print(show(table.move(a, 1, 3, 3), 7))
a = {1, 2, 3, 4, 5}
print(show(table.move(a, 2, 5, 1), 5))
a = {1, 2, 3}
b := table.move(a, 1, 3, 2, {"x"})
print(show(b, 4), show(a, 3))
print(show(table.move({1, 2}, 1, 0, 1, {7, 8}), 2))
u := {10, 20, 30, 40}
print(table.unpack(u))
print(table.unpack(u, 3))
print(table.unpack(u, -1, 1))
print(table.unpack(u, 2, 3))
print(select("#", table.unpack(u, 5, 4)), select("#", table.unpack(u, 1, 6)))
p := table.pack(table.unpack({1, nil, 3}, 1, 3))
print(p.n, p[1], p[2], p[3])
