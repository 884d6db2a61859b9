-- integer arithmetic: + - * % // and results
local vals = {0, 1, -1, 7, -7, 3, 100, -100, 12345}
for i = 1, #vals do
  local a = vals[i]
  local b = vals[(i % #vals) + 1]
  if b ~= 0 then
    print(a, b, a + b, a - b, a * b, a % b, a // b)
  else
    print(a, b, a + b, a - b, a * b)
  end
end
