-- iterate hash keys in sorted order (traversal order itself is not compared)
local inventory = {apples = 5, pears = 2, kiwis = 12, figs = 0, dates = 7, limes = 3}
local keys = {}
for k in pairs(inventory) do keys[#keys + 1] = k end
table.sort(keys)
for i, k in ipairs(keys) do print(i, k, inventory[k]) end
table.sort(keys, function(a, b) return inventory[a] > inventory[b] end)
for i, k in ipairs(keys) do print("by count", i, k, inventory[k]) end
local n, sum = 0, 0
for k, v in pairs(inventory) do n = n + 1 sum = sum + v end
print(n, sum)
