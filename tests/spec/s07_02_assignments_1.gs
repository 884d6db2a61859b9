a, b := 1, 2
a, b = b, a
print(a, b)            // expect: 2\t1
t := {}
i := 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])   // expect: 2\t20\tnil
s := "x"
s ..= "y"
n := 7
n **= 2
n %= 10
n++
print(s, n)            // expect: xy\t10
