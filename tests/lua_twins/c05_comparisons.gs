// comparisons between numbers and strings
nums := {1, 1.0, 2, -0.0, 0, 2.0 ** 53, 9007199254740993, math.maxinteger, 2.0 ** 63, -math.huge}
for i := 1; i <= #nums; i++ {
    for j := i; j <= #nums; j++ {
        a, b := nums[i], nums[j]
        print(i, j, a == b, a < b, a <= b, a > b, a >= b, a != b)
    }
}
ss := {"", "a", "A", "ab", "b", "abc", "10", "9"}
for i := 1; i <= #ss - 1; i++ { print(ss[i], ss[i + 1], ss[i] < ss[i + 1], ss[i] == ss[i + 1]) }
