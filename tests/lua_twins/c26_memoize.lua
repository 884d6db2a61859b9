-- memoization with closures and tables
local calls = 0
local function memoize(f)
  local cache = {}
  return function(n)
    local v = cache[n]
    if v == nil then v = f(n) cache[n] = v end
    return v
  end
end
local fib
fib = memoize(function(n) calls = calls + 1 if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
for _, n in ipairs({10, 20, 30, 50, 70, 90}) do print(n, fib(n), calls) end
local paths = {}
local function grid(r, c)
  if r == 1 or c == 1 then return 1 end
  local key = r .. "x" .. c
  if paths[key] then return paths[key] end
  local v = grid(r - 1, c) + grid(r, c - 1)
  paths[key] = v
  return v
end
for n = 2, 16, 2 do print("grid", n, grid(n, n)) end
