// table.insert / table.remove
t := {}
for i := 1; i <= 5; i++ { table.insert(t, i * 10); print("append", i, table.concat(t, ",")) }
table.insert(t, 1, 5); print(table.concat(t, ","))
table.insert(t, 4, 25); print(table.concat(t, ","))
table.insert(t, #t + 1, 99); print(table.concat(t, ","))
print(table.remove(t), table.concat(t, ","))
print(table.remove(t, 1), table.concat(t, ","))
print(table.remove(t, 3), table.concat(t, ","))
print(table.remove(t, #t + 1), table.concat(t, ","))
for #t > 0 { print("pop", table.remove(t), #t) }
print(table.remove(t), table.remove({}), #t)
q := {"a", "b", "c"}
table.insert(q, 2, "X")
print(table.concat(q, ""), table.remove(q, 2), table.concat(q, ""))
