-- table.sort on numbers with default and custom orders
local t = {5, 3, 8, 1, 9, 2, 7, 4, 6, 0, -1, 3.5, 2.5, 100, -50}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return  a > b  end)
print(table.concat(t, " "))
local big = {}
for i = 1, 200 do big[i] = (i * 7919) % 1009 end
table.sort(big)
local ok = true
for i = 2, 200 do if big[i - 1] > big[i] then ok = false end end
print(ok, big[1], big[100], big[200])
local m = {3, 1.5, 2, -0.5, 1, 2.25}
table.sort(m)
print(table.concat(m, ","))
