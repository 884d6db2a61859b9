// JIT: loop-carried values in registers (PHIs), hoisted invariants, appends, builtins.
// (Inside a function: locals are registers.)
func main() {
    // Swaps form a cycle of PHI moves.
    a := 1
    b := 2
    c := 3
    for i := 0; i < 1001; i++ {
        a, b, c = b, c, a
    }
    print(a, b, c)
    // Float and integer accumulators; an invariant conversion.
    n := 7
    s := 0.0
    k := 0
    for i := 1; i <= 500; i++ {
        s = s + i * 0.5 + n
        k = k + i
    }
    print(s, k)
    // A carried integer grows past the 48-bit inline range (exits box it).
    x := 1
    steps := 0
    for steps < 38 {
        x = x * 3
        steps++
    }
    print(x, steps)
    // Last value of a conditionally assigned local survives the loop exit.
    last := -1
    for i := 1; i <= 300; i++ {
        if i % 7 == 0 {
            last = i
        }
    }
    print(last)
    // Type-unstable slot: an integer becomes a float halfway.
    v := 0
    for i := 1; i <= 200; i++ {
        if i == 100 {
            v = v + 0.5
        }
        v = v + 1
    }
    print(v)
    // Appends (with reallocations) and reads back.
    t := {}
    for i := 1; i <= 1000; i++ {
        t[i] = i * 2
    }
    sum := 0
    for i := 1; i <= #t; i++ {
        sum += t[i]
    }
    print(#t, sum)
    // Appending nil stops at the array end; the hash part blocks appends.
    u := {}
    u[3] = "x"
    for i := 1; i <= 5; i++ {
        u[i] = i
    }
    print(#u, u[3])
    // math.sqrt and math.abs in traces (ints, floats, NaN), then a replaced math.sqrt.
    r := 0.0
    for i := 1; i <= 300; i++ {
        r = r + math.sqrt(i) + math.abs(-0.25 * i)
    }
    print(string.format("%.6f", r))
    nan := math.sqrt(-1.0)
    print(nan != nan)
    q := 0
    for i := 1; i <= 300; i++ {
        if i == 150 {
            math.sqrt = func(z) { return 1 }
        }
        q = q + math.sqrt(4)
    }
    print(q)
    // A carried table reference walks a linked list.
    list := nil
    for i := 1; i <= 400; i++ {
        list = {val: i, next: list}
    }
    total := 0
    node := list
    for node != nil {
        total += node.val
        node = node.next
    }
    print(total)
}
main()
// expect: 3	1	2
// expect: 66125.0	125250
// expect: 1350851717672992089	38
// expect: 294
// expect: 200.5
// expect: 1000	1001000
// expect: 5	3
// expect: 14760.056389
// expect: true
// expect: 449.0
// expect: 80200
