-- __newindex: proxies, read-only tables, logging
local log = {}
local store = {}
local proxy = setmetatable({}, {
  __index = function(t, k) log[#log + 1] = "get " .. tostring(k); return store[k] end,
  __newindex = function(t, k, v) log[#log + 1] = "set " .. tostring(k) .. "=" .. tostring(v); store[k] = v end,
})
proxy.x = 1
proxy.y = proxy.x + 1
proxy[1] = "one"
print(proxy.x, proxy.y, proxy[1], rawget(proxy, "x"))
for i, l in ipairs(log) do print(i, l) end
local ro = setmetatable({}, {__index = {k = "v"}, __newindex = function(t, k) error("readonly " .. k, 0) end})
print(pcall(function() ro.z = 1 end))
print(ro.k, rawget(ro, "k"))
local target = {}
local fwd = setmetatable({}, {__newindex = target})
fwd.a = 10; fwd.b = 20
print(rawget(fwd, "a"), target.a, target.b)
local cnt = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 100) end})
cnt.a = 1; cnt.a = 2; cnt.b = 3
print(cnt.a, cnt.b)
