// Deterministic traversal order: array part, then insertion order (4.5).
t := {10, 20, x: "a", [0]: "z", y: "b"}
for k, v := range t { io.write(tostring(k), "=", tostring(v), " ") }
print()                                                 // expect: 1=10 2=20 x=a 0=z y=b 
h := {}
h.c = 3
h.a = 1
h.b = 2
h.a = nil
h.a = 4
for k, v := range h { io.write(k, v, " ") }
print()                                                 // expect: c3 b2 a4 
arr := {}
for i := 1; i <= 5; i++ { table.insert(arr, i * i) }
arr.name = "squares"
arr[-1] = "neg"
keys := {}
for k := range arr { keys[#keys + 1] = tostring(k) }
print(table.concat(keys, " "))                          // expect: 1 2 3 4 5 name -1
n := 0
for k, v := range h {
    h[k] = nil
    n++
}
print(n, next(h))                                       // expect: 3\tnil
m := {a: 1, b: 2, c: 3}
for k, v := range m { m[k] = v * 10 }
print(m.a, m.b, m.c)                                    // expect: 10\t20\t30
k, v := next({"only"})
print(k, v)                                             // expect: 1\tonly
print(next({}, nil))                                    // expect: nil
s := {}
s[3] = "c"
s[1] = "a"
s[2] = "b"
for k, v := range ipairs(s) { io.write(k, v) }
print()                                                 // expect: 1a2b3c
print(table.concat(table.keys({p: 1, q: 2, r: 3}), ","))   // expect: p,q,r
