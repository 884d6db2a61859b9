// Table constructors (6.11).
k := "dyn"
t := {"a", "b", name: "x", "with space": 1, [k]: 2, [1 + 1]: "B"}
print(t[1], t[2], t.name, t["with space"], t.dyn, #t)   // expect: a\tB\tx\t1\t2\t2
func three() { return 1, 2, 3 }
print(#{three(), three()}, #{three(), "x"}, #{(three())})   // expect: 4\t2\t1
u := {1, nil, 3}
print(u[1], u[2], u[3])                                 // expect: 1\tnil\t3
print(next({a: nil}))                                   // expect: nil
v := {[1]: "first", "second"}
print(v[1])                                             // expect: second
w := {"first", [1]: "second"}
print(w[1])                                             // expect: second
x := {a: 1, a: 2}
print(x.a)                                              // expect: 2
y := {1, 2, 3,}
z := {1; 2; 3}
print(#y, #z)                                           // expect: 3\t3
f := {[1.0]: "float key", [2.5]: "real float"}
print(f[1], f[2.5], math.type(next(f)))                 // expect: float key\treal float\tinteger
g := {[-0.0]: "negzero"}
print(g[0], math.type(next(g)))                         // expect: negzero\tinteger
nested := {inner: {deep: {v: 42}}}
print(nested.inner.deep.v)                              // expect: 42
func va(...) { return {...}, {..., "end"} }
all, first := va(7, 8, 9)
print(#all, #first, first[1], first[2])                 // expect: 3\t2\t7\tend
obj := {name: "o"}
obj.m = func(self) { return self.name }
m := {obj: 1, (obj:m())}
print(m.obj, m[1])                                      // expect: 1\to
print(pcall(func() { return {[0 / 0]: 1} }))            // expect: false\tconstructors.gs:32: table index is NaN
