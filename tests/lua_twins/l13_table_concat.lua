-- table.concat with separators, ranges and numbers
local t = {1, 2.5, "x", 3.0, -0.0, 10, "end"}
print(table.concat(t))
print(table.concat(t, ", "))
for i = 0, 8 do print(i, "[" .. table.concat(t, "|", i > 0 and i or 1, math.min(i + 2, #t)) .. "]") end
print("[" .. table.concat({}, ",") .. "]", "[" .. table.concat(t, ",", 3, 2) .. "]", table.concat({"a"}, ","))
print(table.concat({1, 2, 3}, 0), table.concat({"a", "b"}, 1.5))
