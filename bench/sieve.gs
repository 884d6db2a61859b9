// sieve: sieve of Eratosthenes over a boolean array, repeated N times
func sieve(n) {
    flags := {}
    for i := 1; i <= n; i++ {
        flags[i] = true
    }
    count := 0
    for i := 2; i <= n; i++ {
        if flags[i] {
            count++
            for j := i * i; j <= n; j += i {
                flags[j] = false
            }
        }
    }
    return count
}

N := tonumber(arg[1]) || 40
total := 0
for r := 1; r <= N; r++ {
    total += sieve(1000000 + r)
}
print("primes below 1000000: " .. sieve(1000000))
print("total = " .. total)
