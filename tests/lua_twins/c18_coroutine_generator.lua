-- coroutine generators
local function range(n, step)
  return coroutine.wrap(function() for i = 1, n, step do coroutine.yield(i) end end)
end
for v in range(10, 3) do print("range", v) end
local function fibgen(limit)
  return coroutine.wrap(function()
    local a, b = 0, 1
    while a <= limit do coroutine.yield(a) a, b = b, a + b end
  end)
end
local out = {}
for v in fibgen(1000) do out[#out + 1] = v end
print(#out, table.concat(out, " "))
local function perms(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      perms(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
for p in coroutine.wrap(function() perms({1, 2, 3}) end) do print(table.concat(p, ",")) end
local co = coroutine.create(function(a, b)
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.resume(co))
