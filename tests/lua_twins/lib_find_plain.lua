-- string.find: plain, init, negative init, special chars
local s = "hello world, hello lua"
print(s:find("hello"), s:find("hello", 2), s:find("hello", -9), s:find("xyz"))
print(s:find("o w"), s:find(".", 1, true), s:find(",", 1, true), s:find("l+"))
print(s:find("", 5), s:find("", 100), s:find("", #s + 1), s:find("lua", -3))
print(("a.b.c"):find(".", 2, true), ("a+b"):find("+", 1, true), ("x[y]"):find("[", 1, true))
print(("abc"):find("b", -100), ("abc"):find("c", 0), ("aaa"):find("a", 10))
