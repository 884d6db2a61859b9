-- sorting with comparators (distinct keys so stability does not matter)
local people = {{"ann", 31}, {"bob", 25}, {"cid", 47}, {"dee", 19}, {"eve", 38}, {"fay", 22}}
table.sort(people, function(a, b) return a[2] < b[2] end)
for i, p in ipairs(people) do print(i, p[1], p[2]) end
table.sort(people, function(a, b) return a[1] > b[1] end)
for i, p in ipairs(people) do print(i, p[1], p[2]) end
local nums = {5, 3, 9, 1, 7, 2, 8, 6, 4, 10, -3, 0}
table.sort(nums)
print(table.concat(nums, " "))
table.sort(nums, function(a, b) return a > b end)
print(table.concat(nums, " "))
table.sort(nums, function(a, b) return (a % 5) * 100 + a < (b % 5) * 100 + b end)
print(table.concat(nums, " "))
local words = {"pear", "Apple", "fig", "banana", "Cherry", "date"}
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return a:lower() < b:lower() end)
print(table.concat(words, " "))
