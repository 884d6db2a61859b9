// Stress: 100,000 goroutines each send one value through one channel (11.1, 11.4).
// Run by hand with /usr/bin/time -v for time and peak RSS (see docs/goroutines-phase2.md).
// Not in gc-stress mode: 100,000 goroutine allocations with a collection at each are too slow.
// skip-modes: gc-stress
ch := make(chan)
n := 100000
for i := 1; i <= n; i++ {
    go func() { ch <- i }()
}
sum := 0
for i := 1; i <= n; i++ { sum += <-ch }
print(sum)                                           // expect: 5000050000
// Again with the receiver running concurrently with the creation (a buffered channel).
res, total := make(chan, 100), make(chan)
go func() {
    s := 0
    for i := 1; i <= n; i++ { s += <-res }
    total <- s
}()
wg := sync.WaitGroup()
for i := 1; i <= n; i++ {
    wg:add(1)
    go func() { res <- 1; wg:done() }()
}
wg:wait()
print(<-total)                                       // expect: 100000
