// integer wraparound
M, m := math.maxinteger, math.mininteger
print(M, m, M + 1, m - 1, M * 2, m * 2, -m, math.idiv(m, -1), m % -1)
x := 1
for i := 1; i <= 70; i++ {
    x = x * 2
    if i % 5 == 0 || i > 60 { print(i, x) }
}
f := 1
for i := 1; i <= 25; i++ {
    f = f * i
    print("fact", i, f)
}
print(0xFFFFFFFFFFFFFFFF, 0x7FFFFFFFFFFFFFFF + 1, M + 0.0, m + 0.0)
