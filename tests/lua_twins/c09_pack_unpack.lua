-- table.pack / table.unpack / multiple results
local p = table.pack(1, nil, "x", nil)
print(p.n, p[1], p[2], p[3], p[4])
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 5))
print(table.unpack({1, 2, 3}, 3, 1))
print(select("#", table.unpack({}, 1, 3)))
local function mr(n) local t = {} for i = 1, n do t[i] = i end return table.unpack(t) end
for n = 0, 5 do print(n, select("#", mr(n)), mr(n)) end
local t = {mr(3), mr(3)}
print(#t, table.concat(t, ","))
local a, b, c, d = mr(2)
print(a, b, c, d)
print(mr(3), "tail")
print("head", mr(3))
local q = table.pack(mr(4))
print(q.n, table.unpack(q, 1, q.n))
