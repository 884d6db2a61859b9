// JIT: `range` loops over tables in traces (tnext/tnextk/tnextv): hash-only, array-only
// and mixed tables, holes, entries removed or overwritten during the traversal, values
// whose type changes, one or two loop variables, `break`, nested range loops, empty
// tables, tables with metatables (raw traversal; `__pairs` is honoured by RANGEPREP),
// and a range loop as the inner loop of a traced loop.

func sumHash(t) {
    s := 0
    n := 0
    for k, v := range t {
        s += v
        n++
    }
    return s, n
}

h := {}
for i := 1; i <= 300; i++ {
    h["k" .. (i % 41)] = i
}
total := 0
count := 0
for r := 1; r <= 60; r++ {
    s, n := sumHash(h)
    total += s
    count += n
}
print("hash", total, count)

// Array part with holes, then hash keys (ints outside the array, strings).
m := {}
for i := 1; i <= 40; i++ {
    m[i] = i * 3
}
m[7] = nil
m[20] = nil
m[100] = 5
m[-3] = 9
m.x = 11
m.y = 13
ks := 0
vs := 0
for r := 1; r <= 50; r++ {
    for k, v := range m {
        if type(k) == "number" {
            ks += k
        } else {
            ks += #k
        }
        vs += v
    }
}
print("mixed", ks, vs)

// One loop variable (keys only).
keys := 0
for r := 1; r <= 50; r++ {
    for k := range h {
        keys += #k
    }
}
print("keys", keys)

// Values change type during the run: ints, then floats, then strings.
vt := {}
for i := 1; i <= 30; i++ {
    vt["v" .. i] = i
}
acc := 0
for r := 1; r <= 90; r++ {
    if r == 30 {
        for k, v := range vt {
            vt[k] = v + 0.5
        }
    }
    if r == 60 {
        for k, v := range vt {
            vt[k] = "s" .. k
        }
    }
    for k, v := range vt {
        if type(v) == "string" {
            acc += #v
        } else {
            acc += v
        }
    }
}
print("types", acc)

// Removing and overwriting entries while traversing (allowed for existing keys).
for r := 1; r <= 30; r++ {
    d := {}
    for i := 1; i <= 40; i++ {
        d["e" .. i] = i
        d[i] = i
    }
    removed := 0
    for k, v := range d {
        if v % 3 == 0 {
            d[k] = nil
            removed++
        } else {
            d[k] = v * 2
        }
    }
    left := 0
    for k, v := range d {
        left += v
    }
    if r == 30 {
        print("remove", removed, left)
    }
}

// break out of a range loop, and an empty table.
found := 0
empty := {}
for r := 1; r <= 80; r++ {
    for k, v := range h {
        if v > 290 {
            found += v
            break
        }
    }
    for k, v := range empty {
        found = -1000000
    }
}
print("break", found)

// Nested range loops (the inner one is unrolled or gets its own trace).
small := {a: 1, b: 2, c: 3}
nest := 0
for r := 1; r <= 40; r++ {
    for k, v := range m {
        for k2, v2 := range small {
            nest += v * v2
        }
    }
}
print("nested", nest)

// Metatables: __index/__newindex do not affect the raw traversal; __pairs replaces it.
obj := setmetatable({p: 1, q: 2, r: 3}, {__index: func(t, k) { return 100 }})
mt := 0
for r := 1; r <= 60; r++ {
    for k, v := range obj {
        mt += v
    }
}
pp := setmetatable({}, {__pairs: func(t) {
    i := 0
    return func(s, c) {
        i++
        if i > 3 {
            return nil
        }
        return i, i * 10
    }, t, nil
}})
for r := 1; r <= 60; r++ {
    for k, v := range pp {
        mt += v
    }
}
print("meta", mt)

// A table that grows between traversals (array part and hash part).
g := {}
gs := 0
for r := 1; r <= 80; r++ {
    g[r] = r
    g["g" .. r] = 1
    for k, v := range g {
        gs += v
    }
}
print("grow", gs)

// Big integers and floats as values, counted with the position after a traversal ends.
big := {x: 9007199254740993, y: 1.5, z: -7}
bs := 0
for r := 1; r <= 70; r++ {
    for k, v := range big {
        if v > 1000 {
            bs = bs + v % 1000
        } else {
            bs = bs + v
        }
    }
}
print("big", bs)
// expect: hash	688800	2460
// expect: mixed	44600	120850
// expect: keys	5650
// expect: types	31326.0
// expect: remove	26	2188
// expect: break	23280
// expect: nested	580080
// expect: meta	3960
// expect: grow	91800
// expect: big	69125.0
