// string.hasPrefix/hasSuffix/contains/count/replaceAll vs equivalent Lua code
hasPrefix := string.hasPrefix; hasSuffix := string.hasSuffix; contains := string.contains; count := string.count; replaceAll := string.replaceAll
s := "hello world hello"
print(hasPrefix(s, "hello"), hasPrefix(s, "world"), hasPrefix(s, ""), hasPrefix("", "a"), hasSuffix(s, "llo"), hasSuffix(s, ""), hasSuffix("a", "ba"))
print(contains(s, "o w"), contains(s, "%"), contains(s, ""), contains("", ""), contains("a.b", "."))
print(count("cheese", "e"), count("aaaa", "aa"), count("abc", ""), count("", ""), count("abc", "x"), count("a.a.a", "."))
print(replaceAll("a-b-c", "-", "+"), replaceAll("aaaa", "aa", "b"), replaceAll("abc", "", "-"), replaceAll("x%y", "%", "%%"), replaceAll("abc", "abcd", "z"))
