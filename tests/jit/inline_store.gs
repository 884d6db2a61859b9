// JIT: table and global stores inside inlined calls. Guards after such a store resume
// inside the callee (the exit rebuilds the callee frames), aborted recordings undo the
// callee's stores, and loops of inlined callees are unrolled.
counter := 0

func bump(o, k) {
    o.n = o.n + k
    o.arr[k % 3 + 1] += 1
    counter = counter + 1
    return o.n
}

func upd(o, v) {
    o.a = o.a + v
    // o.b changes type (int -> float -> string) while the loop runs: the guard after
    // the store to o.a fails and the interpreter resumes here, not at the call.
    if type(o.b) == "string" {
        o.s = o.s .. "x"
    } else {
        o.b = o.b * 2
    }
    return o.a
}

func inner(o, v) {
    o.x = o.x + v
    return o.x
}
func outer(o, v) {
    o.y = o.y + 1
    w := inner(o, v) + inner(o, 1)
    o.y = o.y + w % 7
    return w
}

func va(...) {
    return select("#", ...)
}
func withAbort(o, k) {
    o.n = o.n + k
    // A vararg call is not traced: the recording aborts after the store above and
    // must undo it (else the interpreter's re-execution adds k twice).
    return va(k, k) + o.n
}

func step(ps, n, dt) {
    for i := 1; i <= n; i++ {
        p := ps[i]
        for j := i + 1; j <= n; j++ {
            q := ps[j]
            d := q.x - p.x
            p.v = p.v + d * dt
            q.v = q.v - d * dt
        }
    }
    for i := 1; i <= n; i++ {
        p := ps[i]
        p.x = p.x + p.v * dt
    }
}

func failing(o) {
    o.hits = o.hits + 1
    return o.c + 1
}

func main() {
    o := {n: 0, arr: {0, 0, 0}}
    s := 0
    for i := 1; i <= 300; i++ {
        s += bump(o, i)
    }
    print("bump", s, o.n, o.arr[1], o.arr[2], o.arr[3], counter)

    u := {a: 0, b: 1, s: ""}
    t := 0
    for i := 1; i <= 200; i++ {
        if i == 60 {
            u.b = 0.5
        }
        if i == 150 {
            u.b = "str"
        }
        t += upd(u, i)
    }
    print("upd", t, u.a, u.b, #u.s)

    w := {x: 0, y: 0}
    acc := 0
    for i := 1; i <= 250; i++ {
        acc += outer(w, i)
        if i == 100 {
            w.x = w.x + 0.25
        }
    }
    print("nested", acc, w.x, w.y)

    z := {n: 0}
    r := 0
    for i := 1; i <= 100; i++ {
        r += withAbort(z, i)
    }
    print("abort", r, z.n)

    ps := {}
    for i := 1; i <= 4; i++ {
        ps[i] = {x: i * 1.5, v: 0.0}
    }
    for k := 1; k <= 200; k++ {
        step(ps, 4, 0.01)
    }
    print("loops", string.format("%.6f %.6f %.6f %.6f", ps[1].x, ps[2].x, ps[3].x, ps[4].v))

    f := {hits: 0, c: 1}
    sum := 0
    ok, err := pcall(func() {
        for i := 1; i <= 100; i++ {
            if i == 77 {
                f.c = nil
            }
            sum += failing(f)
        }
    })
    print("error", ok, err, sum, f.hits)
}
main()

// A tail call after a store inside an inlined call aborts the recording (a spliced
// tail call keeps no interpreter frame layout): the stores are undone.
func tailee(o, v) {
    if o.k > 100 {
        return o.k + v * 0.5
    }
    return o.k + v
}
func tailer(o, v) {
    o.k = o.k + 1
    return tailee(o, v)
}
func tailCase() {
    o := {k: 0}
    s := 0
    for i := 1; i <= 300; i++ {
        s += tailer(o, i)
    }
    print("tail", s, o.k)
}
tailCase()
// expect: bump	4545100	45150	100	100	100	300
// expect: upd	1353400	20100	str	51
// expect: nested	5333575.0	31625.25	1323.0
// expect: abort	171900	5050
// expect: loops	5.203555 4.234518 3.265482 3.405978
// expect: error	false	inline_store.gs:64: attempt to perform arithmetic on a nil value (field 'c')	152	77
// expect: tail	70250.0	300
