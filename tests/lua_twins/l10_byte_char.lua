-- string.byte and string.char
local s = "Hello\0World\255"
print(#s, s:byte(), s:byte(6), s:byte(-1), s:byte(100))
print(s:byte(1, 5))
print(s:byte(-3, -1))
print(select("#", s:byte(5, 2)), select("#", s:byte(1, -1)))
local codes = {}
for i = 1, #s do codes[#codes + 1] = s:byte(i) end
print(table.concat(codes, " "))
print(string.char(72, 105, 33), #string.char(), string.char(0, 255):byte(1, 2))
local rot = {}
for c in ("Hello, World!"):gmatch(".") do
  local b = c:byte()
  if b >= 65 and b <= 90 then b = (b - 65 + 13) % 26 + 65 elseif b >= 97 and b <= 122 then b = (b - 97 + 13) % 26 + 97 end
  rot[#rot + 1] = string.char(b)
end
print(table.concat(rot))
for b = 32, 126, 8 do print(b, string.char(b, b + 1, b + 2, b + 3)) end
