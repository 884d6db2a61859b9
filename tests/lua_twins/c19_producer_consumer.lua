-- producer / filter / consumer pipeline with coroutines
local function producer(items)
  return coroutine.create(function()
    for _, it in ipairs(items) do coroutine.yield(it) end
    return nil
  end)
end
local function receive(p) local ok, v = coroutine.resume(p) return v end
local function filter(p, pred)
  return coroutine.create(function()
    while true do
      local v = receive(p)
      if v == nil then return nil end
      if pred(v) then coroutine.yield(v * 10) end
    end
  end)
end
local p = filter(producer({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}), function(x) return x % 3 ~= 0 end)
local n = 0
while true do
  local v = receive(p)
  if v == nil then break end
  n = n + 1
  print("consumed", n, v, coroutine.status(p))
end
print("final", coroutine.status(p))
