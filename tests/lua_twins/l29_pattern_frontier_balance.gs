// %f frontier, %b balance, back-references
s := "THE (quick) [brown] {fox} jumps (over (the) lazy) dog"
for w := range s:gmatch("%f[%a]%a+%f[%A]") { io.write(w, ";") }; print()
for b := range s:gmatch("%b()") { print("paren", b) }
print(s:match("%b[]"), s:match("%b{}"), s:gsub("%b()", "<>"))
print(("hello hello world world"):gsub("(%a+) %1", "%1"))
print(("abcabcabc"):find("(abc)%1"), ("x=1,y=22"):match("(%a)=(%d+),(%a)=(%d+)"))
print(("THE END"):gsub("%f[%w]%w+", func(w) { return w:lower() }))
print(("a-b c_d"):gsub("%f[%w_]", "|"))
print(("[[nested]]"):match("%b[]"), ("no close ("):match("%b()"))
print(string.find("  x", "%f[%S]"), string.find("end", "%f[%z]"))
