-- string.gsub with string replacements
local s = "hello world from lua"
local cases = {{"o", "0"}, {"(%w+)", "<%1>"}, {"%w+", "%0%0"}, {"(%w+) (%w+)", "%2 %1"}, {"l", "%%"}, {"^h", "H"}, {"a$", "A!"}, {"%s+", "_"}, {"x", "y"}, {"", "."}}
for _, c in ipairs(cases) do print(c[1], c[2], s:gsub(c[1], c[2])) end
for n = -1, 4 do print("limit", n, s:gsub("o", "*", n)) end
print(("abc"):gsub("b*", "-"))
print(("a1b22c333"):gsub("%d+", "#"))
print(("path/to/file.txt"):gsub("[/.]", {["/"] = "\\", ["."] = "_"}))
