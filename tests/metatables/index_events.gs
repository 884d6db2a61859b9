// __index / __newindex (6.8, 8.2).
Animal := {sound: "..."}
Animal.__index = Animal
Animal.speak = func(self) { return self.name .. " says " .. self.sound }
Dog := setmetatable({sound: "woof"}, Animal)
Dog.__index = Dog
rex := setmetatable({name: "Rex"}, Dog)
print(rex:speak())                                   // expect: Rex says woof
print(rex.missing, rawget(rex, "sound"))             // expect: nil\tnil
defaults := setmetatable({}, {__index: func(t, k) { return k .. "?" }})
print(defaults.color, rawget(defaults, "color"), defaults[1])   // expect: color?\tnil\t1?
p := setmetatable({}, {__newindex: func(t, k, v) { rawset(t, k, v * 10) }})
p.a = 1
p.a = 2
print(p.a)                                           // expect: 2
store := {}
proxy := setmetatable({}, {__index: store, __newindex: store})
proxy.x = 5
print(rawget(proxy, "x"), store.x, proxy.x)         // expect: nil\t5\t5
chain := setmetatable({}, {__newindex: setmetatable({}, {__newindex: func(t, k, v) { print("deep set", k, v) }})})
chain.q = 7                                          // expect: deep set\tq\t7
strIdx := setmetatable({}, {__index: "abc"})
print(strIdx.len == string.len)                      // expect: true
ro := setmetatable({}, {__newindex: func(t, k, v) { error("read-only table", 2) }})
print(pcall(func() { ro.x = 1 }))                    // expect: false\tindex_events.gs:25: read-only table
cnt := 0
lazy := setmetatable({}, {__index: func(t, k) { cnt++; rawset(t, k, k * 2); return k * 2 }})
print(lazy[5], lazy[5], cnt)                         // expect: 10\t10\t1
mt := {}
obj := setmetatable({}, mt)
print(obj.late)                                      // expect: nil
mt.__index = {late: "added later"}
print(obj.late)                                      // expect: added later
