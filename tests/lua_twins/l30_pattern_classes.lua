-- count bytes 0..255 matched by each class and its complement
local all = {}
for b = 0, 255 do all[#all + 1] = string.char(b) end
local s = table.concat(all)
for _, c in ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"}) do
  local _, n = s:gsub("%" .. c, "")
  local _, m = s:gsub("%" .. c:upper(), "")
  local first = s:match("%" .. c)
  print(c, n, m, n + m, first and first:byte() or "-")
end
local _, n1 = s:gsub("[a-f0-3]", "")
local _, n2 = s:gsub("[^%w%s]", "")
local _, n3 = s:gsub("[]]", "")
local _, n4 = s:gsub("[%]%-]", "")
local _, n5 = s:gsub(".", "")
print(n1, n2, n3, n4, n5)
