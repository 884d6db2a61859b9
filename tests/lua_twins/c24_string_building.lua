-- building strings: concatenation, table.concat, rep, format
local s = ""
for i = 1, 10 do s = s .. i .. (i < 10 and "," or "") print(#s, s) end
local parts = {}
for i = 1, 8 do parts[#parts + 1] = string.rep("*", i) end
print(table.concat(parts, "|"))
local lines = {}
for i = 1, 5 do lines[i] = string.format("%-6s|%5d|%8.3f", "row" .. i, i * 111, i / 7) end
for _, l in ipairs(lines) do print(l) end
local b = {}
for c = 65, 90 do b[#b + 1] = string.char(c) end
print(table.concat(b), table.concat(b, "", 5, 10), #table.concat(b, "--"))
