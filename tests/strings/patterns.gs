// Lua patterns (12.2.1): classes, anchors, captures, frontier, balance.
print(("hello world"):match("^(%w+)"), ("hello"):match("l+"))          // expect: hello\tll
print(("  trim  "):match("^%s*(.-)%s*$") .. "|")                      // expect: trim|
print(("key = value"):match("(%w+)%s*=%s*(%w+)"))                    // expect: key\tvalue
print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))                     // expect: 2024\t01\t15
print(string.find("abc", "b", 1, true), string.find("a+b", "+", 1, true))   // expect: 2\t2\t2
print(string.find("hello", "l"), string.find("hello", "xyz"))        // expect: 3\tnil
print(string.find("hello", "()ll()"))                                 // expect: 3\t4\t3\t5
print(("THE (quick) fox"):find("%((%a+)%)"))                          // expect: 5\t11\tquick
print(("f(a(b)c)d"):match("%b()"))                                    // expect: (a(b)c)
print(("THE quick"):gsub("%f[%a]%a+", "W"))                           // expect: W W\t2
print(("hello"):gsub("l", {l: "L"}), ("abc"):gsub("%w", "%0%0"))      // expect: heLLo\taabbcc\t3
print(("abc"):gsub("", "-"))                                          // expect: -a-b-c-\t4
print(("hello world"):gsub("o", "0", 1))                              // expect: hell0 world\t1
print(("a,b,,c"):gsub(",", ";"))                                      // expect: a;b;;c\t3
print(("abc"):gsub("(a)(b)", "%2%1"))                                 // expect: bac\t1
print(("x = 1"):gsub("%s", ""))                                       // expect: x=1\t2
print(("hello"):gsub(".", func(c) { return c:byte() .. " " }))        // expect: 104 101 108 108 111 \t5
out := {}
for w := range string.gmatch("one two  three", "%a+") { out[#out + 1] = w }
print(table.concat(out, "|"))                                         // expect: one|two|three
for k, v := range string.gmatch("a=1, b=2", "(%w+)=(%w+)") { io.write(k, v, ";") }
print()                                                               // expect: a1;b2;
print(string.match("  x", "^x"), string.match("x", "^x$"), string.match("ab", "a$"))   // expect: nil\tx\tnil
print(string.match("[test]", "%[(.-)%]"), string.match("1.5", "%d%.%d"))            // expect: test\t1.5
print(pcall(string.find, "a", "%"))                                   // expect: false\tmalformed pattern (ends with '%')
print(pcall(string.find, "a", "[a"))                                  // expect: false\tmalformed pattern (missing ']')
print(pcall(string.gsub, "a", "a", "%2"))                             // expect: false\tinvalid capture index %2
