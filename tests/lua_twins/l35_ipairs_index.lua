-- ipairs honours __index (Lua 5.4); # uses __len
local backing = {"a", "b", "c", "d"}
local proxy = setmetatable({}, {__index = function(t, i) return backing[i] end, __len = function() return #backing end})
for i, v in ipairs(proxy) do print("ipairs", i, v) end
print(#proxy, rawlen(proxy), proxy[2], rawget(proxy, 2))
local partial = setmetatable({"x"}, {__index = {nil, "y", "z"}})
for i, v in ipairs(partial) do print("partial", i, v) end
local gen = setmetatable({}, {__index = function(t, i) if i <= 5 then return i * i end end})
local s = 0
for i, v in ipairs(gen) do s = s + v print("gen", i, v, s) end
