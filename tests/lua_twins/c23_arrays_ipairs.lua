-- array traversal with ipairs and numeric loops, holes stop ipairs
local t = {}
for i = 1, 12 do t[#t + 1] = i * i end
for i, v in ipairs(t) do print(i, v) end
local s = 0
for i = #t, 1, -2 do s = s + t[i] print("rev", i, t[i], s) end
local holes = {1, 2, nil, 4}
local n = 0
for _ in ipairs(holes) do n = n + 1 end
print("ipairs stops at hole", n)
local m = {{1, 2, 3}, {4, 5, 6}}
for r, row in ipairs(m) do for c, v in ipairs(row) do print(r, c, v) end end
