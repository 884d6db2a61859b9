-- sieve of Eratosthenes, prime factorisation, gcd
local N = 200
local comp = {}
local primes = {}
for i = 2, N do
  if not comp[i] then
    primes[#primes + 1] = i
    for j = i * i, N, i do comp[j] = true end
  end
end
print(#primes, table.concat(primes, " ", 1, 20))
for i = 21, #primes, 10 do print(i, table.concat(primes, ",", i, math.min(i + 9, #primes))) end
local function factor(n)
  local f = {}
  local d = 2
  while d * d <= n do
    while n % d == 0 do f[#f + 1] = d n = n // d end
    d = d + 1
  end
  if n > 1 then f[#f + 1] = n end
  return table.concat(f, "*")
end
for _, n in ipairs({2, 12, 97, 360, 1001, 65536, 999983, 600851475143}) do print(n, factor(n)) end
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(2^40 // 1 | 0, 6 ^ 10 // 1 | 0))
