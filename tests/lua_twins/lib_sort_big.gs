// table.sort on a larger pseudo-random array (a total order)
t := {}
x := 12345
for i := 1; i <= 2000; i++ { x = (x * 1103515245 + 12345) % 2147483648; t[i] = x % 100000 }
table.sort(t)
sum := 0
for i := 1; i <= 2000; i++ { sum = sum + t[i] * i }
print(t[1], t[2], t[1000], t[1999], t[2000], sum)
table.sort(t, func(a, b) { return  a > b  })
print(t[1], t[2000])
s := {}
for i := 1; i <= 500; i++ { s[i] = tostring((i * 37) % 501) }
table.sort(s)
print(s[1], s[2], s[250], s[500])
