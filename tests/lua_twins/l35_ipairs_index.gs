// ipairs honours __index (Lua 5.4); # uses __len
backing := {"a", "b", "c", "d"}
proxy := setmetatable({}, {__index: func(t, i) { return backing[i] }, __len: func() { return #backing }})
for i, v := range ipairs(proxy) { print("ipairs", i, v) }
print(#proxy, rawlen(proxy), proxy[2], rawget(proxy, 2))
partial := setmetatable({"x"}, {__index: {nil, "y", "z"}})
for i, v := range ipairs(partial) { print("partial", i, v) }
gen := setmetatable({}, {__index: func(t, i) { if i <= 5 { return i * i } }})
s := 0
for i, v := range ipairs(gen) { s = s + v; print("gen", i, v, s) }
