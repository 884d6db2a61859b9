// JIT: table reads and writes outside the array part and known fields (tget/tset, raw
// get/set called out of the trace): string keys, integer keys in the hash part, absent
// keys, new keys that grow and rehash the table while the same loop also reads fixed
// fields of it (their entry positions move), deletions, float and big-integer keys (the
// trace's key check exits), and tables with metatables (not traced this way).

func countWords(words, n) {
    counts := {}
    for i := 1; i <= n; i++ {
        w := words[i % #words + 1] .. words[(i * 3 + math.floor(i / 7)) % #words + 1]
        counts[w] = (counts[w] || 0) + 1
    }
    return counts
}

func sparse(n) {
    t := {}
    for i := 1; i <= n; i++ {
        k := (i * 7919) % 5003 * 3
        t[k] = (t[k] || 0) + i
    }
    s := 0
    for i := 0; i <= 15009; i += 3 {
        v := t[i]
        if v != nil {
            s = (s + v * i) % 1000000007
        }
    }
    return s
}

// Adds new keys (rehashing) while reading and updating the fixed fields `a` and `b`.
func grow(n) {
    t := {a: 1, b: 2}
    for i := 1; i <= n; i++ {
        t["k" .. i] = i
        t.a = t.a + t.b
        t.b = t.a % 1000 + i
    }
    return t.a, t.b, t.k1, t["k" .. n]
}

// Deletes keys while a loop reads them.
func churn(n) {
    t := {}
    for i := 1; i <= n; i++ {
        t["x" .. i % 50] = i
        t["x" .. (i + 25) % 50] = nil
    }
    c := 0
    s := 0
    for i := 0; i < 50; i++ {
        v := t["x" .. i]
        if v != nil {
            c++
            s += v
        }
    }
    return c, s
}

func lookups(t, keys) {
    s := 0
    for i := 1; i <= #keys; i++ {
        v := t[keys[i]]
        if v != nil {
            s += v
        }
    }
    return s
}

func main() {
    words := {"ka", "lo", "mi", "ne", "ru", "sa", "ti"}
    c := countWords(words, 3000)
    n := 0
    tot := 0
    for k, v := range c {
        n++
        tot += v * #k
    }
    print("words", n, tot, c.kalo, c.mimi)
    print("sparse", sparse(4000))
    print("grow", grow(500))
    print("churn", churn(1000))

    t := {x: 1, y: 2, [3]: 30, [100]: 1000}
    t[2.5] = 25
    t[1 << 60] = 60
    keys := {}
    for i := 1; i <= 300; i++ {
        k := i % 6
        if k == 0 { keys[i] = "x" } else if k == 1 { keys[i] = "y" } else if k == 2 { keys[i] = 100 }
        else if k == 3 { keys[i] = "none" } else { keys[i] = 3 }
    }
    print("lookups", lookups(t, keys))
    // Float and big-integer keys reach the same trace: its key check exits.
    keys[200] = 2.5
    keys[250] = 1 << 60
    keys[260] = 3.0
    print("odd keys", lookups(t, keys))
    // A table with __index: not read through tget.
    m := setmetatable({}, {__index: func(t, k) { return 7 }})
    print("meta", lookups(m, keys))
    // A nil key raises the interpreter's error.
    keys[280] = nil
    print("nil key", lookups(t, keys))
    bad := {}
    ok, err := pcall(func() {
        for i := 1; i <= 100; i++ {
            k := "k" .. i
            if i == 90 { k = 0 / 0 }
            bad[k] = i
        }
    })
    print("nan key", ok, string.find(err, "NaN", 1, true) != nil)
}
main()
// expect: words	49	12000	62	61
// expect: sparse	25826115
// expect: grow	370939	1439	1	500
// expect: churn	25	24700
// expect: lookups	53150
// expect: odd keys	51235
// expect: meta	2100
// expect: nil key	51205
// expect: nan key	false	true
