// JIT: loads hoisted out of loops or forwarded from stores must see every write that
// can reach them: aliases, calls, metatables, globals, array growth (opt_mem.rs).
G := 5
func twice(x) { return x * 2 }
func thrice(x) { return x * 3 }
func bump(q) { q.x = q.x + 1 }
func getx(q) { return q.x }
func main() {
    // A field written through another variable holding the same table.
    t := {x: 1, y: 10}
    u := t
    s := 0
    for i := 1; i <= 300; i++ {
        s += t.x + t.y
        u.x = u.x + 1
    }
    print("alias field", s, t.x)
    // An array item written through an alias; another index of the same table.
    a := {1, 2, 3}
    b := a
    s = 0
    for i := 1; i <= 300; i++ {
        s += a[1] + a[3]
        b[1] = i
        b[2] = -i
    }
    print("alias array", s, a[1], a[2])
    // The table reaches the loop through an array of tables.
    p := {x: 1}
    arr := {p, p}
    s = 0
    for i := 1; i <= 300; i++ {
        s += p.x
        arr[2].x = i
    }
    print("alias via array", s, p.x)
    // A store by a called function (stores in callees are not inlined).
    t = {x: 0}
    s = 0
    for i := 1; i <= 300; i++ {
        s += t.x
        bump(t)
        s += getx(t)
    }
    print("store in call", s, t.x)
    // A metatable set inside the loop changes what a missing field reads.
    m := {x: 1}
    s = 0
    for i := 1; i <= 300; i++ {
        s += m.x
        if i == 150 {
            m.x = nil
            setmetatable(m, {__index: func(tt, k) { return 1000 }})
        }
    }
    print("metatable", s)
    // A global reassigned inside the loop (a value, and a function).
    s = 0
    for i := 1; i <= 300; i++ {
        s += G
        if i % 50 == 0 { G = G + 1 }
    }
    print("global", s, G)
    f := 0
    for i := 1; i <= 300; i++ {
        f += twice(i)
        if i == 100 { twice = thrice }
    }
    print("global function", f)
    // Array growth inside the loop: the length and the appended items.
    g := {1}
    s = 0
    for i := 1; i <= 300; i++ {
        s += g[1] + #g + g[#g]
        g[#g + 1] = i
    }
    print("append", s, #g)
    // A store and a load of the same location in one iteration (forwarding).
    w := {x: 0, y: 0}
    s = 0
    for i := 1; i <= 300; i++ {
        w.x = i
        s += w.x
        w.y = w.x * 2.5
        s += w.y
    }
    print("forward", s, w.x, w.y)
    // The loaded value changes type mid-loop (the hoisted guard exits).
    h := {v: 1}
    s = 0
    for i := 1; i <= 300; i++ {
        s += h.v
        if i == 200 { h.v = 0.5 }
    }
    print("type change", s)
}
main()
// expect: alias field	48150	301
// expect: alias array	45751	300	-300
// expect: alias via array	44851	300
// expect: store in call	90000	300
// expect: metatable	150150
// expect: global	2250	11
// expect: global function	130400
// expect: append	90301	301
// expect: forward	158025.0	300	750.0
// expect: type change	250.0
