// GETFIELD/SETFIELD entry-index cache (interp fast path): same key, tables of different
// layouts, removed and re-inserted keys, metatables, and traversal order afterwards.
func getx(t) { return t.x }
func setx(t, v) { t.x = v }
a := {x: 1, y: 2}
b := {y: 3, x: 4}
c := {z: 5}
print(getx(a), getx(b), getx(c), getx(a))            // expect: 1\t4\tnil\t1
setx(a, 10)
setx(b, 20)
setx(c, 30)
print(a.x, b.x, c.x)                                 // expect: 10\t20\t30
for k, v := range c { print(k, v) }                  // expect: z\t5
// expect: x\t30
// Removing then re-inserting a key moves it to the end of the order (spec 4.5).
setx(a, nil)
print(getx(a))                                       // expect: nil
a.w = 1
setx(a, 7)
keys := ""
for k, _ := range a { keys = keys .. k }
print(keys)                                          // expect: ywx
// A present key is stored raw even with __newindex; an absent one goes to __newindex.
log := {}
m := setmetatable({x: 1}, {__newindex: func(t, k, v) { log[#log + 1] = k; rawset(t, k, v) }})
setx(m, 2)
print(m.x, #log)                                     // expect: 2\t0
setx(m, nil)
setx(m, 3)
print(m.x, #log, log[1])                             // expect: 3\t1\tx
// __index only for absent keys.
p := setmetatable({}, {__index: func(t, k) { return "idx:" .. k }})
print(getx(p))                                       // expect: idx:x
rawset(p, "x", "raw")
print(getx(p))                                       // expect: raw
// Many records built the same way share the cached index.
recs := {}
for i := 1; i <= 50; i++ { recs[i] = {id: i, x: i * 2, name: "r" .. i} }
sum := 0
for i := 1; i <= 50; i++ { setx(recs[i], getx(recs[i]) + 1); sum += recs[i].x }
print(sum)                                           // expect: 2600
// String keys through SETTABLE/GETTABLE (dynamic keys), long (non-interned) keys too.
d := {}
long := string.rep("k", 60)
for i := 1; i <= 3; i++ { d["key" .. i] = i; d[long .. i] = -i }
print(d.key2, d[string.rep("k", 60) .. "3"], d[long .. "1"])   // expect: 2\t-3\t-1
print(type(1), type("s"), type(nil), type({}), type(print), type(true))   // expect: number\tstring\tnil\ttable\tfunction\tboolean
