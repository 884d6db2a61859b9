-- comparisons between numbers and strings
local nums = {1, 1.0, 2, -0.0, 0, 2^53, 9007199254740993, math.maxinteger, 2^63, -math.huge}
for i = 1, #nums do
  for j = i, #nums do
    local a, b = nums[i], nums[j]
    print(i, j, a == b, a < b, a <= b, a > b, a >= b, a ~= b)
  end
end
local ss = {"", "a", "A", "ab", "b", "abc", "10", "9"}
for i = 1, #ss - 1 do print(ss[i], ss[i + 1], ss[i] < ss[i + 1], ss[i] == ss[i + 1]) end
