-- string.upper/lower/reverse/len on ASCII and non-ASCII bytes
local ss = {"Hello World", "ALL CAPS", "mixed123CASE", "", "é and ü", "tab\tand\nnewline", "a", "racecar", "12345"}
for _, s in ipairs(ss) do
  print(#s, s:len(), s:upper(), s:lower(), s:reverse(), s:reverse() == s, string.len(s) == #s)
end
local pal = {}
for _, w in ipairs({"level", "lua", "noon", "gscript", "abba"}) do pal[#pal + 1] = w .. "=" .. tostring(w == w:reverse()) end
print(table.concat(pal, " "))
