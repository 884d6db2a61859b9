// JIT: array reads and writes, fields, globals, length, type changes inside loops.
func fill(t, n) {
    for i := 1; i <= n; i++ {
        t[i] = i * i
    }
}
t := {}
for i := 1; i <= 100; i++ { t[#t + 1] = 0 }
fill(t, 100)
s := 0
for i := 1; i <= #t; i++ { s += t[i] }
print(s, #t)
// Sieve over a preallocated array.
flags := {}
for i := 1; i <= 1000; i++ { flags[#flags + 1] = true }
count := 0
for i := 2; i <= 1000; i++ {
    if flags[i] {
        count++
        for j := i * i; j <= 1000; j += i {
            flags[j] = false
        }
    }
}
print("primes", count)
// Fields and globals.
p := {x: 1, y: 2.5, name: "p"}
total := 0
for i := 0; i < 200; i++ {
    p.x = p.x + 1
    p.y = p.y * 1.01
    total = total + p.x
}
print(p.x, p.y, total)
// A slot changes type in the middle of the loop: the type guard exits.
mixed := {1, 2, 3, 4.5, 5, "six", 7}
acc := 0
for i := 1; i <= 7; i++ {
    v := mixed[i]
    if v == "six" { acc += 100 } else { acc += v }
}
print(acc)
// Reading past the array part exits at the bounds guard.
arr := {10, 20, 30}
n := 0
i := 1
for arr[i] != nil {
    n += arr[i]
    i++
}
print(n, i)

// Expected output (identical with and without the JIT):
// expect: 338350\t100
// expect: primes\t168
// expect: 201\t18.290044629575\t20300
// expect: 122.5
// expect: 60\t4
