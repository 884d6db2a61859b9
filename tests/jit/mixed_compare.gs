// JIT: comparisons mixing integers and floats, with Lua 5.4's exact semantics (an
// integer is not rounded to a float: 2^53 + 1 differs from 2^53 + 0.0).
func main() {
    // The loop variable against a float bound / half of an int.
    n := 100
    hits := 0
    for i := 1; i <= n; i++ {
        if i == n / 2 {
            hits = hits + 1
        }
        if i < n / 3 {
            hits = hits + 10
        }
        if n / 7 >= i {
            hits = hits + 100
        }
    }
    print(hits)
    // Boundary values: each integer against each float, all six comparisons.
    ints := {0, 1, -1, 9007199254740992, 9007199254740993, -9007199254740993, 9223372036854775807, -9223372036854775807 - 1, 140737488355328}
    floats := {0.0, -0.0, 1.0, 0.5, 9007199254740992.0, 9007199254740994.0, -9007199254740992.0, 9.2233720368547758e18, -9.2233720368547758e18, 1 / 0, -1 / 0, 0 / 0, 140737488355328.0}
    out := {}
    for a := 1; a <= #ints; a++ {
        x := ints[a]
        for b := 1; b <= #floats; b++ {
            y := floats[b]
            code := 0
            if x == y {
                code = code + 1
            }
            if x < y {
                code = code + 2
            }
            if x <= y {
                code = code + 4
            }
            if y < x {
                code = code + 8
            }
            if y <= x {
                code = code + 16
            }
            if x != y {
                code = code + 32
            }
            out[#out + 1] = code
        }
    }
    print(table.concat(out, ","))
    // A float accumulator compared with an int constant and an int counter.
    f := 0.0
    steps := 0
    for f < 1000 {
        f = f + 0.75
        steps++
        if f == 300 {
            steps = steps + 1000
        }
    }
    print(f, steps)
}
main()

// expect: 1731
// expect: 21,21,38,38,38,38,56,38,56,38,56,32,38,56,56,21,56,38,38,56,38,56,38,56,32,38,38,38,38,38,38,38,56,38,56,38,56,32,38,56,56,56,56,21,38,56,38,56,38,56,32,56,56,56,56,56,56,38,56,38,56,38,56,32,56,38,38,38,38,38,38,38,38,56,38,56,32,38,56,56,56,56,56,56,56,38,56,38,56,32,56,38,38,38,38,38,38,38,38,21,38,56,32,38,56,56,56,56,38,38,56,38,56,38,56,32,21
// expect: 1000.5	2334
