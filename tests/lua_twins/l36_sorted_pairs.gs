// iterate hash keys in sorted order (traversal order itself is not compared)
inventory := {apples: 5, pears: 2, kiwis: 12, figs: 0, dates: 7, limes: 3}
keys := {}
for k := range pairs(inventory) { keys[#keys + 1] = k }
table.sort(keys)
for i, k := range ipairs(keys) { print(i, k, inventory[k]) }
table.sort(keys, func(a, b) { return inventory[a] > inventory[b] })
for i, k := range ipairs(keys) { print("by count", i, k, inventory[k]) }
n, sum := 0, 0
for k, v := range pairs(inventory) { n = n + 1; sum = sum + v }
print(n, sum)
