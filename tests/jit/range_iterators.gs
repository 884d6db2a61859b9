// JIT: `range pairs(t)` and `range ipairs(v)` in traces (the iterator triple as
// constants, `next` as a position lookup out of the trace plus the inline traversal
// step, `ipairs`' iterator as an array load or a raw get): holes end ipairs, keys
// changing type during a pairs traversal, entries removed while traversing, `__pairs`
// and `__index` (not traced: the metatable guards exit), objects whose metatable has no
// `__pairs` (traced) until it gets one, `pairs`/`ipairs` replaced by script functions,
// and an invalid key to `next`.

arr := {}
for i := 1; i <= 100; i++ {
    arr[i] = i * 2
}
s := 0
for r := 1; r <= 40; r++ {
    for i, v := range ipairs(arr) {
        s += i * v
    }
}
print("ipairs", s)

// ipairs stops at the first hole; the items after it are in the hash part.
holes := {}
for i := 1; i <= 30; i++ {
    holes[i] = i
}
holes[31] = nil
holes[32] = 5
holes[20] = nil
c := 0
for r := 1; r <= 50; r++ {
    for i, v := range ipairs(holes) {
        c += v
    }
}
print("holes", c)

// pairs over a mixed table: int keys from the array part, then strings.
mixed := {}
for i := 1; i <= 20; i++ {
    mixed[i] = i
    mixed["s" .. i] = i * 10
}
ks := 0
vs := 0
for r := 1; r <= 40; r++ {
    for k, v := range pairs(mixed) {
        if type(k) == "string" {
            ks += #k
        } else {
            ks += k
        }
        vs += v
    }
}
print("pairs", ks, vs)

// Keys only, and removing entries during the traversal.
for r := 1; r <= 30; r++ {
    d := {}
    for i := 1; i <= 25; i++ {
        d["x" .. i] = i
    }
    n := 0
    for k := range pairs(d) {
        if d[k] % 2 == 0 {
            d[k] = nil
        }
        n++
    }
    left := 0
    for k, v := range pairs(d) {
        left += v
    }
    if r == 30 {
        print("remove", n, left)
    }
}

// ipairs over a table with __index (the iterator consults it), and pairs with __pairs.
proxy := setmetatable({}, {__index: func(t, i) {
    if i <= 5 {
        return i * 100
    }
    return nil
}})
px := 0
for r := 1; r <= 40; r++ {
    for i, v := range ipairs(proxy) {
        px += v
    }
}
custom := setmetatable({}, {__pairs: func(t) {
    return func(st, k) {
        if k >= 3 {
            return nil
        }
        return k + 1, (k + 1) * 7
    }, t, 0
}})
for r := 1; r <= 40; r++ {
    for k, v := range pairs(custom) {
        px += v
    }
}
print("meta", px)

// A table that gets a metatable half-way (pairs then goes through __pairs).
late := {a: 1, b: 2}
lt := 0
for r := 1; r <= 60; r++ {
    if r == 30 {
        setmetatable(late, {__pairs: func(t) { return next, {z: 100}, nil }})
    }
    for k, v := range pairs(late) {
        lt += v
    }
}
print("late", lt)

// An invalid key to next: raised with the interpreter's message.
ok, err := pcall(func() {
    t := {p: 1, q: 2, r: 3}
    n := 0
    for r := 1; r <= 50; r++ {
        for k, v := range pairs(t) {
            n += v
            if r == 40 && k == "q" {
                t.q = nil
                t.zz = 1
                t.yy = 2
            }
        }
    }
    return n
})
print("next", ok)

// ipairs replaced by a script function half-way (the builtin's identity guard fails).
orig := ipairs
rs := 0
for r := 1; r <= 60; r++ {
    if r == 30 {
        ipairs = func(t) { return orig(t) }
    }
    for i, v := range ipairs(arr) {
        rs += v
    }
}
ipairs = orig
print("replaced", rs)

// Objects with a metatable but no __pairs (a class): pairs and a plain range loop
// traverse them raw; __pairs added to the class half-way takes over.
Point := {}
Point.__index = Point
pt := setmetatable({x: 3, y: 4, z: 5}, Point)
ps := 0
for r := 1; r <= 80; r++ {
    if r == 50 {
        Point.__pairs = func(t) { return next, {w: 1000}, nil }
    }
    for k, v := range pairs(pt) {
        ps += v
    }
    for k, v := range pt {
        ps += v * 10
    }
}
print("class", ps)
// expect: ipairs	27068000
// expect: holes	9500
// expect: pairs	10440	92400
// expect: remove	25	169
// expect: meta	61680
// expect: late	3187
// expect: next	false
// expect: replaced	606000
// expect: class	347468
