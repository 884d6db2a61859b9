// Memory is bounded by live data (ARCHITECTURE §3): allocating and dropping 10 million
// small tables keeps the heap (collectgarbage("count"), in KiB) under 64 MiB throughout.
// skip-modes: gc-stress
maxkb := 0
for i := 1; i <= 10000000; i++ {
    t := {i, x: i}
    if i % 500000 == 0 {
        kb := collectgarbage("count")
        if kb > maxkb { maxkb = kb }
    }
}
print(maxkb < 65536)            // expect: true
