// Variadic functions, ..., named rest parameters (6.10).
func f(a, ...) {
    print(a, select("#", ...), ...)
}
f(1, 2, 3)                                           // expect: 1\t2\t2\t3
f()                                                  // expect: nil\t0
f(1, nil, nil)                                       // expect: 1\t2\tnil\tnil
func g(first, rest...) {
    print(first, rest.n, #rest, rest[2])
}
g("a", "b", nil)                                     // expect: a\t2\t1\tnil
g()                                                  // expect: nil\t0\t0\tnil
func both(rest...) { return select("#", ...), rest.n }
print(both(1, 2, 3))                                 // expect: 3\t3
func fresh(r...) { return r }
print(fresh() != fresh())                            // expect: true
func firstOnly(...) { x := ...; return x }
print(firstOnly(9, 8, 7))                            // expect: 9
func pack2(...) { a, b := ...; return b, a }
print(pack2("p", "q", "r"))                          // expect: q\tp
func count(...) { return select("#", ...) }
print(count(nil), count(nil, nil), count())          // expect: 1\t2\t0
print(select(-1, 1, 2, 3), select(2, "a", "b", "c")) // expect: 3\tb\tc
print(select(-2, 1, 2, 3))                           // expect: 2\t3
print(select(5, 1, 2))                               // expect:
print(pcall(_G.select, 0, 1))                           // expect: false\tbad argument #1 to 'select' (index out of range)
print(pcall(_G.select, -3, 1))                          // expect: false\tbad argument #1 to 'select' (index out of range)
func anon(...) { return func() { return 1 } }
print(anon()())                                      // expect: 1
t := table.pack(1, nil, 3)
print(t.n, t[1], t[2], t[3])                         // expect: 3\t1\tnil\t3
print(table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 3))   // expect: 2\t2\t3
print(unpack({"a", "b"}), table.unpack({}, 1, 2))    // expect: a\tnil\tnil
print(select("#", table.unpack({}, 1, 0)))           // expect: 0
