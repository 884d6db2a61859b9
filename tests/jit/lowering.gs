// JIT backend lowering (x64/emit.rs): immediates, constants on either side, operand
// swaps, results that alias an operand's register, int overflow of the inline range,
// float constants from the pool, NaN compares, constant and hoisted table pointers.
// (Inside a function: locals are registers.)
func main() {
    // Constants on the left and right: commutative swaps, 1 - x (result aliases x's
    // register), immediates in compares with the constant first.
    s := 0
    t := 0
    for i := 1; i <= 300; i++ {
        a := 7 + i
        b := 1000 - a
        c := 3 * b
        d := c - i
        s = s + d
        if 100 < i {
            t = t - i
        }
    }
    print(s, t)
    // Non-commutative ops whose right operand dies: x = y - x, x = y / x.
    x := 3.5
    y := 1.25
    for i := 1; i <= 200; i++ {
        x = y - x
        y = 2.0 / (x * x + 1.0)
        x = x * 0.5 + y
    }
    print(x, y)
    // Integer arithmetic leaving the 48-bit inline range inside the trace (the box at
    // the loop end exits), and wrapping 64-bit multiplication.
    big := 1
    for i := 1; i <= 60; i++ {
        big = big * 2 + 1
    }
    print(big)
    w := 1
    for i := 1; i <= 100; i++ {
        w = w * 1000003 + i
    }
    print(w)
    // Large constants (not imm32) as operands and in compares.
    m := 0
    for i := 1; i <= 50; i++ {
        m = m + 5000000000
        if m > 100000000000 {
            m = m - 99999999999
        }
    }
    print(m)
    // Float compares with NaN (unordered) and constants on both sides.
    nan := 0.0 / 0.0
    cnt := 0
    for i := 1; i <= 40; i++ {
        v := i * 0.25
        if i == 20 {
            v = nan
        }
        if v < 5.0 { cnt = cnt + 1 }
        if 5.0 <= v { cnt = cnt + 100 }
        if !(v > 2.0) { cnt = cnt + 10000 }
        if v != v { cnt = cnt + 1000000 }
    }
    print(cnt)
    // Negation, abs, sqrt with the result in the operand's register.
    q := -2.5
    for i := 1; i <= 30; i++ {
        q = -q
        q = math.abs(q) + math.sqrt(q * q) - 1.0 * q
    }
    print(q)
    // Tables: constant index, hoisted invariant tables (pointer registers), a
    // table loop-carried through a PHI (its pointer changes every iteration).
    arr := {}
    for i := 1; i <= 64; i++ {
        arr[i] = i * i
    }
    first := 0
    for i := 1; i <= 64; i++ {
        first = first + arr[1] + arr[i] + arr[3]
        arr[2] = arr[2] + 1
    }
    print(first, arr[2])
    var node = nil
    for i := 1; i <= 20; i++ {
        node = {v: i, next: node}
    }
    acc := 0
    n := node
    for n != nil {
        acc = acc + n.v
        n = n.next
    }
    print(acc)
    rows := {}
    for i := 1; i <= 8; i++ {
        r := {}
        for j := 1; j <= 8; j++ {
            r[j] = i * j
        }
        rows[i] = r
    }
    tot := 0
    for i := 1; i <= 8; i++ {
        r := rows[i]
        for j := 1; j <= 8; j++ {
            tot = tot + r[j] * rows[j][i]
        }
    }
    print(tot)
    // PHI entries die early and their registers are reused inside the body (by their
    // own next value or another PHI's): the moves at the loop end are a parallel move.
    p := 1
    pq := 2
    pf := 0.5
    for i := 1; i <= 100; i++ {
        u := p * 3
        v := pq + u
        g := pf * 2.0
        pq = u - i
        p = v % 1000
        pf = g - pq * 0.001
    }
    print(p, pq, pf)
}
main()
// expect: 713100\t-40100
// expect: 2.0\t2.0
// expect: 2305843009213693951
// expect: 3057505646743914491
// expect: 50000000002
// expect: 1092019
// expect: 1.7157594341221e+14
// expect: 90081\t68
// expect: 210
// expect: 41616
// expect: 776\t1052\t5.0436490682649e+29
