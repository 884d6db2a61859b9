// gsub/gmatch empty-match and anchor subtleties
print(("hello world"):gsub("o*", "X"))
print(("abc"):gsub(".-", "-"))
print(("aaa"):gsub("^a", "b"), ("aaa"):gsub("a$", "b"), ("a\nb"):gsub("^", "> "))
print(("one  two"):gsub("%s*", "_"))
print(("abc"):gsub("%w*", "[%0]"), ("abc def"):gsub("%f[%w]", "^"), ("abc def"):gsub("%f[%W]", "$"))
n := 0
for w := range ("  a  b  "):gmatch("%s*") { n = n + 1 }
print(n)
print(string.gsub("abc", "b", "%%1"), string.gsub("abc", "(b)", "[%1%1]"), string.gsub("a.b", "%.", "%%"))
