// integer arithmetic: + - * % idiv and results
vals := {0, 1, -1, 7, -7, 3, 100, -100, 12345}
for i := 1; i <= #vals; i++ {
    a := vals[i]
    b := vals[(i % #vals) + 1]
    if b != 0 {
        print(a, b, a + b, a - b, a * b, a % b, math.idiv(a, b))
    } else {
        print(a, b, a + b, a - b, a * b)
    }
}
