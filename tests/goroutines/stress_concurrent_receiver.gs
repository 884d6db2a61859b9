// Stress: 100,000 goroutines feed a concurrently running receiver through a buffered
// channel; finished goroutines are collected, so memory stays small (about 17 MB peak).
// skip-modes: gc-stress (100,000 thread allocations make a collection per allocation too slow)
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
