-- Fisher-Yates shuffle with a seeded generator
math.randomseed(2024)
local t = {}
for i = 1, 20 do t[i] = i end
for k = 1, 19 do local i = 21 - k; local j = math.random(i); t[i], t[j] = t[j], t[i] end
print(table.concat(t, " "))
local hist = {0, 0, 0, 0}
for i = 1, 1000 do local r = math.random(4); hist[r] = hist[r] + 1 end
print(table.concat(hist, " "))
local f = 0
for i = 1, 100 do f = f + math.random() end
print(string.format("%.10f", f))
