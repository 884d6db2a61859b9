// Expansion and truncation of multiple values (6.13).
func three() { return 1, 2, 3 }
func none() { }
print(three())                                       // expect: 1\t2\t3
print(three(), "x")                                  // expect: 1\tx
print((three()))                                     // expect: 1
print("x", three())                                  // expect: x\t1\t2\t3
print(none(), "after")                               // expect: nil\tafter
print("before", none())                              // expect: before
a, b, c, d := three()
print(a, b, c, d)                                    // expect: 1\t2\t3\tnil
x, y := three(), 10
print(x, y)                                          // expect: 1\t10
print(select("#", three()), select("#", (three())))  // expect: 3\t1
t := {three(), three()}
print(#t)                                            // expect: 4
u := {three(), nil}
print(#u)                                            // expect: 1
func ret() { return three() }
func retp() { return (three()) }
func ret2() { return 0, three() }
print(ret())                                         // expect: 1\t2\t3
print(retp())                                        // expect: 1
print(ret2())                                        // expect: 0\t1\t2\t3
print(three() + 10, -three())                        // expect: 11\t-1
s := {}
s[three()] = "idx"
print(s[1])                                          // expect: idx
if none() { print("no") } else { print("none() is nil in a condition") }   // expect: none() is nil in a condition
print(#{none()}, #{none(), none()})                  // expect: 0\t0
var p, q, r = three()
print(p, q, r)                                       // expect: 1\t2\t3
print(math.max(three()), string.format("%d%d%d", three()))   // expect: 3\t123
for i, v := range ipairs({three()}) { io.write(v) }
print()                                              // expect: 123
