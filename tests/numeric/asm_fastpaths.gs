// Fast paths of the assembly interpreter (-interp=asm, vm/src/asm_interp) at their
// edges: each case runs inside a loop so that it goes through the generated code, and
// must print what the Rust interpreter prints (every test mode runs this file).
big := 140737488355327   // 2^47 - 1, the largest inline integer
r := {}
for i := 0; i < 3; i++ {
    r[#r + 1] = big + i           // ADDK/ADD crossing into boxed integers
    r[#r + 1] = -big - 2 + i
    r[#r + 1] = (big - 1 + i) * 3 // MUL leaving the inline range
}
print(r[1], r[2], r[3], r[4], r[7], r[9])
m := 0
for i := 1; i <= 4; i++ { m = m * 4611686018427387904 + i }   // wrapping 64-bit multiply
print(m)
x := 3
for i := 0; i < 2; i++ { x = x + 0.5; x = x * 2; x = 10 / x; x = x - 1 }
print(x, 7 / 2, 1 / 0, -1 / 0)
nan := 0 / 0
c := 0
for i := 0; i < 3; i++ {
    if nan < 1 { c += 1 }
    if nan == nan { c += 10 }
    if nan != nan { c += 100 }
    if -0.0 == 0 { c += 1000 }
    if 1 < 1.5 { c += 10000 }
    if 2 == 2.0 { c += 100000 }
}
print(c)
s := 0
for i := -7; i <= 7; i++ { s = s * 3 + i % 3 + i % -4 + (i * 1.5) % 2 }
print(s)
print(pcall(func() { for i := 0; i < 3; i++ { y := i % (i - 1) } }))
print(pcall(func() { z := nil; for i := 0; i < 3; i++ { z = z + i } }))
ab := "ab"
eq := 0
for i := 0; i < 3; i++ {
    if ab .. "c" == "abc" { eq += 1 }
    k := ab .. "c"
    if k == ab .. "c" { eq += 10 }
    if k != "abd" { eq += 100 }
    if nil == false { eq += 1000 }
    if i == "0" { eq += 10000 }
}
print(eq)
n := 0
for i := big - 3; i < big + 2; i++ { n += 1 }   // the FORxx step leaves the inline range
print(n)
for i := 10; i > 0; i -= 3 { n = n * 10 + i }
print(n)
t := {1, 2, 3}
proxy := setmetatable({1, nil, 3}, {__index: func(_, k) { return "idx" .. k }, __newindex: func(tt, k, v) { rawset(tt, k, v * 100) }})
out := {}
for i := 1; i <= 4; i++ {
    out[#out + 1] = tostring(t[i]) .. "/" .. tostring(proxy[i])
    proxy[i] = i
}
print(table.concat(out, " "), proxy[1], proxy[2], proxy[4], #t)
h := {}
for i := 1; i <= 10; i++ { h[i * 2] = i }   // hash-part integer keys
for i := 1; i <= 10; i++ { h[i] = -i }      // then the array part
print(#h, h[2], h[20], h[11])
obj := {a: 1, b: 2}
other := {b: 20, a: 10}
cls := {__index: {a: "ca", z: "cz"}}
setmetatable(other, cls)
fs := {}
for i := 1; i <= 3; i++ {
    o := obj
    if i == 2 { o = other }
    fs[#fs + 1] = o.a .. o.b .. tostring(o.z)
    o.b = o.b + 1
}
other.a = nil
print(table.concat(fs, ","), other.a, obj.b, other.b)
func vf(a, b, ...) { return a, b, select("#", ...) }
func two() { return 1, 2 }
func count(...) { return select("#", ...) }
acc := {}
for i := 1; i <= 2; i++ {
    acc[#acc + 1] = count(two())
    acc[#acc + 1] = count(two(), two())
    a1, b1, n1 := vf(i)
    acc[#acc + 1] = tostring(a1) .. tostring(b1) .. n1
    acc[#acc + 1] = count(vf(1, 2, 3, 4))
}
print(table.concat(acc, " "))
func loop(n, acc) { if n == 0 { return acc }; return loop(n - 1, acc + 1) }
print(loop(300000, 0))
func fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }
print(fib(20))
cs := {}
for i := 0; i < 3; i++ { cs[#cs + 1] = func() { i = i + 10; return i } }
print(cs[1](), cs[1](), cs[2](), cs[3]())
counter := 0
inc := func() { counter++ }
for i := 0; i < 5; i++ { inc() }
print(counter, #"hello", #{1, 2, nil, 4})
print(pcall(func() { tt := {}; for i := 1; i <= 3; i++ { tt[i] = tt[i - 1].x } }))

// expect: 140737488355327\t-140737488355329\t422212465065978\t140737488355328\t140737488355329\t422212465065984
// expect: -4611686018427387900
// expect: 4.3846153846154\t3.5\tinf\t-inf
// expect: 333300
// expect: 1338311.0
// expect: false\tasm_fastpaths.gs:32: attempt to perform 'n%0'
// expect: false\tasm_fastpaths.gs:33: attempt to perform arithmetic on a nil value (local 'z')
// expect: 333
// expect: 5
// expect: 60741
// expect: 1/1 2/idx2 3/3 nil/idx4\t1\t200\t400\t3
// expect: 10\t-2\t10\tnil
// expect: 12nil,1020cz,13nil\tca\t4\t21
// expect: 2 3 1nil0 3 2 3 2nil0 3
// expect: 300000
// expect: 6765
// expect: 10\t20\t11\t12
// expect: 5\t5\t2
// expect: false\tasm_fastpaths.gs:98: attempt to index a nil value
