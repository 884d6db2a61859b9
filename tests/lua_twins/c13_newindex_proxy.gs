// __newindex: proxies, read-only tables, logging
log := {}
store := {}
proxy := setmetatable({}, {
    __index: func(t, k) { log[#log + 1] = "get " .. tostring(k); return store[k] },
    __newindex: func(t, k, v) { log[#log + 1] = "set " .. tostring(k) .. "=" .. tostring(v); store[k] = v },
})
proxy.x = 1
proxy.y = proxy.x + 1
proxy[1] = "one"
print(proxy.x, proxy.y, proxy[1], rawget(proxy, "x"))
for i, l := range ipairs(log) { print(i, l) }
ro := setmetatable({}, {__index: {k: "v"}, __newindex: func(t, k) { error("readonly " .. k, 0) }})
print(pcall(func() { ro.z = 1 }))
print(ro.k, rawget(ro, "k"))
target := {}
fwd := setmetatable({}, {__newindex: target})
fwd.a = 10; fwd.b = 20
print(rawget(fwd, "a"), target.a, target.b)
cnt := setmetatable({}, {__newindex: func(t, k, v) { rawset(t, k, v * 100) }})
cnt.a = 1; cnt.a = 2; cnt.b = 3
print(cnt.a, cnt.b)
