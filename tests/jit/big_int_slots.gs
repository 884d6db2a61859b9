// Integers beyond the 48-bit inline range (heap-boxed) read into traces: from a
// global (an untyped load then unbox), from table arrays (unbox), and from local slots
// a side trace loads (sload). Values cross the inline/boxed boundary in both directions
// between iterations; the trace must load boxed ints, not exit on each one.
x := 88172645463325252
n := 0
for i := 1; i <= 3000; i++ {
    x = x ^ (x << 13)
    x = x ^ (x >> 7)
    x = x ^ (x << 17)
    if i % 700 == 0 {
        n = n + 1
    }
}
print(x, n)
// expect: -2277383315927291294	4

func main() {
    t := {1 << 50, 3, 1 << 62, -5, 1 << 47, -(1 << 47) - 1, 140737488355327}
    acc := 0
    for r := 1; r <= 500; r++ {
        for i := 1; i <= #t; i++ {
            acc = acc ^ (t[i] * 3 + r)
            t[i] = t[i] + r
        }
    }
    print(acc, t[1], t[5], t[6])
    // expect: -243690	1125899906967874	140737488480578	-140737488230079
    // A local that alternates between a small and a big value.
    v := 5
    s := 0
    for i := 1; i <= 2000; i++ {
        if i % 2 == 0 {
            v = v + (1 << 48)
        } else {
            v = v - (1 << 48) + 1
        }
        s = s + (v & 0xFFFF)
    }
    print(v, s)
    // expect: 1005	1011000
}
main()
