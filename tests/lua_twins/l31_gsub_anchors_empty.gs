// gsub with anchors, empty matches and special characters
tests := {{"hello", "^", ">"}, {"hello", "$", "<"}, {"hello", "x*", "-"}, {"hello", "l*", "L"}, {"a.b.c", "%.", "/"}, {"a.b.c", ".", "!"},
    {"  lead", "^%s+", ""}, {"trail  ", "%s+$", ""}, {"aaa", "a-", "#"}, {"abc", ".-", "."}, {"", "", "e"}, {"x", "^x$", "y"}, {"100%", "%%", " percent"}}
for _, t := range ipairs(tests) { print(t[1], t[2], t[3], t[1]:gsub(t[2], t[3])) }
print(("one two"):gsub("(%w+)", "[%0]"), ("x"):gsub("x", "%%1"))
