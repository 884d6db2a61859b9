func classify(n) {
    switch {
    case n < 0:
        return "negative"
    case n == 0:
        return "zero"
    case n < 10:
        return "small"
    default:
        return "large"
    }
}
print(classify(-5), classify(0), classify(7), classify(99))   // expect: negative\tzero\tsmall\tlarge
switch x := 5; x {
case 1, 2, 3:
    print("low")
case 4, 5:
    print("mid")       // expect: mid
    fallthrough
case 6:
    print("six")       // expect: six
default:
    print("other")
}
