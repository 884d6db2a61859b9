-- tonumber with bases, tostring of numbers
local cases = {{"ff", 16}, {"FF", 16}, {"777", 8}, {"1010", 2}, {"zz", 36}, {"Zz", 36}, {"  -101  ", 2}, {"9", 8}, {"", 10}, {"12", 10}, {"7fffffffffffffff", 16}, {"ffffffffffffffff", 16}, {"10000000000000000", 16}, {"1.5", 10}, {"0x10", 16}, {"abc", 13}}
for _, c in ipairs(cases) do print(c[1], c[2], tonumber(c[1], c[2])) end
for b = 2, 36, 5 do print("base", b, tonumber("11", b), tonumber("z", b)) end
local n = 123456789
for _, b in ipairs({2, 8, 10, 16, 36}) do
  local digits, x = {}, n
  while x > 0 do local d = x % b digits[#digits + 1] = string.sub("0123456789abcdefghijklmnopqrstuvwxyz", d + 1, d + 1) x = x // b end
  local s = string.reverse(table.concat(digits))
  print(b, s, tonumber(s, b) == n)
end
