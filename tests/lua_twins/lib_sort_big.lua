-- table.sort on a larger pseudo-random array (a total order)
local t = {}
local x = 12345
for i = 1, 2000 do x = (x * 1103515245 + 12345) % 2147483648; t[i] = x % 100000 end
table.sort(t)
local sum = 0
for i = 1, 2000 do sum = sum + t[i] * i end
print(t[1], t[2], t[1000], t[1999], t[2000], sum)
table.sort(t, function(a, b) return  a > b  end)
print(t[1], t[2000])
local s = {}
for i = 1, 500 do s[i] = tostring((i * 37) % 501) end
table.sort(s)
print(s[1], s[2], s[250], s[500])
