-- while/repeat style loops, break, nested loops with flags
local n, steps = 27, 0
while n ~= 1 do
  if n % 2 == 0 then n = n // 2 else n = 3 * n + 1 end
  steps = steps + 1
  if steps % 10 == 0 then print("collatz", steps, n) end
end
print("steps", steps)
local i = 0
repeat i = i + 1 until i * i > 200
print("repeat", i)
for a = 1, 20 do
  local found = false
  for b = a, 20 do
    local c2 = a * a + b * b
    local c = math.floor(math.sqrt(c2) + 0.5)
    if c * c == c2 and c <= 25 then print("triple", a, b, c) found = true break end
  end
end
local k = 10
while true do k = k - 3 if k < 0 then break end print("k", k) end
