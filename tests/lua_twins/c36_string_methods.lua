-- string methods via the string metatable
local words = {"hello", "World", "LuA", "", "a b c", "12abc"}
for _, s in ipairs(words) do
  print(s:len(), s:upper(), s:lower(), s:reverse(), s:rep(2, "/"), s:sub(2, -2), ("[" .. s .. "]"):len())
end
local s = "The quick brown fox"
print(s:find("quick"), s:match("(%a+) fox"), s:gsub("o", "0"))
print(s:byte(1, 3), #s, s:sub(-3), s:sub(5, 9):upper())
print(("x"):rep(0), ("ab"):rep(3), ("%d"):format(42), ("%5.1f"):format(3.14159))
