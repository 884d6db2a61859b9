// string.gmatch iteration
text := "one=1, two=22, three=333; four = 4444"
for k, v := range text:gmatch("(%a+)%s*=%s*(%d+)") { print(k, v, #v) }
for w := range ("The rain in Spain stays mainly"):gmatch("%a*ain%a*") { print("ain", w) }
n := 0
for _ := range ("a,b,,c,"):gmatch("([^,]*)") { n = n + 1 }
print("fields incl. empty", n)
for pos, c := range ("hello"):gmatch("()(l)") { print("pos", pos, c) }
for x := range ("^a^b"):gmatch("^%a") { print("caret literal", x) }
for num := range ("1.5 -2 3e2 0x10 .5"):gmatch("%S+") { print(num, tonumber(num)) }
