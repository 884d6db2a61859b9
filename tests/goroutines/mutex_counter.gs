// 8 goroutines increment a shared counter 100,000 times in total under a mutex; the
// time slices are short enough that goroutines are preempted inside the loop (11.2).
mu := sync.Mutex()
wg := sync.WaitGroup()
counter := 0
shared := {n: 0}
for g := 1; g <= 8; g++ {
    wg:add(1)
    go func() {
        defer wg:done()
        for i := 1; i <= 12500; i++ {
            mu:lock()
            counter++
            shared.n = shared.n + 1
            mu:unlock()
        }
    }()
}
wg:wait()
print(counter, shared.n)                             // expect: 100000\t100000
// A lock held across a blocking operation keeps others out.
order := {}
mu:lock()
done := make(chan)
go func() {
    mu:lock()
    order[#order + 1] = "goroutine"
    mu:unlock()
    done <- true
}()
time.sleep(0.02)
order[#order + 1] = "main"
mu:unlock()
<-done
print(order[1], order[2])                            // expect: main\tgoroutine
