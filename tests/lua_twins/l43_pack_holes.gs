// table.pack / select("#") with nils, unpack with explicit ranges
func f(...) { p := table.pack(...); return p.n, select("#", ...), #{...} > -1 }
print(f())
print(f(nil))
print(f(1, nil))
print(f(nil, nil, 3))
p := table.pack(nil, "b", nil)
for i := 1; i <= p.n; i++ { print(i, p[i]) }
print(table.unpack(p, 1, p.n))
print(select("#", table.unpack(p, 1, p.n)), select("#", table.unpack({n: 5}, 1, 5)))
q := table.pack()
print(q.n, next(q))
