// JIT: tables allocated inside a trace are collected (traces never collect, but return
// to a safepoint at least every few thousand iterations): 2 million short-lived tables
// keep the heap (collectgarbage("count"), KiB) under 64 MiB.
// skip-modes: gc-stress
maxkb := 0
for i := 1; i <= 2000000; i++ {
    t := {}
    t[1] = i
    if i % 250000 == 0 {
        kb := collectgarbage("count")
        if kb > maxkb { maxkb = kb }
    }
}
print(maxkb < 65536)            // expect: true
