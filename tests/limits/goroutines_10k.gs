// Limits matrix (docs/reliability.md): 10,000 live goroutines (16), all blocked at once,
// then released; the program continues normally afterwards.
ch := make(chan)
done := make(chan, 10000)
for i := 1; i <= 10000; i++ {
    go func() {
        v := <-ch
        done <- v * 2
    }()
}
for i := 1; i <= 10000; i++ { ch <- i }
sum := 0
for i := 1; i <= 10000; i++ { sum += <-done }
print(sum)                                           // expect: 100010000
wg := sync.WaitGroup()
count := 0
mu := sync.Mutex()
for i := 0; i < 10000; i++ {
    wg:add(1)
    go func() { defer wg:done(); mu:lock(); count++; mu:unlock() }()
}
wg:wait()
print(count)                                         // expect: 10000
