// JIT: loop traces unroll inner loops with short trip counts (at most 15 inner
// back-edges in all): the outer loop becomes one loop trace specialised to the trip
// count seen while recording, other trip counts leave through the unrolled loop's
// guards into side traces. Longer inner loops still get entry traces.

// Triangular pairs over a small table of records (trip counts 4, 3, 2, 1, 0): field
// loads and stores in the unrolled iterations, a global builtin looked up in each.
func step(bs, n, dt) {
    for i := 1; i <= n; i++ {
        b := bs[i]
        bx := b.x
        bv := b.v
        for j := i + 1; j <= n; j++ {
            c := bs[j]
            d := bx - c.x
            f := dt / (math.sqrt(d * d + 1.0) + 1.0)
            bv -= d * f
            c.v += d * f * 0.5
        }
        b.v = bv
        b.x = bx + dt * bv
    }
}

// Three levels with short trip counts that vary with the outer indices.
func three(n) {
    c := 0
    for a := 0; a < n; a++ {
        for b := 0; b < a % 3; b++ {
            for d := 0; d < (a + b) % 2 + 1; d++ {
                c = c + a * 2 + b - d
            }
        }
        c = c + 1
    }
    return c
}

// An inner loop left by `break`, and one whose value changes type (int -> float) in
// the unrolled part after a while.
func breaks(n) {
    s := 0
    for i := 1; i <= n; i++ {
        for j := 1; j <= 4; j++ {
            if j * i % 7 == 3 {
                break
            }
            s = s + j
        }
        s = s + 1
    }
    return s
}

func changes(n) {
    acc := 0
    for i := 1; i <= n; i++ {
        for j := 1; j <= 2; j++ {
            acc = acc + j
            if i == n / 2 {
                acc = acc + 0.25
            }
        }
    }
    return acc
}

// Short while recorded, long later: the trip count grows with the call's argument.
func grows(n, m) {
    s := 0
    for i := 1; i <= n; i++ {
        for j := 1; j <= m; j++ {
            s = s + i * j
        }
    }
    return s
}

// A long inner loop: not unrolled (entry trace + the inner loop's trace).
func long(n) {
    s := 0
    for i := 1; i <= n; i++ {
        for j := 1; j <= 40; j++ {
            s = s + j % 3
        }
    }
    return s
}

// A big body unrolled the full 15 times (a long trace: many snapshots, spills).
func big(n) {
    s := 0.0
    t := {a: 1.0, b: 2.0, c: 3.0}
    for i := 1; i <= n; i++ {
        for j := 1; j <= 15; j++ {
            x := t.a * j + t.b - t.c * i
            y := x * x + t.a
            z := y / (x + 100.5) - t.b * t.c
            w := z * z + y * x - s * 0.0000001
            s = s + w * 0.001 + x - y * 0.5 + z
            t.a = t.a + 0.000001
            u := s * 2.0 - w + z * y - x
            v := u * u * 0.0001 + s * 0.5
            s = s * 0.25 + v * 0.00000001
            t.b = t.b - 0.000001
        }
    }
    return s
}

func main() {
    bs := {}
    for k := 1; k <= 5; k++ {
        bs[k] = {x: k * 1.5, v: 0.0}
    }
    for r := 1; r <= 300; r++ {
        step(bs, #bs, 0.01)
    }
    for k := 1; k <= 5; k++ {
        print("step", k, string.format("%.9f %.9f", bs[k].x, bs[k].v))
    }
    print("three", three(500))
    print("breaks", breaks(400))
    print("changes", changes(300))
    t := 0
    for m := 1; m <= 30; m++ {
        t = t + grows(20, m % 6 + m / 5)
    }
    print("grows", t)
    print("long", long(400))
    print("big", string.format("%.6f", big(300)))
}
main()
// expect: step\t1\t9.038248091 1.183554399
// expect: step\t2\t7.628810018 0.742038340
// expect: step\t3\t6.233847553 0.387827120
// expect: step\t4\t4.849220347 -0.046859662
// expect: step\t5\t3.537295657 -0.763221894
// expect: three\t374501
// expect: breaks\t2683
// expect: changes\t900.5
// expect: grows\t120960
// expect: long\t16000
// expect: big\t-347475.832630
