// select, next on arrays, type, rawlen, tostring of plain values
vals := {nil, true, false, 0, 1.5, "s", {}, print}
for i := 1; i <= 8; i++ { print(i, type(vals[i])) }
for i := -3; i <= 4; i++ { print("select", i, pcall(_G.select, i, "a", "b", "c")) }
arr := {"x", "y", "z"}
k, v := next(arr)
for k { print("next", k, v); k, v = next(arr, k) }
print(next({}), rawlen({1, 2, 3}), rawlen("four"))
print(tostring(nil), tostring(true), tostring(12), tostring(-0.0), tostring("str"))
