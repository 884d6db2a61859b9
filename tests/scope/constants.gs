// const declarations (5.4).
const Limit = 10
func check(n) { return n <= Limit }
print(check(3), check(11))                            // expect: true\tfalse
const A, B = 1, "two"
print(A, B, _G.A)                                     // expect: 1\ttwo\t1
const T = {x: 1}
T.x = 2
print(T.x)                                            // expect: 2
func localConst() {
    const K = os.time() > 0
    return K
}
print(localConst())                                   // expect: true
_G.Limit = 20
print(Limit)                                          // expect: 20
rawset(_G, "A", 5)
print(A)                                              // expect: 5
