// string.gsub with string replacements and limits
print(("hello world"):gsub("o", "0"), ("hello world"):gsub("o", "0", 1), ("abc"):gsub("", "-"))
print(("abc"):gsub("%w", "%0%0"), ("hello"):gsub("(l)(l)", "%2%1"), ("a b"):gsub("%s", "%%"))
print(("abc"):gsub(".", "%1"), ("x"):gsub("x", "a%%b"), ("hello"):gsub("l", "L", 0))
print(("hello"):gsub("l", "L", -1), ("aaa"):gsub("a*", "-"), ("abc"):gsub("b*", "X"))
print(("one two"):gsub("(%w+) (%w+)", "%2 %1"), ("path/to/file"):gsub("/", "\\"))
print(("  x  "):gsub("^%s+", ""), ("abc"):gsub("$", "!"), ("abc"):gsub("^", ">"))
print(string.gsub("hello", "", "."), string.gsub("", "", "x"), string.gsub("abc", "()", "%1"))
