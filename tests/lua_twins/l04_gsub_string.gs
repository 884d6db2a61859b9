// string.gsub with string replacements
s := "hello world from lua"
cases := {{"o", "0"}, {"(%w+)", "<%1>"}, {"%w+", "%0%0"}, {"(%w+) (%w+)", "%2 %1"}, {"l", "%%"}, {"^h", "H"}, {"a$", "A!"}, {"%s+", "_"}, {"x", "y"}, {"", "."}}
for _, c := range ipairs(cases) { print(c[1], c[2], s:gsub(c[1], c[2])) }
for n := -1; n <= 4; n++ { print("limit", n, s:gsub("o", "*", n)) }
print(("abc"):gsub("b*", "-"))
print(("a1b22c333"):gsub("%d+", "#"))
print(("path/to/file.txt"):gsub("[/.]", {["/"]: "\\", ["."]: "_"}))
