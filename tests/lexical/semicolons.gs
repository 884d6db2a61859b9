// Automatic semicolons (2.4): rules 1-3.
a := 1; b := 2;; c := 3
print(a, b, c)                                   // expect: 1\t2\t3
total := math.max(1,
    10,
    7)
print(total)                                     // expect: 10
t := {
    a: 1
    b: 2
}
print(t.a + t.b)                                 // expect: 3
u := {1, 2,
    3}
print(#u)                                        // expect: 3
v := (1 +
    2)
print(v)                                         // expect: 3
w := t[
    "a"]
print(w)                                         // expect: 1
if false {
    print("no")
}
else {
    print("else on its own line")                // expect: else on its own line
}
if false {
}
elseif true {
    print("elseif on its own line")              // expect: elseif on its own line
}
func f() {
    return
}
print(f())                                       // expect:
print(select("#", f()))                          // expect: 0
cb := {handler: func(x) {
    y := x * 2
    return y
}}
print(cb.handler(4))                             // expect: 8
r := table.concat(table.map({1, 2}, func(v, i) {
    s := v + 1
    return s
}), ",")
print(r)                                         // expect: 2,3
x := 1; x++; x--; x++
print(x)                                         // expect: 2
