// table extras (spec 12.3, GS) and Lua functions with metamethods
t := {x: 1, y: 2}
k := table.keys(t)
table.sort(k)
v := table.values(t)
table.sort(v)
print(table.concat(k, ","), table.concat(v, ","), #table.toArray({5, 6}), table.count({1, 2, x: 3, [10]: 4}), table.count({}))
c := table.copy({1, 2, a: {3}})
print(c[1], c[2], c.a[1], getmetatable(table.copy(setmetatable({}, {}))))
d := {a: 1}
print(table.merge(d, {b: 2, a: 3}) == d, d.a, d.b)
m := table.fromArray({"apple", "bob"}, func(s) { return string.sub(s, 1, 1) })
print(m.a, m.b)
print(pcall(table.fromArray, {1}, func(v) { return nil }))
print(table.concat(table.flatten({1, {2, {3, {4}}}, 5}), ","), #table.flatten({1, {2, {3, {4}}}, 5}, 1), table.concat(table.flatten({{}, {1}, {{2}}}), ","))
self := {1}
self[2] = self
print(pcall(table.flatten, self))
print(#table.flatten({1, {2}}, 0), table.flatten({1, {2}}, 0)[2][1])
print(table.concat(table.slice({1, 2, 3, 4, 5}, 2, 4), ","), #table.slice({1, 2, 3}, 0, 1), table.slice({1, 2, 3}, 0, 1)[2], #table.slice({1, 2}, 1, 1000000000000))
print(table.concat(table.map({}, print), ","), table.reduce({1, 2, 3}, func(a, b) { return a * b }, 1), table.indexOf({}, nil))
print(table.contains({1, 2}, 2.0), table.indexOf({1, 2}, 2.0), table.concat(table.unique({0 / 0, 1, 1}), ",") != "")
print(pcall(table.map, {1}, 5))
print(pcall(table.filter, {1}))
// Lua functions go through metamethods
log := {}
proxy := setmetatable({}, {__index: func(_, i) { if i <= 3 { return i * 10 } }, __len: func() { return 3 }, __newindex: func(t, k, v) { log[#log + 1] = k; rawset(t, k, v) }})
print(table.concat(proxy, ","), table.unpack(proxy))
table.insert(proxy, 99)
print(rawget(proxy, 4), table.concat(log, ","))
words := {"b", "a", "c"}
table.sort(words, func(a, b) { return a > b })
print(table.concat(words))
print(pcall(table.sort, {3, 2, 1}, func(a, b) { error("cmp failed") }))
bad := {}
for i := 1; i <= 100; i++ { bad[i] = (i * 13) % 17 }
table.sort(bad, func(a, b) { return true })
sum := 0
for i := 1; i <= 100; i++ { sum = sum + bad[i] }
print(#bad, sum)
table.sort(bad, func(a, b) { return math.random() < 0.5 })
print(#bad)
print(pcall(table.insert, 5, 1))
print(pcall(table.concat, {}, {}))

// Expected output:
// expect: x,y\t1,2\t2\t4\t0
// expect: 1\t2\t3\tnil
// expect: true\t3\t2
// expect: apple\tbob
// expect: false\ttable index is nil
// expect: 1,2,3,4,5\t4\t1,2
// expect: false\tstack overflow
// expect: 2\t2
// expect: 2,3,4\t0\t1\t2
// expect: \t6\tnil
// expect: true\t2\ttrue
// expect: false\tbad argument #2 to 'map' (function expected, got number)
// expect: false\tbad argument #2 to 'filter' (function expected, got no value)
// expect: 10,20,30\t10\t20\t30
// expect: 99\t4
// expect: cba
// expect: false\textras.gs:34: cmp failed
// expect: 100\t812
// expect: 100
// expect: false\tbad argument #1 to 'insert' (table expected, got number)
// expect: false\tbad argument #2 to 'concat' (string expected, got table)
