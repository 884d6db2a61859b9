if v, ok := tonumber("42"), true; ok && v > 40 {
    print("big", v)    // expect: big\t42
} elseif v == nil {
    print("not a number")
} else if v > 0 {
    print("small")
}
