// tonumber with bases, tostring of numbers
cases := {{"ff", 16}, {"FF", 16}, {"777", 8}, {"1010", 2}, {"zz", 36}, {"Zz", 36}, {"  -101  ", 2}, {"9", 8}, {"", 10}, {"12", 10}, {"7fffffffffffffff", 16}, {"ffffffffffffffff", 16}, {"10000000000000000", 16}, {"1.5", 10}, {"0x10", 16}, {"abc", 13}}
for _, c := range ipairs(cases) { print(c[1], c[2], tonumber(c[1], c[2])) }
for b := 2; b <= 36; b += 5 { print("base", b, tonumber("11", b), tonumber("z", b)) }
n := 123456789
for _, b := range ipairs({2, 8, 10, 16, 36}) {
    digits, x := {}, n
    for x > 0 { d := x % b; digits[#digits + 1] = string.sub("0123456789abcdefghijklmnopqrstuvwxyz", d + 1, d + 1); x = math.idiv(x, b) }
    s := string.reverse(table.concat(digits))
    print(b, s, tonumber(s, b) == n)
}
