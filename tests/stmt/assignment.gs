// Assignments: multiple, compound, inc/dec (7.2).
a, b := 1, 2
a, b = b, a
print(a, b)                                           // expect: 2\t1
t := {}
i := 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])                                  // expect: 2\t20\tnil
a, a = 1, 2
print(a)                                              // expect: 2
x, y, z := 1, 2
print(x, y, z)                                        // expect: 1\t2\tnil
p, q := 1, 2, 3
print(p, q)                                           // expect: 1\t2
s := "x"
s ..= "y"
n := 7
n **= 2
n %= 10
n++
print(s, n)                                           // expect: xy\t10
m := 10
m += 5
m -= 3
m *= 2
m /= 4
print(m)                                              // expect: 6.0
c := {v: 1}
c.v += 10
c["v"] *= 2
print(c.v)                                            // expect: 22
log := {}
obj := setmetatable({}, {
    __index: func(t, k) { log[#log + 1] = "get " .. k; return 5 },
    __newindex: func(t, k, v) { log[#log + 1] = "set " .. k .. "=" .. v; rawset(t, k, v) },
})
obj.f += 1
print(table.concat(log, "; "), obj.f)                 // expect: get f; set f=6\t6
calls := 0
func key() { calls++; return "k" }
u := {k: 1}
u[key()] += 1
u[key()]++
print(u.k, calls)                                     // expect: 3\t2
order := {}
o := setmetatable({}, {__newindex: func(t, k, v) { order[#order + 1] = k }})
o.a, o.b, o.c = 1, 2, 3
print(table.concat(order, ","))                       // expect: a,b,c
func three() { return 1, 2, 3 }
e1, e2, e3, e4 := 0, three()
print(e1, e2, e3, e4)                                 // expect: 0\t1\t2\t3
f1, f2 := three(), 10
print(f1, f2)                                         // expect: 1\t10
_, _ = three()
g1, _, g3 := three()
print(g1, g3)                                         // expect: 1\t3
