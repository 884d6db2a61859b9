// string.split/join/fields vs equivalent Lua code
split := string.split; join := string.join; fields := string.fields
cases := {"a,b,c", "a,,b", ",", "", "abc", ",a,", "a, b , c"}
for _, c := range ipairs(cases) { p := split(c, ","); print(#p, join(p, "|")) }
print(join(split("a--b----c", "--"), "+"), #split("abc", ""), join(split("abc", ""), "."), #split("", ""))
print(join({1, 2.5, true, "x"}, ", "), join({}, ","), join({"only"}))
f := fields("  one two\tthree\n\vfour  ")
print(#f, join(f, "|"), #fields(""), #fields("   "))
