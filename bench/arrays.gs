// arrays: integer array reads and writes (prefix sums, stencils, reversal, histogram)
func run(n, rounds) {
    a := {}
    b := {}
    for i := 1; i <= n; i++ {
        a[i] = (i * 7919) % 1000
        b[i] = 0
    }
    hist := {}
    for i := 1; i <= 100; i++ {
        hist[i] = 0
    }
    check := 0
    for r := 1; r <= rounds; r++ {
        // prefix sums modulo 1000
        b[1] = a[1]
        for i := 2; i <= n; i++ {
            b[i] = (b[i - 1] + a[i]) % 1000
        }
        // 3-point stencil back into a
        for i := 2; i <= n - 1; i++ {
            a[i] = (b[i - 1] + b[i] + b[i + 1] + r) % 1000
        }
        // reverse b in place
        i := 1
        j := n
        for i < j {
            t := b[i]
            b[i] = b[j]
            b[j] = t
            i++
            j--
        }
        // histogram of a
        for k := 1; k <= n; k++ {
            h := a[k] % 100 + 1
            hist[h] = hist[h] + 1
        }
        check = (check * 31 + b[1] + a[math.floor(n / 2)] + hist[r % 100 + 1]) % 1000000007
    }
    return check
}

N := tonumber(arg[1]) || 4000
print("check = " .. run(10000, N))
