// sieve of Eratosthenes, prime factorisation, gcd
N := 200
comp := {}
primes := {}
for i := 2; i <= N; i++ {
    if !comp[i] {
        primes[#primes + 1] = i
        for j := i * i; j <= N; j += i { comp[j] = true }
    }
}
print(#primes, table.concat(primes, " ", 1, 20))
for i := 21; i <= #primes; i += 10 { print(i, table.concat(primes, ",", i, math.min(i + 9, #primes))) }
func factor(n) {
    f := {}
    d := 2
    for d * d <= n {
        for n % d == 0 { f[#f + 1] = d; n = math.idiv(n, d) }
        d = d + 1
    }
    if n > 1 { f[#f + 1] = n }
    return table.concat(f, "*")
}
for _, n := range ipairs({2, 12, 97, 360, 1001, 65536, 999983, 600851475143}) { print(n, factor(n)) }
func gcd(a, b) { for b != 0 { a, b = b, a % b }; return a }
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(2 ** 40, 6 ** 10))
