// init arguments of find/match/gmatch
s := "ab12cd34ef56"
for init := -14; init <= 14; init += 2 { print(init, s:find("%d+", init), s:match("%a+", init)) }
for w := range s:gmatch("%d+", 5) { print("from 5", w) }
for w := range s:gmatch("%a%a", -4) { print("from -4", w) }
print(s:find("", 13), s:find("", 14), s:match("()", 13))
