-- string <-> number coercions
local strs = {"10", "3.5", " 7 ", "0x10", "1e2", "-4", "0xff", "  0x1p4  ", ".5", "5."}
for _, s in ipairs(strs) do
  print(s, s + 1, s * 2, s - 0.5, -s, tonumber(s), math.type(tonumber(s)))
end
local bad = {"", "abc", "1e", "0x", "1 2", "inf", "nan", "- 1"}
for _, s in ipairs(bad) do print("[" .. s .. "]", tonumber(s)) end
print(10 .. 20, 1.5 .. "", -0.0 .. "x", 2^63 .. "", math.mininteger .. "")
print("10" == 10, tostring(10) == "10", 10 .. "" == "10")
