// JIT: directly linked traces (an exit stub jumps into its side trace, a side trace's
// end jumps into the loop trace of the header it reaches). Short inner loops at 2 and 3
// levels, exits from linked side traces (type changes, branches), side traces that end
// at another loop's header, and loops at the end of a function (side trace ends at the
// return).

// Short inner loop (trip counts 0..3) at the end of a function, called many times.
func pairs(t, n) {
    s := 0.0
    for i := 1; i <= n; i++ {
        x := t[i]
        for j := i + 1; j <= n; j++ {
            s = s + x * t[j]
        }
        s = s + 1.0
    }
    return s
}

// Three levels with short trip counts; the innermost bound depends on both outer ones.
func three(n) {
    c := 0
    for a := 0; a < n; a++ {
        for b := 0; b < a % 4; b++ {
            for d := 0; d < (a + b) % 3; d++ {
                c = c + a * 3 + b - d
            }
            c = c + 1
        }
        c = c + 2
    }
    return c
}

// The outer body changes type halfway (int -> float): a guard in the linked side trace
// fails and exits, and then gets a side trace of its own.
func changing(n) {
    acc := 0
    for i := 1; i <= n; i++ {
        for j := 1; j <= 2; j++ {
            acc = acc + j
        }
        if i == n / 2 {
            acc = acc + 0.5
        }
        acc = acc + i
    }
    return acc
}

// Two inner loops in one outer loop: the side trace after the first ends at the header
// of the second (another loop's trace), and the one after the second at the first.
func two(n) {
    s := 0
    for i := 0; i < n; i++ {
        for j := 0; j < 3; j++ {
            s = s + j
        }
        for k := 0; k < 2; k++ {
            s = s - k
        }
        if i % 5 == 0 {
            s = s + 7
        }
    }
    return s
}

func main() {
    t := {}
    for i := 1; i <= 5; i++ {
        t[i] = i * 0.5
    }
    total := 0.0
    for r := 1; r <= 400; r++ {
        total = total + pairs(t, 5)
    }
    print(total)
    print(three(300))
    print(changing(600))
    print(two(500))
    // A value that outgrows the inline integer range in a linked side trace.
    big := 0
    for i := 1; i <= 200; i++ {
        for j := 1; j <= 2; j++ {
            big = big + 1
        }
        big = big * 3
        if big > 1000000000000000 {
            big = big % 1000003
        }
    }
    print(big)
}
main()
// expect: 10500.0
// expect: 204150
// expect: 182100.5
// expect: 1700
// expect: 1705007067
