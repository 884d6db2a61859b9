// while/repeat style loops, break, nested loops with flags
n, steps := 27, 0
for n != 1 {
    if n % 2 == 0 { n = math.idiv(n, 2) } else { n = 3 * n + 1 }
    steps = steps + 1
    if steps % 10 == 0 { print("collatz", steps, n) }
}
print("steps", steps)
i := 0
for {
    i = i + 1
    if i * i > 200 { break }
}
print("repeat", i)
for a := 1; a <= 20; a++ {
    found := false
    for b := a; b <= 20; b++ {
        c2 := a * a + b * b
        c := math.floor(math.sqrt(c2) + 0.5)
        if c * c == c2 && c <= 25 { print("triple", a, b, c); found = true; break }
    }
}
k := 10
for { k = k - 3; if k < 0 { break }; print("k", k) }
