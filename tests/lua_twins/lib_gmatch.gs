// string.gmatch iteration forms
for w := range ("one two  three"):gmatch("%a+") { io.write("[", w, "]") }
print()
for k, v := range ("a=1, b=22, ccc=333"):gmatch("(%w+)=(%w+)") { io.write(k, ":", v, ";") }
print()
for p := range ("abc"):gmatch("()") { io.write(p, " ") }
print()
for x := range ("abc"):gmatch("") { io.write("<", x, ">") }
print()
for x := range ("a,b,,c"):gmatch("([^,]*)") { io.write("<", x, ">") }
print()
for x := range ("^a^b"):gmatch("^%a") { io.write(x, ".") }
print()
it := ("1 2 3"):gmatch("%d")
print(it(), it(), it(), it())
