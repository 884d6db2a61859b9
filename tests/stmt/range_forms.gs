// range over tables, numbers, functions, generic protocol (7.8).
for i, v := range {"a", "b"} { print(i, v) }
// expect: 1\ta
// expect: 2\tb
t := {10, 20, x: "a", [0]: "z", y: "b"}
for k, v := range t { print(k, v) }
// expect: 1\t10
// expect: 2\t20
// expect: x\ta
// expect: 0\tz
// expect: y\tb
for i := range 3 { io.write(i, ";") }
print()                                               // expect: 0;1;2;
for i := range 0 { print("never", i) }
for i := range -5 { print("never", i) }
for i := range 3.0 { io.write(i, " ") }
print()                                               // expect: 0 1 2 
for range 2 { io.write("x") }
print()                                               // expect: xx
for range {1, 2, 3} { io.write("y") }
print()                                               // expect: yyy
func iter(limit, i) {
    if i < limit { return i + 1, (i + 1) * (i + 1) }
}
for i, sq := range iter, 3, 0 { print(i, sq) }
// expect: 1\t1
// expect: 2\t4
// expect: 3\t9
for i, v := range ipairs({"x", "y", nil, "z"}) { io.write(i, v, " ") }
print()                                               // expect: 1x 2y 
for k, v := range pairs({5, 6}) { io.write(k, "=", v, " ") }
print()                                               // expect: 1=5 2=6 
for a, b, c := range {7} { print(a, b, c) }           // expect: 1\t7\tnil
callable := setmetatable({}, {__call: func(self, s, c) { if c < 2 { return c + 1 } }})
for v := range callable, nil, 0 { io.write(v, " ") }
print()                                               // expect: 1 2 
print(pcall(func() { for x := range true {} }))       // expect: false\trange_forms.gs:37: cannot range over a boolean value
print(pcall(func() { for x := range "abc" {} }))      // expect: false\trange_forms.gs:38: cannot range over a string value
print(pcall(func() { for a, b := range 3 {} }))       // expect: false\trange_forms.gs:39: range over a number permits only one iteration variable
ok, m := pcall(func() { for x := range 2.5 {} })
print(ok, string.find(m, "has no integer representation", 1, true) != nil)   // expect: false	true
ok, m = pcall(func() { for x := range 1, 2 {} })
print(ok, string.find(m, "attempt to call a number value", 1, true) != nil)   // expect: false	true
evaluated := 0
func once() { evaluated++; return {1, 2, 3} }
for _, v := range once() { }
print(evaluated)                                      // expect: 1
