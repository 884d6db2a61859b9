-- string.find: patterns, init, plain, captures
local s = "hello world, hello lua"
local pats = {"hello", "o", "l+", "(h)(e)", "%s", "wor", "xyz", "%a+$", "^hello", "^world", ",", "()o()"}
for _, p in ipairs(pats) do print(p, s:find(p)) end
for init = -30, 25, 5 do print("init", init, s:find("hello", init), s:find("o", init)) end
print(s:find(".", 1, true), s:find("l+", 1, true), ("a.b.c"):find(".", 2, true), ("a+b"):find("+", 1, true))
print((""):find(""), ("abc"):find("", 10), ("abc"):find("", 4), ("abc"):find("", 3))
