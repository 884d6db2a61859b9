// string extras (spec 12.2, GS): edge cases and argument errors
parts := string.split("a,,b", ",")
print(#parts, parts[1], parts[2] == "", parts[3], #string.split("", ","), string.split("", ",")[1] == "", #string.split("", ""))
print(string.join(string.split("abc", ""), "-"), string.join({1, 2.0, true, nil, 5}, "+"), string.join({}), string.join({"a", "b"}))
print(("a b"):split(" ")[2], ("x"):padLeft(3), ("  t  "):trim() .. "|", ("hi"):title(), ("ab"):count("") )
mt := {__tostring: func(v) { return "OBJ" }}
print(string.join({setmetatable({}, mt), "x"}, ","))
print(string.trimLeft("xxaxx", "x"), string.trimRight("xxaxx", "x"), string.trim("abcba", "ab"), string.trim("\v\f x \r\n") .. "|")
print(string.hasPrefix("abc", "abcd"), string.hasSuffix("abc", "abc"), string.contains("abc", "bc"), string.count("aaaaa", "aa"))
print(string.replaceAll("aaa", "a", "aa"), string.replaceAll("", "", "x"), string.replaceAll("abc", "", ""), string["repeat"]("ab", 2))
print(string.title("élan vital"), string.title("a\tb\nc"), string.padRight("abc", 2, "x"), string.padLeft("", 3, "ab"))
print(string.isNumeric("  0x10  "), string.isNumeric("1e"), string.isNumeric(12), string.isNumeric(nil), string.isNumeric({}))
print(pcall(string.split, "a"))
print(pcall(string.join, "abc"))
print(pcall(string.padLeft, "x", math.maxinteger))
print(pcall(string.rep, "x", math.maxinteger))
print(pcall(string.rep, "", math.maxinteger), pcall(string.rep, "x", 3, ""))
print(pcall(string.trim))
print(select("#", ("x"):split("x")), #("x"):split("x"))

// Expected output:
// expect: 3\ta\ttrue\tb\t1\ttrue\t0
// expect: a-b-c\t1+2.0+true\t\tab
// expect: b\t  x\tt|\tHi\t3
// expect: OBJ,x
// expect: axx\txxa\tc\tx|
// expect: false\ttrue\ttrue\t2
// expect: aaaaaa\tx\tabc\tabab
// expect: élan Vital\tA\tB
// expect: C\tabc\taba
// expect: true\tfalse\ttrue\tfalse\tfalse
// expect: false\tbad argument #2 to 'split' (string expected, got no value)
// expect: false\tbad argument #1 to 'join' (table expected, got string)
// expect: false\tresulting string too large
// expect: false\tresulting string too large
// expect: true\ttrue\txxx
// expect: false\tbad argument #1 to 'trim' (string expected, got no value)
// expect: 1\t2
