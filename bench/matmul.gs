// matmul: dense float matrix multiplication on arrays of arrays
func matgen(n, seed) {
    a := {}
    tmp := seed / n / n
    for i := 1; i <= n; i++ {
        row := {}
        for j := 1; j <= n; j++ {
            row[j] = tmp * (i - j) * (i + j - 2)
        }
        a[i] = row
    }
    return a
}

func matmul(a, b, n) {
    bt := {}
    for j := 1; j <= n; j++ {
        col := {}
        for k := 1; k <= n; k++ {
            col[k] = b[k][j]
        }
        bt[j] = col
    }
    c := {}
    for i := 1; i <= n; i++ {
        ai := a[i]
        ci := {}
        for j := 1; j <= n; j++ {
            bj := bt[j]
            s := 0.0
            for k := 1; k <= n; k++ {
                s += ai[k] * bj[k]
            }
            ci[j] = s
        }
        c[i] = ci
    }
    return c
}

N := tonumber(arg[1]) || 700
a := matgen(N, 1.0)
b := matgen(N, 2.0)
c := matmul(a, b, N)
mid := math.floor(N / 2) + 1
trace := 0.0
for i := 1; i <= N; i++ {
    trace += c[i][i]
}
print(string.format("c[mid][mid] = %.6f", c[mid][mid]))
print(string.format("trace = %.6f", trace))
