-- string.rep and string.sub edge cases
for n = -1, 4 do print("rep", n, "[" .. ("ab"):rep(n) .. "]", "[" .. ("ab"):rep(n, ",") .. "]", #("x"):rep(n * 10)) end
local s = "abcdefgh"
local idx = {-10, -8, -3, -1, 0, 1, 2, 5, 8, 9, 20}
for _, i in ipairs(idx) do
  print(i, s:sub(i), s:sub(i, i), s:sub(1, i), s:sub(i, -2), s:sub(-i))
end
print(s:sub(3, 2), s:sub(0), s:sub(math.mininteger, math.maxinteger), ("")..("x"):sub(2))
