// defer rules 1-4 (7.13): evaluation at defer time, LIFO, errors, last error wins.
func f() {
    x := 1
    defer print("rule1: args evaluated at defer time", x)
    x = 2
    t := {v: "old"}
    defer func() { print("closure sees current", t.v, x) }()
    t.v = "new"
    return "ret"
}
print(f())
// expect: closure sees current\tnew\t2
// expect: rule1: args evaluated at defer time\t1
// expect: ret
func loop() {
    for i := 1; i <= 3; i++ { defer io.write(i, " ") }
    io.write("body ")
}
loop()
print()                                        // expect: body 3 2 1 
func retval() {
    n := 10
    defer func() { n = 99 }()
    return n
}
print(retval())                                // expect: 10
func errs() {
    defer print("runs during unwinding")
    error("E", 0)
}
print(pcall(errs))
// expect: runs during unwinding
// expect: false\tE
func replace() {
    defer func() { error("second", 0) }()
    defer func() { error("first", 0) }()
    return 1
}
print(pcall(replace))                          // expect: false\tsecond
func allrun() {
    defer print("still runs")
    defer func() { error("D", 0) }()
    error("orig", 0)
}
print(pcall(allrun))
// expect: still runs
// expect: false\tD
func lateCallee() {
    defer print("after bad defer")
    defer nosuch()
    print("body runs")
}
ok, msg := pcall(lateCallee)
// expect: body runs
// expect: after bad defer
print(ok, string.find(msg, "attempt to call a nil value", 1, true) != nil)   // expect: false\ttrue
