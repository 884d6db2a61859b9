// sorting records by keys with a total order (ties broken by id)
people := {}
names := {"ann", "bob", "cid", "dee", "eve", "fay", "gus", "hal", "ivy", "jon", "kim", "lou"}
for i := 1; i <= 12; i++ { people[i] = {id:  i, name:  names[i], age:  20 + (i * 7) % 13} }
table.sort(people, func(a, b) { return  a.age < b.age || (a.age == b.age && a.id < b.id)  })
for _, p := range ipairs(people) { io.write(p.name, ":", p.age, " ") }
print()
table.sort(people, func(a, b) { return  a.name > b.name  })
for _, p := range ipairs(people) { io.write(p.name, " ") }
print()
words := {}
for w := range ("the quick brown fox jumps over the lazy dog again and again"):gmatch("%a+") { words[#words + 1] = w }
table.sort(words)
print(table.concat(words, " "))
