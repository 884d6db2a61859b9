func f(a, ...) {
    print(a, select("#", ...), ...)
}
f(1, 2, 3)             // expect: 1\t2\t2\t3
f()                    // expect: nil\t0
func g(first, rest...) {
    print(first, rest.n, #rest, rest[2])
}
g("a", "b", nil)       // expect: a\t2\t1\tnil
func sum(...) {
    s := 0
    for _, v := range {...} { s += v }
    return s
}
nums := {1, 2, 3}
print(sum(nums...), sum(10, nums...), sum())   // expect: 6\t16\t0
