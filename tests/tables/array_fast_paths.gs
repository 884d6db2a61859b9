// Edge cases of the interpreter's inline array-part paths (GETTABLE/GETI/SETTABLE/SETI)
// and their out-of-line slow paths (hash part, other keys, metatables, errors).
a := {}
for i := 1; i <= 10; i++ {
    a[i] = i * 10          // growth by appends
}
print(#a, a[1], a[10], a[11], a[0], a[-1])           // expect: 10\t10\t100\tnil\tnil\tnil
k := 10
print(a[k], a[k + 1], a[k - 10])                     // expect: 100\tnil\tnil
a[0] = "zero"
a[-1] = "minus"
print(a[0], a[-1], #a)                               // expect: zero\tminus\t10
f := 3.0
print(a[f], a[2.0], a[2.5])                          // expect: 30\t20\tnil
a[f] = "three"
print(a[3], math.type(f))                            // expect: three\tfloat
a[12] = "twelve"                                     // beyond the border: hash part
print(a[12], a[11], #a == 10 || #a == 12)            // expect: twelve\tnil\ttrue
a[11] = "eleven"                                     // fills the gap; 12 moves in
print(a[11], a[12], #a)                              // expect: eleven\ttwelve\t12
a[5] = nil                                           // hole in the array part
print(a[5], a[6])                                    // expect: nil\t60
a[5] = 5
print(a[5])                                          // expect: 5
big := 1 << 50                                       // boxed integer key
a[big] = "big"
print(a[big], a[big + 1])                            // expect: big\tnil
s := "key"
a[s] = "str"
print(a[s], a.key)                                   // expect: str\tstr

// Constant integer keys (GETI/SETI).
c := {}
c[1] = "x"
c[3] = "z"
c[2] = "y"
print(c[1], c[2], c[3], c[4], #c)                    // expect: x\ty\tz\tnil\t3
c[2] = nil
print(c[2], c[3])                                    // expect: nil\tz

// __index / __newindex: existing array items are raw; holes and missing keys go
// through the metamethods.
log := {}
m := setmetatable({1, 2, nil, 4}, {
    __index: func(t, key) { return "idx" .. key },
    __newindex: func(t, key, v) { log[#log + 1] = key; rawset(t, key, v) },
})
print(m[1], m[3], m[5], m[0])                        // expect: 1\tidx3\tidx5\tidx0
m[1] = "one"                                         // existing: no __newindex
m[3] = "three"                                       // hole: __newindex
m[5] = "five"                                        // append: __newindex
m[-2] = "neg"
print(m[1], m[3], m[5], m[-2], table.concat(log, ","))   // expect: one\tthree\tfive\tneg\t3,5,-2
i3 := 3
print(m[i3], m[i3 + 3])                              // expect: three\tidx6
proto := {10, 20}
child := setmetatable({}, {__index: proto})
print(child[1], child[2], child[3])                  // expect: 10\t20\tnil
j := 2
print(child[j])                                      // expect: 20
child[j] = "own"
print(child[2], proto[2])                            // expect: own\t20

// Errors keep their variable information.
var none
print(pcall(func() { return none[1] }))              // expect: false\tarray_fast_paths.gs:66: attempt to index a nil value (global 'none')
print(pcall(func() { none[j] = 1 }))                 // expect: false\tarray_fast_paths.gs:67: attempt to index a nil value (global 'none')
print(pcall(func() { local := {}; local[0 / 0] = 1 }))   // expect: false\tarray_fast_paths.gs:68: table index is NaN
print(pcall(func() { local := {}; local[nil] = 1 }))     // expect: false\tarray_fast_paths.gs:69: table index is nil
n := 5
print(pcall(func() { return n[1] }))                 // expect: false\tarray_fast_paths.gs:71: attempt to index a number value (global 'n')
