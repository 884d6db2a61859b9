-- sorting records by keys with a total order (ties broken by id)
local people = {}
local names = {"ann", "bob", "cid", "dee", "eve", "fay", "gus", "hal", "ivy", "jon", "kim", "lou"}
for i = 1, 12 do people[i] = {id = i, name = names[i], age = 20 + (i * 7) % 13} end
table.sort(people, function(a, b) return  a.age < b.age or (a.age == b.age and a.id < b.id)  end)
for _, p in ipairs(people) do io.write(p.name, ":", p.age, " ") end
print()
table.sort(people, function(a, b) return  a.name > b.name  end)
for _, p in ipairs(people) do io.write(p.name, " ") end
print()
local words = {}
for w in ("the quick brown fox jumps over the lazy dog again and again"):gmatch("%a+") do words[#words + 1] = w end
table.sort(words)
print(table.concat(words, " "))
