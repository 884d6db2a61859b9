for i, v := range {"a", "b"} { print(i, v) }
// expect: 1\ta
// expect: 2\tb
for k, v := range {x: 1} { print(k, v) }      // expect: x\t1
for i := range 3 { io.write(i, ";") }
print()                                        // expect: 0;1;2;
func iter(limit, i) {
    if i < limit { return i + 1, (i + 1) * (i + 1) }
}
for i, sq := range iter, 3, 0 { print(i, sq) }
// expect: 1\t1
// expect: 2\t4
// expect: 3\t9
func chars(s) {
    i := 0
    return func() {
        i++
        if i <= #s { return string.sub(s, i, i) }
    }
}
for c := range chars("abc") { io.write(c, ".") }
print()                                        // expect: a.b.c.
fns := {}
for _, name := range {"p", "q"} { fns[#fns + 1] = func() { return name } }
print(fns[1](), fns[2]())                      // expect: p\tq
