// Per-iteration loop variables (7.7, 7.8, 5.5).
fs := {}
for i := 0; i < 3; i++ {
    fs[#fs + 1] = func() { return i }
}
print(fs[1](), fs[2](), fs[3]())                      // expect: 0\t1\t2
gs := {}
for i := 0; i < 6; i++ {
    gs[#gs + 1] = func() { return i }
    i++
}
print(#gs, gs[1](), gs[2](), gs[3]())                 // expect: 3\t1\t3\t5
inc := {}
for i := 0; i < 2; i++ {
    inc[#inc + 1] = func() { i += 100; return i }
}
print(inc[1](), inc[1](), inc[2]())                   // expect: 100\t200\t101
fns := {}
for _, name := range {"p", "q"} { fns[#fns + 1] = func() { return name } }
print(fns[1](), fns[2]())                             // expect: p\tq
rs := {}
for i := range 3 { rs[#rs + 1] = func() { return i * i } }
print(rs[1](), rs[2](), rs[3]())                      // expect: 0\t1\t4
ws := {}
n := 0
for n < 3 {
    n++
    v := n
    ws[#ws + 1] = func() { return v }
}
print(ws[1](), ws[2](), ws[3]())                      // expect: 1\t2\t3
for k, v := range {10, 20} {
    k = 99
    v = 0
}
seen := {}
for k := range {10, 20, 30} { k *= 2; seen[#seen + 1] = k }
print(table.concat(seen, ","))                        // expect: 2,4,6
