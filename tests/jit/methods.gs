// JIT: method calls through __index chains (SELF: tget absence guards, guardmeta,
// identity-guarded __index tables) and field reads/writes of objects with metatables
// (present non-nil fields are raw). Guard failures: polymorphic receivers, a method
// redefined in a class, an object field shadowing the method, __index replaced, a
// field set to nil (then __index answers), a metatable swapped.
Base := {}
Base.__index = Base
Base.new = func(v) { return setmetatable({v: v, hits: 0}, Base) }
Base.get = func(self) { return self.v }
Base.twice = func(self) { return self:get() * 2 }

Derived := setmetatable({}, Base)
Derived.__index = Derived
Derived.new = func(v) { return setmetatable({v: v, hits: 0}, Derived) }
Derived.get = func(self) { return self.v + 100 }

func sum(objs, n) {
    s := 0
    for r := 1; r <= n; r++ {
        for i := 1; i <= #objs; i++ {
            o := objs[i]
            s += o:twice() + o:get()
        }
    }
    return s
}

// Writes an existing field of objects with metatables inside the loop.
func bump(objs) {
    for i := 1; i <= #objs; i++ {
        o := objs[i]
        o.hits = o.hits + o.v
    }
}

func main() {
    objs := {}
    for i := 1; i <= 60; i++ {
        if i % 3 == 0 { objs[i] = Derived.new(i) } else { objs[i] = Base.new(i) }
    }
    print("mixed", sum(objs, 5))
    // A method redefined in the base class.
    Base.get = func(self) { return self.v * 10 }
    print("redefined", sum(objs, 5))
    // An object's own field shadows the method.
    objs[10].get = func(self) { return 1 }
    print("shadowed", sum(objs, 5))
    objs[10].get = nil
    // __index of Derived replaced by a function.
    Derived.__index = func(t, k) { return Base[k] }
    print("index function", sum(objs, 5))
    Derived.__index = Derived
    // A metatable swapped.
    setmetatable(objs[20], Derived)
    print("swapped", sum(objs, 5))
    for r := 1; r <= 20; r++ { bump(objs) }
    print("hits", objs[1].hits, objs[60].hits)
    // A field set to nil: __index answers (Base has no `v`: error in arithmetic).
    Base.v = 5
    objs[2].v = nil
    print("nil field", sum(objs, 2))
    ok := pcall(bump, objs)
    print("bump nil field", ok, objs[2].hits)
}
main()
// expect: mixed	57450
// expect: redefined	219450
// expect: shadowed	217965
// expect: index function	274500
// expect: swapped	218250
// expect: hits	20	1200
// expect: nil field	87480
// expect: bump nil field	true	45
