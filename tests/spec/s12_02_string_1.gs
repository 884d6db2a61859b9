print(("hello"):byte(1, -1))                         // expect: 104\t101\t108\t108\t111
print(string.find("a.b", ".", 1, true), string.find("hello world", "o w"))   // expect: 2\t5\t7
print(string.match("key=val", "(%w+)=(%w+)"))        // expect: key\tval
print(string.gsub("hello world", "o", "0"))          // expect: hell0 w0rld\t2
print(string.gsub("abc", "%w", "%0%0"))              // expect: aabbcc\t3
print(string.gsub("$name is $age", "%$(%w+)", {name: "bob", age: 42}))   // expect: bob is 42\t2
print(string.gsub("abc", "", "-"))                   // expect: -a-b-c-\t4
print(string.rep("ab", 3, ","), string.sub("hello", 2, -2), string.sub("abc", -100, 100))   // expect: ab,ab,ab\tell\tabc
for k, v := range string.gmatch("a=1, b=2", "(%w+)=(%w+)") { io.write(k, v, ";") }
print()                                              // expect: a1;b2;
print(("f(a(b)c)d"):match("%b()"), ("THE (quick) fox"):find("%((%a+)%)"))   // expect: (a(b)c)\t5\t11\tquick
parts := string.split("a,,b", ",")
print(#parts, parts[2] == "", string.join(parts, "|"))   // expect: 3\ttrue\ta||b
print(#string.fields("  one two\tthree\n"), string.trim("  x  ") .. "|", string.trim("xxhixx", "x"))   // expect: 3\tx|\thi
print(string.padLeft("7", 3, "0"), string.padRight("ab", 5, "-="), string.title("hello big world"))   // expect: 007\tab-=-\tHello Big World
print(string.count("cheese", "e"), string.replaceAll("a-b-c", "-", "+"), string.isNumeric("0x1F"), string.isNumeric("1_0"))
// expect: 3\ta+b+c\ttrue\tfalse
print(pcall(string.rep))                             // expect: false\tbad argument #1 to 'rep' (string expected, got no value)
