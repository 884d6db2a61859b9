// JIT: float arithmetic, mixed int/float, comparisons with NaN, division.
func mandel(size) {
    count := 0
    for y := 0; y < size; y++ {
        ci := 2.0 * y / size - 1.0
        for x := 0; x < size; x++ {
            cr := 2.0 * x / size - 1.5
            zr := 0.0
            zi := 0.0
            inside := true
            for i := 1; i <= 50; i++ {
                tr := zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = tr
                if zr * zr + zi * zi > 4.0 {
                    inside = false
                    break
                }
            }
            if inside {
                count++
            }
        }
    }
    return count
}
print(mandel(60))
func harmonic(n) {
    s := 0.0
    for i := 1; i <= n; i++ {
        s += 1 / i
    }
    return s
}
print(harmonic(1000))
func nans(n) {
    nan := 0.0 / 0.0
    lt := 0
    ge := 0
    x := 0.0
    for i := 0; i < n; i++ {
        if i % 3 == 0 { x = nan } else { x = i * 0.5 }
        if x < 10.0 { lt++ }
        if !(x < 10.0) { ge++ }
    }
    return lt, ge
}
print(nans(100))
func negz(n) {
    x := 0.0
    for i := 0; i < n; i++ {
        x = -x
    }
    return 1 / x
}
print(negz(3), negz(4))

// Expected output (identical with and without the JIT):
// expect: 1424
// expect: 7.4854708605503
// expect: 13\t87
// expect: -inf\tinf
