-- rawget/rawset/rawequal/rawlen bypass metamethods
local mt = {__index = function(t, k) return "meta:" .. tostring(k) end,
            __newindex = function(t, k, v) rawset(t, k, "wrapped:" .. tostring(v)) end,
            __eq = function() return true end,
            __len = function() return 99 end}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
a.x = 1
rawset(a, "y", 2)
print(a.x, a.y, a.z, rawget(a, "z"), rawget(a, "x"))
print(a == b, rawequal(a, b), rawequal(a, a), #a, rawlen(a))
for i = 1, 5 do rawset(a, i, i * i) end
print(#a, rawlen(a), a[3], a[6], rawget(a, 6))
print(rawequal("x", "x"), rawequal(1, 1.0), rawequal({}, {}), rawlen("hello"))
local cnt = 0
for k, v in pairs({rawget(a, 1), rawget(a, 2)}) do cnt = cnt + k * v end
print(cnt)
