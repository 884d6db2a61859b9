// hash-part reads and writes through the out-of-line table paths: string keys (short,
// interned, and long ones built at run time that must match by content), integer keys
// outside the array part (inline and boxed), float keys normalised to integers, removal
// and re-insertion, and tables with __index/__newindex (only absent keys reach them)
t := {}
for i := 1; i <= 300; i++ {
    t["k" .. i] = i
    t[i * 1000] = -i
}
sum := 0
for i := 1; i <= 300; i++ {
    sum = sum + t["k" .. i] + t[i * 1000]
}
print("sum", sum, t.k7, t["k" .. 299], t[5000], t[5000.0], t[5001])
long1 := string.rep("long key ", 8) .. "A"
long2 := string.rep("long key ", 8) .. "B"
t[long1] = "first"
t[string.rep("long key ", 8) .. "B"] = "second"
print(t[long1], t[long2], t[string.rep("long key ", 8) .. "A"], t[string.rep("long key ", 8)])
big := math.maxinteger - 5
t[big] = "big"
t[math.mininteger] = "min"
print(t[big], t[math.maxinteger - 5], t[math.mininteger], t[big + 1])
t[2 ** 40] = "float-int"
print(t[2 ** 40], t[1099511627776], t[2.5])
t[2.5] = "frac"
print(t[2.5], t[5 / 2])
for i := 1; i <= 300; i = i + 2 {
    t["k" .. i] = nil
}
n := 0
for i := 1; i <= 300; i++ {
    if t["k" .. i] != nil {
        n = n + 1
    }
}
print("left", n, t.k1, t.k2)
for i := 1; i <= 300; i = i + 2 {
    t["k" .. i] = i * 2
}
print("back", t.k1, t.k3, t.k299, t.k300)
log := {}
base := {fallback: "from index"}
p := setmetatable({present: 1}, {
    __index: func(tt, k) { log[#log + 1] = "get " .. tostring(k); return base[k] },
    __newindex: func(tt, k, v) { log[#log + 1] = "set " .. tostring(k); rawset(tt, k, v) }
})
for i := 1; i <= 12; i++ {
    p["f" .. i] = i
}
p.present = 2
p["f3"] = 30
p[1000] = "a"
p[1000] = "b"
print(p.present, p.f3, p.fallback, p.missing, p[1000], p[1001])
print(#log, table.concat(log, ","))
key := "dyn"
q := {}
q[key] = 1
q[key .. ""] = q[key] + 1
print(q.dyn, q[key])
