// rotating a list with table.insert/remove at the front
t := {1, 2, 3, 4, 5, 6}
for i := 1; i <= 8; i++ {
    table.insert(t, table.remove(t, 1))
    print("left", i, table.concat(t, " "))
}
for i := 1; i <= 4; i++ {
    table.insert(t, 1, table.remove(t))
    print("right", i, table.concat(t, " "))
}
d := {}
for i := 1; i <= 5; i++ { table.insert(d, 1, i); table.insert(d, i * 10) }
print(#d, table.concat(d, ","))
