-- table.pack / select("#") with nils, unpack with explicit ranges
local function f(...) local p = table.pack(...) return p.n, select("#", ...), #{...} > -1 end
print(f())
print(f(nil))
print(f(1, nil))
print(f(nil, nil, 3))
local p = table.pack(nil, "b", nil)
for i = 1, p.n do print(i, p[i]) end
print(table.unpack(p, 1, p.n))
print(select("#", table.unpack(p, 1, p.n)), select("#", table.unpack({n = 5}, 1, 5)))
local q = table.pack()
print(q.n, next(q))
