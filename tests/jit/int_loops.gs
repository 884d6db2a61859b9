// JIT: integer loops (sums, products, wrap-around, modulo, negation, constants).
func sum(n) {
    s := 0
    for i := 1; i <= n; i++ {
        s += i * 3 - 1
    }
    return s
}
print(sum(1000))
func wrap(n) {
    // Values leave the 48-bit inline range and wrap at 64 bits.
    x := 1
    for i := 0; i < n; i++ {
        x = x * 31 + i
    }
    return x
}
print(wrap(10), wrap(20), wrap(100))
func mods(n) {
    acc := 0
    for i := -n; i < n; i++ {
        acc += i % 7 + (i % -5) * 3 - (-i)
    }
    return acc
}
print(mods(500))
func countdown(n) {
    c := 0
    for n > 0 {
        n -= 3
        c++
    }
    return c, n
}
print(countdown(100))
func big(n) {
    // Loop-carried value crossing 2^47: the loop-end write-back exits and boxes it.
    x := 140737488355000
    for i := 0; i < n; i++ {
        x += 100
    }
    return x
}
print(big(10))

// Expected output (identical with and without the JIT):
// expect: 1500500
// expect: 820538985077446\t-458881193016710773\t-5126258416451424333
// expect: -3500
// expect: 34\t-2
// expect: 140737488356000
