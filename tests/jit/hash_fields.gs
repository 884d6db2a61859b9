// JIT: field loads and stores on small hash tables: the entry-count check of the first
// access to a table covers the later ones (raised check), and the entries pointer is
// reused between accesses. Tables of another shape, fewer fields, a field that turns
// nil, and fields inserted in the loop (moving the entries) must still work.
func mk(x, y, z) { return {x: x, y: y, z: z, vx: 0.5, vy: 0.25, vz: 0.125, m: 2.0} }
func main() {
    // Same shape: many float loads and stores per iteration.
    bs := {mk(1.0, 2.0, 3.0), mk(4.0, 5.0, 6.0), mk(7.0, 8.0, 9.0)}
    for it := 1; it <= 200; it++ {
        for k := 1; k <= #bs; k++ {
            b := bs[k]
            d := b.x - b.y + b.z * b.m
            b.vx += d * 0.001
            b.vy -= d * 0.002
            b.vz = b.vz + b.vx * 0.5
            b.x += b.vx
        }
    }
    for k := 1; k <= #bs; k++ {
        b := bs[k]
        print("same", k, string.format("%.6f %.6f %.6f %.6f", b.x, b.vx, b.vy, b.vz))
    }
    // A table with fewer fields (its entry count is below the traced one's highest
    // entry), one with the fields in another order, one whose field became nil.
    small := {x: 1.0, y: 2.0, z: 3.0}
    other := {m: 2.0, vz: 0.125, vy: 0.25, vx: 0.5, z: 3.0, y: 2.0, x: 1.0}
    holey := mk(1.0, 2.0, 3.0)
    list := {}
    for i := 1; i <= 120; i++ {
        if i == 60 {
            list[i] = small
        } else if i == 80 {
            list[i] = other
        } else if i == 100 {
            holey.vx = nil
            list[i] = holey
        } else {
            list[i] = mk(i * 1.0, 1.0, 2.0)
        }
    }
    s := 0.0
    missing := 0
    for i := 1; i <= #list; i++ {
        t := list[i]
        s += t.x + t.y * t.z
        if t.vx != nil {
            s += t.vx * t.m
            t.vz = t.vz + 1.0
        } else {
            missing++
        }
    }
    print("shapes", string.format("%.3f", s), missing, other.vz, holey.vz)
    // Fields inserted during the loop move the hash part: later accesses must use the
    // new entries.
    o := {a: 1.5, b: 2.5}
    names := {"c", "d", "e", "f", "g", "h", "i", "j"}
    acc := 0.0
    for i := 1; i <= 400; i++ {
        acc += o.a * o.b
        o.a = o.a + 0.5
        if i % 50 == 0 {
            o[names[i / 50]] = i
        }
        o.b = o.b - 0.25
        acc += o.b
    }
    print("insert", string.format("%.3f", acc), o.a, o.b, o.c, o.j)
}
main()
// expect: same\t1\t5823.479145 181.390982 -361.531965 2911.364573
// expect: same\t2\t7520.835235 234.317171 -467.384343 3758.542618
// expect: same\t3\t9218.191325 287.243360 -573.236720 4605.720663
// expect: shapes\t7393.000\t2\t1.125\t0.125
// expect: insert\t-2604400.000\t201.5\t-97.5\t50\t400
