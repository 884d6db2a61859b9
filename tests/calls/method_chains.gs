// Method lookup through __index chains (SELF's inline path): hits at each depth, a
// method added or shadowed after use (the lookup hint is only a hint), a function
// __index handler in the chain, a missing method, and a looping chain.
A := {}
A.__index = A
A.who = func(self) { return "A" }
A.only = func(self) { return "onlyA" }
B := setmetatable({}, A)
B.__index = B
B.who = func(self) { return "B" }
C := setmetatable({}, B)
C.__index = C
obj := setmetatable({}, C)
print(obj:who(), obj:only())                   // expect: B\tonlyA
C.who = func(self) { return "C" }
print(obj:who())                               // expect: C
obj.who = func(self) { return "own" }
print(obj:who())                               // expect: own
obj.who = nil
print(obj:who())                               // expect: C
for i := 1; i <= 3; i++ {
    x := setmetatable({n: i}, C)
    C["m" .. i] = func(self) { return self.n * 10 }
    print(x["m" .. i](x))                      // expect: 10
    // expect: 20
    // expect: 30
}
D := setmetatable({}, {__index: func(t, k) { return func(self) { return "dyn " .. k } }})
D.__index = D
e := setmetatable({}, D)
print(e:anything())                            // expect: dyn anything
print(pcall(func() { return obj:missing() })) // expect: false\tmethod_chains.gs:32: attempt to call a nil value (method 'missing')
L1 := {}
L2 := {}
L1.__index = L2
L2.__index = L1
setmetatable(L1, L1)
setmetatable(L2, L2)
print(pcall(func() { return L1:loop() }))     // expect: false\tmethod_chains.gs:39: '__index' chain too long; possible loop
