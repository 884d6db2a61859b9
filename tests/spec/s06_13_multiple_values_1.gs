func three() { return 1, 2, 3 }
print(three())             // expect: 1\t2\t3
print(three(), "x")        // expect: 1\tx
print((three()))           // expect: 1
a, b, c, d := three()
print(a, b, c, d)          // expect: 1\t2\t3\tnil
x, y := three(), 10
print(x, y)                // expect: 1\t10
print(select("#", three()), select("#", (three())))   // expect: 3\t1
