// A loop whose state switches between a heap-boxed (beyond 48 bits) and other integers:
// a guard failing in each new side trace once grew an unbounded chain of side traces
// (int slot loads accepted only inline ints; the engine also caps side traces per root
// trace and per generation).
x := 88172645463325252
n := 0
for i := 1; i <= 200000; i++ {
    x = x ^ (x << 13)
    x = x ^ (x >> 7)
    x = x ^ (x << 17)
    if i % 50000 == 0 {
        n = n + 1
    }
}
print(x, n)
// expect: -4273665215485949273	4
