-- string.rep with separators: lengths and contents
for n = 0, 6 do
  local a = string.rep("ab", n, "-")
  local b = string.rep("", n, ",")
  local c = string.rep("x", n * 100, "")
  print(n, a, #a, b, #b, #c, c:sub(1, 3), select(2, a:gsub("-", "")))
end
local big = string.rep("0123456789", 1000)
print(#big, big:sub(9995, 10000), select(2, big:gsub("5", "")), big:find("90", 100, true))
