-- string.gmatch iteration forms
for w in ("one two  three"):gmatch("%a+") do io.write("[", w, "]") end
print()
for k, v in ("a=1, b=22, ccc=333"):gmatch("(%w+)=(%w+)") do io.write(k, ":", v, ";") end
print()
for p in ("abc"):gmatch("()") do io.write(p, " ") end
print()
for x in ("abc"):gmatch("") do io.write("<", x, ">") end
print()
for x in ("a,b,,c"):gmatch("([^,]*)") do io.write("<", x, ">") end
print()
for x in ("^a^b"):gmatch("^%a") do io.write(x, ".") end
print()
local it = ("1 2 3"):gmatch("%d")
print(it(), it(), it(), it())
