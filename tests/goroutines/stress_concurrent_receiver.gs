// Stress: 100,000 goroutines feed a concurrently running receiver through a buffered
// channel; finished goroutines are collected, so memory stays small (about 17 MB peak).
// Not in gc-stress mode: 100,000 goroutine allocations with a collection at each are too slow.
// skip-modes: gc-stress
res, total := make(chan, 100), make(chan)
n := 100000
go func() {
    s := 0
    for i := 1; i <= n; i++ { s += <-res }
    total <- s
}()
for i := 1; i <= n; i++ {
    go func() { res <- i }()
}
print(<-total)                                       // expect: 5000050000
