-- %f frontier, %b balance, back-references
local s = "THE (quick) [brown] {fox} jumps (over (the) lazy) dog"
for w in s:gmatch("%f[%a]%a+%f[%A]") do io.write(w, ";") end print()
for b in s:gmatch("%b()") do print("paren", b) end
print(s:match("%b[]"), s:match("%b{}"), s:gsub("%b()", "<>"))
print(("hello hello world world"):gsub("(%a+) %1", "%1"))
print(("abcabcabc"):find("(abc)%1"), ("x=1,y=22"):match("(%a)=(%d+),(%a)=(%d+)"))
print(("THE END"):gsub("%f[%w]%w+", function(w) return w:lower() end))
print(("a-b c_d"):gsub("%f[%w_]", "|"))
print(("[[nested]]"):match("%b[]"), ("no close ("):match("%b()"))
print(string.find("  x", "%f[%S]"), string.find("end", "%f[%z]"))
