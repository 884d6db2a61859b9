// switch (7.9).
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
    print("mid")                                      // expect: mid
    fallthrough
case 6:
    print("six")                                      // expect: six
default:
    print("other")
}
func name(v) {
    switch v {
    default:
        return "default first"
    case 1:
        return "one"
    case "1":
        return "string one"
    }
}
print(name(1), name(1.0), name("1"), name(2))         // expect: one\tone\tstring one\tdefault first
log := {}
func e(v) { log[#log + 1] = v; return v }
switch 3 {
case e(1), e(2):
    print("no")
case e(3), e(4):
    print("matched", table.concat(log, ","))          // expect: matched\t1,2,3
case e(5):
    print("no")
}
for i := 1; i <= 3; i++ {
    switch i {
    case 2:
        continue
    case 3:
        break
    }
    io.write(i, " ")
}
print()                                               // expect: 1 3 
switch {
case false:
    print("no")
case nil:
    print("no")
case 0:
    print("zero is truthy")                           // expect: zero is truthy
}
switch 9 {
case 1:
    print("no")
}
print("no match, no default")                         // expect: no match, no default
switch y := 2; {
case y > 1:
    print("init with empty tag", y)                   // expect: init with empty tag\t2
}
func two() { return 1, 2 }
switch two() {
case 1:
    print("tag truncated to one value")               // expect: tag truncated to one value
}
switch 1 {
case 1:
    fallthrough
default:
    print("fell into default")                        // expect: fell into default
case 2:
    print("no")
}
