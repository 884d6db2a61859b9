-- string.format %s and %q
local vals = {"plain", "", "with space", 42, 4.5, 2.0, true, false, nil}
for i = 1, 9 do
  local v = vals[i]
  print(string.format("[%s] [%10s] [%-10s] [%.3s]", tostring(v), v == nil and "nil" or v, tostring(v), tostring(v)))
end
local qs = {"simple", "quote\"d", "back\\slash", "new\nline", "tab\tchar", "nul\0byte", "\r\n", "bell\a", "\1" .. "992", "é"}
for _, s in ipairs(qs) do print(string.format("%q", s)) end
print(string.format("%q %q %q %q", 1, -7, math.mininteger, 0.5))
print(string.format("%q %q %q", 1/0, -1/0, 2^63))
print(string.format("%s %s", 1, 1.0), string.format("%5s|%-5s|", 12, 1.5))
