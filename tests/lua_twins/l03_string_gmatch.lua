-- string.gmatch iteration
local text = "one=1, two=22, three=333; four = 4444"
for k, v in text:gmatch("(%a+)%s*=%s*(%d+)") do print(k, v, #v) end
for w in ("The rain in Spain stays mainly"):gmatch("%a*ain%a*") do print("ain", w) end
local n = 0
for _ in ("a,b,,c,"):gmatch("([^,]*)") do n = n + 1 end
print("fields incl. empty", n)
for pos, c in ("hello"):gmatch("()(l)") do print("pos", pos, c) end
for x in ("^a^b"):gmatch("^%a") do print("caret literal", x) end
for num in ("1.5 -2 3e2 0x10 .5"):gmatch("%S+") do print(num, tonumber(num)) end
