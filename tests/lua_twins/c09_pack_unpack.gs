// table.pack / table.unpack / multiple results
p := table.pack(1, nil, "x", nil)
print(p.n, p[1], p[2], p[3], p[4])
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 5))
print(table.unpack({1, 2, 3}, 3, 1))
print(select("#", table.unpack({}, 1, 3)))
func mr(n) { t := {}; for i := 1; i <= n; i++ { t[i] = i }; return table.unpack(t) }
for n := 0; n <= 5; n++ { print(n, select("#", mr(n)), mr(n)) }
t := {mr(3), mr(3)}
print(#t, table.concat(t, ","))
a, b, c, d := mr(2)
print(a, b, c, d)
print(mr(3), "tail")
print("head", mr(3))
q := table.pack(mr(4))
print(q.n, table.unpack(q, 1, q.n))
