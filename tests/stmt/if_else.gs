// if / else if / elseif / else, init statements (7.6).
func sign(n) {
    if n < 0 {
        return "neg"
    } else if n == 0 {
        return "zero"
    } elseif n < 10 {
        return "small"
    } else {
        return "big"
    }
}
print(sign(-1), sign(0), sign(5), sign(50))            // expect: neg\tzero\tsmall\tbig
if v, ok := tonumber("42"), true; ok && v > 40 {
    print("big", v)                                   // expect: big\t42
} elseif v == nil {
    print("not a number")
}
if x := 5; x > 10 {
    print("no")
} else {
    print("init visible in else", x)                  // expect: init visible in else\t5
}
print(x)                                              // expect: nil
func two() { return false, true }
if two() { print("truncated to first: no") } else { print("first value used") }   // expect: first value used
if nil { } else if false { } else { print("fallthrough else") }   // expect: fallthrough else
y := 1
if y := 2; y == 2 { print("shadow", y) }             // expect: shadow\t2
print(y)                                              // expect: 1
