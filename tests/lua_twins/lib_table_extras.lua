-- table extras (map/filter/reduce/indexOf/contains/reverse/slice/unique/zip) vs Lua code
local function map(t, f) local r = {}; for i = 1, #t do r[i] = f(t[i], i) end return r end
local function filter(t, f) local r = {}; for i = 1, #t do if f(t[i], i) then r[#r + 1] = t[i] end end return r end
local function reduce(t, f, acc) for i = 1, #t do acc = f(acc, t[i]) end return acc end
local function indexOf(t, v) for i = 1, #t do if rawequal(t[i], v) then return i end end return nil end
local function contains(t, v) for _, x in pairs(t) do if rawequal(x, v) then return true end end return false end
local function reverse(t) local n = #t; for i = 1, n // 2 do t[i], t[n - i + 1] = t[n - i + 1], t[i] end return t end
local function slice(t, a, b) b = b or #t; local r = {}; for i = a, b do r[#r + 1] = t[i] end return r end
local function unique(t) local seen, r = {}, {}; for i = 1, #t do local v = t[i]; if not seen[v] then seen[v] = true; r[#r + 1] = v end end return r end
local function zip(a, b) local r = {}; for i = 1, math.min(#a, #b) do r[i] = {a[i], b[i]} end return r end
local t = {5, 3, 8, 1, 9, 3, 5}
print(table.concat(map(t, function(v, i) return  v * i  end), ","), table.concat(filter(t, function(v, i) return  v > 3 and i > 1  end), ","))
print(reduce(t, function(a, v) return  a + v  end, 0), reduce(t, function(a, v) return  a .. v  end, ""), reduce({}, function(a, v) return  a + v  end, 42))
print(indexOf(t, 3), indexOf(t, 7), indexOf(t, 5.0), contains(t, 9), contains({x = "y"}, "y"), contains(t, "5"))
print(table.concat(reverse({1, 2, 3, 4}), ","), table.concat(reverse({1, 2, 3}), ","), #reverse({}))
print(table.concat(slice(t, 2, 4), ","), table.concat(slice(t, 5), ","), #slice(t, 4, 2), table.concat(unique(t), ","), table.concat(unique({1, 1.0, "1"}), ","))
local z = zip({1, 2, 3}, {"a", "b"})
print(#z, z[1][1], z[1][2], z[2][1], z[2][2])
