-- utf8.offset
local s = "aé€😀b"
for n = -6, 7 do print("n", n, utf8.offset(s, n)) end
for i = 1, #s + 1 do print("i", i, utf8.offset(s, 0, i)) end
print(utf8.offset(s, 1, 2), utf8.offset(s, 2, 2), utf8.offset(s, -1, 4))
print(pcall(utf8.offset, s, 1, 3))
