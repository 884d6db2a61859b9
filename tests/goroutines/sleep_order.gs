// Sleeps end in deadline order (12.10), whatever the start order.
out := make(chan, 10)
for _, d := range {0.3, 0.1, 0.2, 0.05, 0.25} {
    go func() {
        time.sleep(d)
        out <- d
    }()
}
for i := 1; i <= 5; i++ { print(<-out) }
// expect: 0.05
// expect: 0.1
// expect: 0.2
// expect: 0.25
// expect: 0.3
// time.sleep(0) and negative durations return at once; a goroutine sleeping while main
// sleeps longer is not a deadlock.
time.sleep(0)
time.sleep(-5)
flag := make(chan, 1)
go func() { time.sleep(0.01); flag <- "woke" }()
time.sleep(0.03)
print(<-flag)                                        // expect: woke
print(pcall(time.sleep, "x"))                        // expect: false\tbad argument #1 to 'sleep' (number expected, got string)
print(pcall(time.after))                             // expect: false\tbad argument #1 to 'after' (number expected, got no value)
