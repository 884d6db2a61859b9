-- math.fmod / math.modf / % on mixed signs
local pairs_ = {{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {7.5, 2}, {-7.5, 2}, {1, 0.3}, {5, math.huge}, {-5, math.huge}, {0, 5}, {math.mininteger, -1}, {6, 4}}
for _, p in ipairs(pairs_) do
  local a, b = p[1], p[2]
  print(a, b, math.fmod(a, b), a % b, math.type(math.fmod(a, b)))
end
for _, v in ipairs({3.7, -3.7, 5, -0.5, 1e300, 1/0, -1/0, 0.0, 2^52 + 0.5}) do print("modf", v, math.modf(v)) end
