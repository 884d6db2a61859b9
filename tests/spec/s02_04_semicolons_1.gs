func max3(a, b, c) { return math.max(a, b, c) }
x := 1 +
    2
total := max3(x,
    10,
    7)
print(total)   // expect: 10
