// Invalid table keys, metamethod loops, __tostring result, next (4.5, 6.8, 9.5).
t := {}
print(pcall(func() { t[nil] = 1 }))              // expect: false\ttable_key_messages.gs:3: table index is nil
print(pcall(func() { t[0 / 0] = 1 }))            // expect: false\ttable_key_messages.gs:4: table index is NaN
print(pcall(rawset, t, nil, 1))                  // expect: false\ttable index is nil
print(pcall(func() { return {[nil]: 1} }))       // expect: false\ttable_key_messages.gs:6: table index is nil
print(t[nil], t[0 / 0])                          // expect: nil\tnil
a := {}
setmetatable(a, {__index: a})
print(pcall(func() { return a.x }))              // expect: false\ttable_key_messages.gs:10: '__index' chain too long; possible loop
b := {}
setmetatable(b, {__newindex: b})
print(pcall(func() { b.x = 1 }))                 // expect: false\ttable_key_messages.gs:13: '__newindex' chain too long; possible loop
bad := setmetatable({}, {__tostring: func() { return {} }})
print(pcall(tostring, bad))                      // expect: false\t'__tostring' must return a string
num := setmetatable({}, {__tostring: func() { return 42 }})
print(tostring(num))                             // expect: 42
print(pcall(next, {}, "nokey"))                  // expect: false\tinvalid key to 'next'
print(pcall(func() { return next({}, "nokey") }))   // expect: false\tinvalid key to 'next'
print(pcall(func() { return math.floor({}) }))  // expect: false\ttable_key_messages.gs:20: bad argument #1 to 'floor' (number expected, got table)
