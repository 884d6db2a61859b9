-- math.sqrt/exp/log/sin/cos/tan/asin/acos/atan/deg/rad
local xs = {0, 0.5, 1, 2, 10, 100, 0.001}
for _, x in ipairs(xs) do
  print(x, math.sqrt(x), math.exp(x), math.log(x), math.log(x, 2), math.log(x, 10), math.log(x, 3))
end
for d = 0, 360, 45 do
  local r = math.rad(d)
  print(d, r, math.sin(r), math.cos(r), math.deg(r))
end
print(math.tan(0.5), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan(1, -1), math.atan(-1, -1), math.atan(0, -1))
