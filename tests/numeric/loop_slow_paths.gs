// Loops of simple ops where single iterations need a slow path (boxed integers, appends,
// hash-part keys, a metatable set mid-loop, errors): results and error positions.

// Integer sums that leave the inline (48-bit) range mid-loop (boxed results).
s := 0
for i := 1; i <= 100; i++ {
    s = s + 0x10000000000 * i
}
print(s)                                   // expect: 5552533720268800
x := 1
for i := 0; i < 60; i++ {
    x = x * 2
}
print(x, x > 0)                            // expect: 1152921504606846976\ttrue

// Int/float mixing and division in one loop.
f := 0
for i := 1; i <= 10; i++ {
    f = f + i / 4 + i % 3 + (i & 1)
}
print(f)                                   // expect: 28.75

// Appends, hash-part integers and string keys in a loop of table ops.
t := {}
for i := 1; i <= 50; i++ {
    t[i] = i * i
}
t[100] = 1
u := {a: 1, b: 2}
k := "a"
n := 0
for i := 1; i <= 10; i++ {
    n = n + t[i] + u[k] + u.b
    u.c = i
}
print(#t, n, u.c, t[100])                  // expect: 50\t415\t10\t1

// A metatable appears in the middle of a loop: __index / __newindex run.
log := {}
m := {}
for i := 1; i <= 6; i++ {
    if i == 3 {
        setmetatable(m, {__index: func(tb, key) { return key * 10 }, __newindex: func(tb, key, v) { rawset(tb, key, v + 1000) }})
    }
    m[i] = m[i + 100]
}
print(m[1], m[2], m[3], m[6])              // expect: 10\t20\t2030\t2060

// Comparison errors and arithmetic errors inside a loop report the right line.
ok, err := pcall(func() {
    v := 0
    for i := 1; i <= 10; i++ {
        v = v + i
        if i == 5 {
            v = "x"
        }
        if v < 100 { v = v }
    }
})
print(ok, err)                             // expect: false\tloop_slow_paths.gs:57: attempt to compare string with number

ok2, err2 := pcall(func() {
    a := {}
    for i := 1; i <= 3; i++ {
        a[i] = a[i] + 1
    }
})
print(ok2, err2)                           // expect: false\tloop_slow_paths.gs:65: attempt to perform arithmetic on a nil value

// Nested loops, an early break and a while-style loop with float steps.
cnt := 0
for i := 0; i < 30; i++ {
    for j := i; j < 30; j += 3 {
        if j == 25 { break }
        cnt++
    }
}
z := 0.5
w := 0
for z < 100.0 {
    z = z * 1.5
    w++
}
print(cnt, w, z)                           // expect: 147\t14\t145.96463012695
