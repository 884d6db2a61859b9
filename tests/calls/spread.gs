// Spread arguments f(t...) (6.9.4).
func sum(...) {
    s := 0
    for _, v := range {...} { s += v }
    return s
}
nums := {1, 2, 3}
print(sum(nums...), sum(10, nums...), sum())         // expect: 6\t16\t0
func count(...) { return select("#", ...) }
print(count({}...), count({nil, nil, n: 2}...))      // expect: 0\t2
print(count({1, 2, 3, n: 1}...), count({1, 2, n: 3.0}...))   // expect: 1\t3
print(count({1, 2, n: "x"}...))                      // expect: 2
func fwd(first, rest...) { return count(rest...), rest[1] }
print(fwd(1, 2, nil, nil))                           // expect: 3\t2
proxy := setmetatable({}, {__index: func(t, k) { return k * 100 }, __len: func() { return 2 }})
print(sum(proxy...))                                 // expect: 300
print(pcall(func() { return count(5...) }))          // expect: false\tspread.gs:17: cannot spread a number value
print(pcall(func() { return count(nil...) }))        // expect: false\tspread.gs:18: cannot spread a nil value
print(string.format("%d-%d", {7, 8}...))             // expect: 7-8
