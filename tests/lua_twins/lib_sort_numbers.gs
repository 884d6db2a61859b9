// table.sort on numbers with default and custom orders
t := {5, 3, 8, 1, 9, 2, 7, 4, 6, 0, -1, 3.5, 2.5, 100, -50}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, func(a, b) { return  a > b  })
print(table.concat(t, " "))
big := {}
for i := 1; i <= 200; i++ { big[i] = (i * 7919) % 1009 }
table.sort(big)
ok := true
for i := 2; i <= 200; i++ { if big[i - 1] > big[i] { ok = false } }
print(ok, big[1], big[100], big[200])
m := {3, 1.5, 2, -0.5, 1, 2.25}
table.sort(m)
print(table.concat(m, ","))
