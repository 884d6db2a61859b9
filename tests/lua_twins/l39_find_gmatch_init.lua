-- init arguments of find/match/gmatch
local s = "ab12cd34ef56"
for init = -14, 14, 2 do print(init, s:find("%d+", init), s:match("%a+", init)) end
for w in s:gmatch("%d+", 5) do print("from 5", w) end
for w in s:gmatch("%a%a", -4) do print("from -4", w) end
print(s:find("", 13), s:find("", 14), s:match("()", 13))
