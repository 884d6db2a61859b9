Animal := {sound: "..."}
Animal.__index = Animal
Animal.speak = func(self) { return self.name .. " says " .. self.sound }
Dog := setmetatable({sound: "woof"}, Animal)
Dog.__index = Dog
rex := setmetatable({name: "Rex"}, Dog)
print(rex:speak())                                   // expect: Rex says woof
defaults := setmetatable({}, {__index: func(t, k) { return k .. "?" }})
print(defaults.color, rawget(defaults, "color"))     // expect: color?\tnil
p := setmetatable({}, {__newindex: func(t, k, v) { rawset(t, k, v * 10) }})
p.a = 1                // absent: __newindex stores 10
p.a = 2                // present: plain write
print(p.a)                                           // expect: 2
locked := setmetatable({}, {__metatable: "locked", __name: "Secret"})
print(getmetatable(locked))                          // expect: locked
print(pcall(setmetatable, locked, {}))               // expect: false\tcannot change a protected metatable
print(string.sub(tostring(locked), 1, 7))            // expect: Secret:
evens := setmetatable({}, {__pairs: func(t) {
    return func(_, i) { if i < 6 { return i + 2, (i + 2) * 10 } }, t, 0
}})
for k, v := range evens { io.write(k, "=", v, ";") }
print()                                              // expect: 2=20;4=40;6=60;
