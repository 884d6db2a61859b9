// Counted loops (FORxx step ops): every shape must keep the plain step/compare/jump
// semantics: wraparound at the integer limits, inline/boxed boundary, float and string
// loop variables, metamethods, modified loop variables, closures, break/continue.

// Inline-integer boundary (2^47): the fast path hands over to the generic step.
n := 0
last := 0
for i := 140737488355320; i <= 140737488355330; i++ { n++; last = i }
print(n, last)                                   // expect: 11\t140737488355330
n = 0
for i := -140737488355320; i >= -140737488355330; i-- { n++; last = i }
print(n, last)                                   // expect: 11\t-140737488355330

// Wraparound at math.maxinteger: i++ wraps to mininteger (< limit), the loop ends
// only through break.
n = 0
for i := math.maxinteger - 2; i >= math.maxinteger - 2 || i < 0; i++ {
    n++
    if i < 0 { print("wrapped", i == math.mininteger); break }   // expect: wrapped\ttrue
}
print(n)                                         // expect: 4
n = 0
for i := math.maxinteger - 3; i <= math.maxinteger; i += 2 {
    n++
    if n > 5 { break }
}
print(n)                                         // expect: 6
n = 0
for i := math.mininteger + 1; i > 0 || i < -5; i-- {
    n++
    if n > 3 { break }
}
print(n)                                         // expect: 4

// Float loop variables and float bounds.
s := 0.0
for x := 0.5; x < 3; x++ { s += x }
print(s)                                         // expect: 4.5
m := 2.5
c := 0
for i := 0; i <= m; i++ { c++ }
print(c)                                         // expect: 3
for i := 0; i < 1.5; i++ { print(i, math.type(i)) }   // expect: 0\tinteger
                                                       // expect: 1\tinteger
for i := 3; i > 0.5; i-- { c++ }
print(c)                                         // expect: 6

// A string loop variable: arithmetic converts it, comparison with a number fails.
print(pcall(func() { for i := "1"; i < 3; i++ {} }))   // expect: false\tcounted_loops.gs:49: attempt to compare string with number
t := {}
for i := "1"; i != 4; i++ { t[#t + 1] = math.type(i) || type(i) }
print(table.concat(t, " "))                      // expect: string integer integer

// Bounds of other types: errors and metamethods as for the plain comparison.
print(pcall(func() { for i := 0; i < nil; i++ {} }))  // expect: false\tcounted_loops.gs:55: attempt to compare number with nil
lim := setmetatable({}, {__lt: func(a, b) { return a < 3 }, __le: func(a, b) { return a <= 3 }})
c = 0
for i := 0; i < lim; i++ { c++ }
print(c)                                         // expect: 3
c = 0
for i := 0; i <= lim; i++ { c++ }
print(c)                                         // expect: 4
num := setmetatable({v: 0}, {__add: func(a, b) { return setmetatable({v: a.v + b}, getmetatable(a)) },
    __lt: func(a, b) { return a.v < b }})
c = 0
for i := num; i < 4; i++ { c += i.v }
print(c)                                         // expect: 6

// The limit may change in the body; the loop variable may be assigned.
c = 0
lim2 := 10
for i := 0; i < lim2; i++ { lim2--; c++ }
print(c, lim2)                                   // expect: 5\t5
c = 0
for i := 0; i < 10; i++ { i += 2; c++ }
print(c)                                         // expect: 4
for i := 0; i < 5; i++ { if i == 1 { i = 3.5 }; print(i) }
// expect: 0
// expect: 3.5
// expect: 4.5

// break / continue (continue runs the step).
c = 0
for i := 1; i <= 10; i++ {
    if i % 2 == 0 { continue }
    if i > 7 { break }
    c += i
}
print(c)                                         // expect: 16

// Closures capture each iteration's variable (Go 1.22).
fs := {}
for i := 1; i <= 3; i++ { fs[i] = func() { return i } }
print(fs[1](), fs[2](), fs[3]())                 // expect: 1\t2\t3
fs = {}
for i := 10; i > 7; i -= 1 { fs[#fs + 1] = func() { i *= 10; return i } }
print(fs[1](), fs[2](), fs[3](), fs[1]())        // expect: 100\t90\t80\t1000

// Steps other than 1, immediate and register bounds on either side.
out := {}
for i := 0; 10 > i; i += 3 { out[#out + 1] = i }
for i := 9; i >= 0; i -= 4 { out[#out + 1] = i }
hi := 4
for i := 1; hi >= i; i++ { out[#out + 1] = i }
lo := 1
for i := 3; lo < i; i-- { out[#out + 1] = i }
print(table.concat(out, ","))                    // expect: 0,3,6,9,9,5,1,1,2,3,4,3,2

// Empty body, zero iterations.
c = 0
for i := 5; i < 5; i++ { c++ }
for i := 0; i < 100000; i++ {}
print(c)                                         // expect: 0

// Large literal bounds (FORLTK/FORLEK), also next to the inline-integer limit.
c = 0
for i := 0; i < 1000; i++ { c++ }
for i := 0; 100000 >= i; i += 100 { c++ }
print(c)                                         // expect: 2001
c = 0
for i := 140737488355320; i < 140737488355327; i++ { c++ }
for i := 140737488355320; i <= 140737488355327; i += 3 { c++; last = i }
print(c, last)                                   // expect: 10\t140737488355326
c = 0
for i := 0.5; i < 1000; i++ { c++ }
for i := 998.5; i <= 1000; i++ { c++ }
print(c)                                         // expect: 1002
print(pcall(func() { for i := {}; i < 1000; i++ {} }))  // expect: false\tcounted_loops.gs:128: attempt to compare table with number
print(pcall(func() { for i := 0; i < 1000; i++ { i = {} } }))  // expect: false\tcounted_loops.gs:129: attempt to perform arithmetic on a table value (local 'i')
