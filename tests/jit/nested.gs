// JIT: nested loops run through side traces (an inner loop's exit records the rest of
// the outer body up to the inner loop's header). Exits at every level, break/continue,
// inner trip counts 0, 1 and many, type changes in outer and inner loops.
func main() {
    // Inner trip counts 0..6 (i % 7), 0 included.
    s := 0
    for i := 0; i < 300; i++ {
        for j := 0; j < i % 7; j++ {
            s += j
        }
        s += 1
    }
    print(s)
    // Three levels, inner bounds depending on outer variables.
    t := 0
    for a := 1; a <= 12; a++ {
        for b := 0; b < a; b++ {
            for c := b; c < a; c++ {
                t = t + a * b - c
            }
            t = t + 1
        }
    }
    print(t)
    // break and continue at both levels.
    u := 0
    for i := 0; i < 200; i++ {
        if i % 5 == 3 {
            continue
        }
        for j := 0; j < 50; j++ {
            if j % 3 == 1 {
                continue
            }
            if j * i > 400 {
                break
            }
            u += j
        }
        if u > 50000 {
            break
        }
        u += i
    }
    print(u)
    // Inner trip count always 1 and always 0.
    v := 0
    for i := 0; i < 200; i++ {
        for j := i; j < i + 1; j++ {
            v += j
        }
        for j := i; j < i; j++ {
            v -= 1000
        }
    }
    print(v)
    // Type changes: the outer accumulator becomes a float halfway, the inner one
    // alternates between int and float sources.
    w := 0
    arr := {1, 2.5, 3, 4.5}
    for i := 1; i <= 100; i++ {
        if i == 50 {
            w = w + 0.5
        }
        for j := 1; j <= #arr; j++ {
            w = w + arr[j]
        }
        if i == 70 {
            arr[2] = 2
        }
    }
    print(w)
    // A table written in the inner loop, read in the outer one.
    grid := {}
    for i := 1; i <= 30; i++ {
        row := {}
        for j := 1; j <= i; j++ {
            row[j] = i * j
        }
        grid[i] = row
    }
    total := 0
    for i := 1; i <= 30; i++ {
        r := grid[i]
        for j := 1; j <= #r; j++ {
            total += r[j]
        }
        total = total - #r
    }
    print(total)
}
main()
// expect: 1790
// expect: 8086
// expect: 26575
// expect: 19900
// expect: 1085.5
// expect: 112375
