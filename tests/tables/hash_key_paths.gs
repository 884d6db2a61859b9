// The raw paths GETTABLE/SETTABLE take for keys outside the array part (hash-part
// integers, string variables) before any __index/__newindex walk, and the append path
// (`t[#t + 1] = v`): results must match the generic semantics, metamethods included.

// Hash-part integer keys (sparse, negative, zero, beyond the border).
h := {}
for i := 1; i <= 50; i++ {
    h[i * 1000] = i
}
h[0] = "zero"
h[-7] = "neg"
s := 0
for i := 1; i <= 50; i++ {
    s += h[i * 1000]
}
print(s, h[0], h[-7], h[999], h[50001])                  // expect: 1275\tzero\tneg\tnil\tnil
h[25000] = nil                                            // removal, then re-insertion
print(h[25000])                                           // expect: nil
h[25000] = "back"
print(h[25000])                                           // expect: back

// String keys held in variables (not constants), including built strings.
w := {}
words := {"ka", "lo", "mi"}
for i := 1; i <= 9; i++ {
    k := words[(i - 1) % 3 + 1] .. words[(i + 1) % 3 + 1]
    w[k] = (w[k] || 0) + 1
}
print(w["kami"], w["loka"], w["mimi"], w["kaka"])         // expect: 3\t3\tnil\tnil
key := "lo" .. "ka"
w[key] = nil
print(w["loka"], w[key])                                  // expect: nil\tnil

// __index / __newindex still apply to absent keys (integers beyond the array, strings).
log := {}
m := setmetatable({}, {
    __index: func(t, k) { return "idx:" .. tostring(k) },
    __newindex: func(t, k, v) { log[#log + 1] = tostring(k); rawset(t, k, v) },
})
print(m[5000], m["abc"])                                  // expect: idx:5000\tidx:abc
kk := "abc"
m[kk] = 1                                                 // absent: __newindex
m[5000] = 2                                               // absent: __newindex
m[kk] = 3                                                 // present: raw set, no __newindex
m[5000] = 4                                               // present: raw set
print(m[kk], m[5000], #log, log[1], log[2])               // expect: 3\t4\t2\tabc\t5000
m[kk] = nil                                               // present: raw set to nil
m[kk] = 5                                                 // absent again: __newindex
print(m[kk], #log, log[3])                                // expect: 5\t3\tabc

// __index as a table for hash-part keys.
base := {[7000]: "base7000", name: "base"}
d := setmetatable({}, {__index: base})
n := "name"
print(d[7000], d[n], d[7001])                             // expect: base7000\tbase\tnil

// Appends: fresh arrays, after removals, with a hash part, with __newindex.
a := {}
for i := 1; i <= 100; i++ {
    a[#a + 1] = i
}
print(#a, a[1], a[100])                                   // expect: 100\t1\t100
a[100] = nil
a[99] = nil
a[#a + 1] = "x"
print(#a, a[99], a[100])                                  // expect: 99\tx\tnil
b := {tag: "rec"}                                         // hash part present
b[3] = "three"                                            // hash part (beyond the border)
b[1] = "one"
b[2] = "two"                                              // 3 moves into the array part
b[#b + 1] = "four"
print(#b, b[3], b[4], b.tag)                              // expect: 4\tthree\tfour\trec
seen := {}
c := setmetatable({}, {__newindex: func(t, k, v) { seen[#seen + 1] = k; rawset(t, k, v * 10) }})
c[1] = 1
c[2] = 2
c[#c + 1] = 3
print(#c, c[1], c[2], c[3], #seen)                        // expect: 3\t10\t20\t30\t3
c[1] = 7                                                  // present: no __newindex
print(c[1], #seen)                                        // expect: 7\t3
t := {}
t[1] = nil                                                // nil append: nothing stored
print(#t, next(t))                                        // expect: 0\tnil

// table.insert / table.remove interleaved with appends.
q := {}
for i := 1; i <= 20; i++ {
    table.insert(q, i)
}
for i := 1; i <= 5; i++ {
    table.remove(q)
}
q[#q + 1] = "a"
table.insert(q, "b")
print(#q, q[15], q[16], q[17], q[18])                     // expect: 17\t15\ta\tb\tnil
