-- gsub/gmatch empty-match and anchor subtleties
print(("hello world"):gsub("o*", "X"))
print(("abc"):gsub(".-", "-"))
print(("aaa"):gsub("^a", "b"), ("aaa"):gsub("a$", "b"), ("a\nb"):gsub("^", "> "))
print(("one  two"):gsub("%s*", "_"))
print(("abc"):gsub("%w*", "[%0]"), ("abc def"):gsub("%f[%w]", "^"), ("abc def"):gsub("%f[%W]", "$"))
local n = 0
for w in ("  a  b  "):gmatch("%s*") do n = n + 1 end
print(n)
print(string.gsub("abc", "b", "%%1"), string.gsub("abc", "(b)", "[%1%1]"), string.gsub("a.b", "%.", "%%"))
