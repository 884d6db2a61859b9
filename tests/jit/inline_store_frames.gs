// JIT: exits inside inlined calls after stores rebuild the right frames: two results
// wanted, two storing levels, array stores, a type change inside an unrolled loop of
// the callee, and the same inside a coroutine.
func pair(o, i) {
    o.k = o.k + i
    return o.k, o.k % 5
}

func leaf(arr, i, v) {
    arr[i] = arr[i] + v
    return arr[i]
}
func mid(arr, o, i) {
    o.c = o.c + 1
    x := leaf(arr, i % 4 + 1, o.step)
    return x + o.c
}

func relax(ps, n) {
    for i := 1; i <= n; i++ {
        p := ps[i]
        p.v = p.v + i
        p.w = p.w * 2 % 1000
    }
    return ps[1].v
}

func run() {
    o := {k: 0}
    s1 := 0
    s2 := 0
    for i := 1; i <= 120; i++ {
        if i == 90 {
            o.k = o.k + 0.5
        }
        a, b := pair(o, i)
        s1 += a
        s2 += b
    }
    print("pair", s1, s2, o.k)

    arr := {1, 2, 3, 4}
    m := {c: 0, step: 1}
    t := 0
    for i := 1; i <= 150; i++ {
        if i == 100 {
            m.step = 0.25
        }
        t += mid(arr, m, i)
    }
    print("mid", t, arr[1], arr[2], arr[3], arr[4], m.c)

    ps := {}
    for i := 1; i <= 3; i++ {
        ps[i] = {v: 0, w: i}
    }
    r := 0
    for k := 1; k <= 100; k++ {
        if k == 70 {
            ps[2].w = 1.5
        }
        r += relax(ps, 3)
    }
    print("relax", r, ps[1].v, ps[2].v, ps[3].v, ps[2].w, ps[3].w)
}

run()
co := coroutine.create(func() {
    run()
    coroutine.yield(1)
    run()
})
coroutine.resume(co)
coroutine.resume(co)
// expect: pair	295255.5	135.5	7260.5
// expect: mid	14324.75	28.25	30.25	31.25	32.0	150
// expect: relax	5050	100	200	300	472.0	128
// expect: pair	295255.5	135.5	7260.5
// expect: mid	14324.75	28.25	30.25	31.25	32.0	150
// expect: relax	5050	100	200	300	472.0	128
// expect: pair	295255.5	135.5	7260.5
// expect: mid	14324.75	28.25	30.25	31.25	32.0	150
// expect: relax	5050	100	200	300	472.0	128
