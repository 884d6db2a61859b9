// __call, __len, __tostring, __name, __metatable, __pairs (8.2).
callable := setmetatable({}, {__call: func(self, a, b) { return "called", a, b }})
print(callable(1, 2))                                // expect: called\t1\t2
print(pcall(callable, "x"))                          // expect: true\tcalled\tx\tnil
selfloop := setmetatable({}, {})
getmetatable(selfloop).__call = selfloop
ok, e := pcall(selfloop)
print(ok, string.sub(e, -14))                        // expect: false\tstack overflow
sized := setmetatable({1, 2, 3}, {__len: func(t) { return 42, "extra" }})
print(#sized, rawlen(sized))                         // expect: 42\t3
named := setmetatable({}, {__tostring: func(t) { return "I am named" }})
print(named, tostring(named))                        // expect: I am named\tI am named
print(string.format("%s|%5.3s|", named, named))      // expect: I am named|  I a|
tagged := setmetatable({}, {__name: "MyType"})
print(string.sub(tostring(tagged), 1, 9))            // expect: MyType: 0
print(pcall(string.rep, tagged))                     // expect: false\tbad argument #1 to 'rep' (string expected, got MyType)
locked := setmetatable({}, {__metatable: "locked", __name: "Secret"})
print(getmetatable(locked))                          // expect: locked
print(pcall(setmetatable, locked, {}))               // expect: false\tcannot change a protected metatable
print(getmetatable("abc").__index == string)         // expect: true
print(getmetatable({}), getmetatable(1), getmetatable(print))   // expect: nil\tnil\tnil
evens := setmetatable({}, {__pairs: func(t) {
    return func(_, i) { if i < 6 { return i + 2, (i + 2) * 10 } }, t, 0
}})
for k, v := range evens { io.write(k, "=", v, ";") }
print()                                              // expect: 2=20;4=40;6=60;
for k, v := range pairs(evens) { io.write(k, ";") }
print()                                              // expect: 2;4;6;
t := setmetatable({}, {})
print(setmetatable(t, nil) == t, getmetatable(t))    // expect: true\tnil
print(pcall(setmetatable, {}, 5))                    // expect: false\tbad argument #2 to 'setmetatable' (nil or table expected, got number)
print(pcall(setmetatable, 5, {}))                    // expect: false\tbad argument #1 to 'setmetatable' (table expected, got number)
m := setmetatable({}, {__index: func(t, k) { return k }, __call: func(self) { return self.hello }})
print(m())                                           // expect: hello
print(pcall(func() { return #setmetatable({}, {__len: func() { error("len failed", 0) }}) }))   // expect: false\tlen failed
