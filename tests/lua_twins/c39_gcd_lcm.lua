-- gcd, lcm, extended euclid, modular exponentiation
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return math.abs(a) end
local function lcm(a, b) return a // gcd(a, b) * b end
local function egcd(a, b)
  if b == 0 then return a, 1, 0 end
  local g, x, y = egcd(b, a % b)
  return g, y, x - (a // b) * y
end
local function powmod(b, e, m) local r = 1 b = b % m while e > 0 do if e & 1 == 1 then r = r * b % m end b = b * b % m e = e >> 1 end return r end
for _, p in ipairs({{12, 18}, {17, 31}, {100, 75}, {-12, 18}, {270, 192}, {1071, 462}}) do
  print(p[1], p[2], gcd(p[1], p[2]), lcm(p[1], p[2]), egcd(p[1], p[2]))
end
local l = 1
for i = 1, 20 do l = lcm(l, i) end
print("lcm1..20", l)
for e = 0, 60, 12 do print("powmod", e, powmod(3, e, 1000000007), powmod(2, e, 97)) end
