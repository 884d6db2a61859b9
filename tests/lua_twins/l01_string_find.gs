// string.find: patterns, init, plain, captures
s := "hello world, hello lua"
pats := {"hello", "o", "l+", "(h)(e)", "%s", "wor", "xyz", "%a+$", "^hello", "^world", ",", "()o()"}
for _, p := range ipairs(pats) { print(p, s:find(p)) }
for init := -30; init <= 25; init += 5 { print("init", init, s:find("hello", init), s:find("o", init)) }
print(s:find(".", 1, true), s:find("l+", 1, true), ("a.b.c"):find(".", 2, true), ("a+b"):find("+", 1, true))
print((""):find(""), ("abc"):find("", 10), ("abc"):find("", 4), ("abc"):find("", 3))
