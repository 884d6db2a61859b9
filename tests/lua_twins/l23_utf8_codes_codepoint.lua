-- utf8.codes and utf8.codepoint
for p, c in utf8.codes("hé€😀!") do print(p, c, utf8.char(c)) end
local s = "añb€c"
print(utf8.codepoint(s))
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 2), utf8.codepoint(s, 4), utf8.codepoint(s, 5, 8))
print(pcall(utf8.codepoint, s, 3))
local ok, err = pcall(function() for p, c in utf8.codes("ab\xffc") do end end)
print(ok, (err:gsub("^[^:]*:%d+: ", "")))
local total = 0
for _, c in utf8.codes("Grüße, 世界") do total = total + c end
print(total)
