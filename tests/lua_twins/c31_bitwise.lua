-- bitwise operators (xor is ~ in Lua, ^ in GScript; &^ written as a & ~b)
local vals = {0, 1, 5, 255, -1, 0x7F, 1 << 40, math.mininteger, math.maxinteger, 12345}
for i = 1, #vals do
  local a, b = vals[i], vals[#vals - i + 1]
  print(a, b, a & b, a | b, a ~ b, ~a, a & ~b)
end
for s = -2, 66, 4 do print("shift", s, 1 << s, -1 >> s, 0xFF << s, math.mininteger >> s) end
local x = 0
for i = 0, 15, 3 do x = x | (1 << i) end
print(x, x & 0xF0, (x >> 2) ~ 0x5)
