// gcd, lcm, extended euclid, modular exponentiation
func gcd(a, b) { for b != 0 { a, b = b, a % b }; return math.abs(a) }
func lcm(a, b) { return math.idiv(a, gcd(a, b)) * b }
func egcd(a, b) {
    if b == 0 { return a, 1, 0 }
    g, x, y := egcd(b, a % b)
    return g, y, x - math.idiv(a, b) * y
}
func powmod(b, e, m) { r := 1; b = b % m; for e > 0 { if e & 1 == 1 { r = r * b % m }; b = b * b % m; e = e >> 1 }; return r }
for _, p := range ipairs({{12, 18}, {17, 31}, {100, 75}, {-12, 18}, {270, 192}, {1071, 462}}) {
    print(p[1], p[2], gcd(p[1], p[2]), lcm(p[1], p[2]), egcd(p[1], p[2]))
}
l := 1
for i := 1; i <= 20; i++ { l = lcm(l, i) }
print("lcm1..20", l)
for e := 0; e <= 60; e += 12 { print("powmod", e, powmod(3, e, 1000000007), powmod(2, e, 97)) }
