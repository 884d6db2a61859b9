// spectral_norm: eigenvalue approximation by power method (float loops, function calls)
func A(i, j) {
    ij := i + j - 1
    return 1.0 / (ij * (ij - 1) * 0.5 + i)
}

func Av(x, y, n) {
    for i := 1; i <= n; i++ {
        a := 0.0
        for j := 1; j <= n; j++ {
            a += x[j] * A(i, j)
        }
        y[i] = a
    }
}

func Atv(x, y, n) {
    for i := 1; i <= n; i++ {
        a := 0.0
        for j := 1; j <= n; j++ {
            a += x[j] * A(j, i)
        }
        y[i] = a
    }
}

func AtAv(x, y, t, n) {
    Av(x, t, n)
    Atv(t, y, n)
}

func spectral(n) {
    u := {}
    v := {}
    t := {}
    for i := 1; i <= n; i++ {
        u[i] = 1.0
    }
    for i := 1; i <= 10; i++ {
        AtAv(u, v, t, n)
        AtAv(v, u, t, n)
    }
    vBv := 0.0
    vv := 0.0
    for i := 1; i <= n; i++ {
        ui := u[i]
        vi := v[i]
        vBv += ui * vi
        vv += vi * vi
    }
    return math.sqrt(vBv / vv)
}

N := tonumber(arg[1]) || 2500
print(string.format("spectral_norm(%d) = %0.9f", N, spectral(N)))
