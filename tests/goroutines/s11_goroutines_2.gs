wg := sync.WaitGroup()
mu := sync.Mutex()
total := 0
for i := 1; i <= 10; i++ {
    wg:add(1)
    go func() {
        defer wg:done()
        mu:lock()
        total += i
        mu:unlock()
    }()
}
wg:wait()
print(total)                       // expect: 55
results := make(chan, 3)
for _, n := range {1, 2, 3} {
    go func(k) { results <- k * k }(n)
}
sum := 0
for i := 1; i <= 3; i++ { sum += <-results }
print(sum)                         // expect: 14
