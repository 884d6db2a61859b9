// sorting with comparators (distinct keys so stability does not matter)
people := {{"ann", 31}, {"bob", 25}, {"cid", 47}, {"dee", 19}, {"eve", 38}, {"fay", 22}}
table.sort(people, func(a, b) { return a[2] < b[2] })
for i, p := range ipairs(people) { print(i, p[1], p[2]) }
table.sort(people, func(a, b) { return a[1] > b[1] })
for i, p := range ipairs(people) { print(i, p[1], p[2]) }
nums := {5, 3, 9, 1, 7, 2, 8, 6, 4, 10, -3, 0}
table.sort(nums)
print(table.concat(nums, " "))
table.sort(nums, func(a, b) { return a > b })
print(table.concat(nums, " "))
table.sort(nums, func(a, b) { return (a % 5) * 100 + a < (b % 5) * 100 + b })
print(table.concat(nums, " "))
words := {"pear", "Apple", "fig", "banana", "Cherry", "date"}
table.sort(words)
print(table.concat(words, " "))
table.sort(words, func(a, b) { return a:lower() < b:lower() })
print(table.concat(words, " "))
