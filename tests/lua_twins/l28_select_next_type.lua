-- select, next on arrays, type, rawlen, tostring of plain values
local vals = {nil, true, false, 0, 1.5, "s", {}, print}
for i = 1, 8 do print(i, type(vals[i])) end
for i = -3, 4 do print("select", i, pcall(select, i, "a", "b", "c")) end
local arr = {"x", "y", "z"}
local k, v = next(arr)
while k do print("next", k, v) k, v = next(arr, k) end
print(next({}), rawlen({1, 2, 3}), rawlen("four"))
print(tostring(nil), tostring(true), tostring(12), tostring(-0.0), tostring("str"))
