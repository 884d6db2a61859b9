// Busy loops cannot starve other goroutines (11.2): six workers spin on a shared flag
// while main sleeps; main still wakes after 0.2 s and stops them.
stop := false
spins := {}
done := make(chan, 6)
for w := 1; w <= 6; w++ {
    go func() {
        n := 0
        for !stop { n++ }
        spins[w] = n
        done <- w
    }()
}
time.sleep(0.2)
stop = true
for i := 1; i <= 6; i++ { <-done }
all := true
for w := 1; w <= 6; w++ {
    if spins[w] == nil || spins[w] == 0 { all = false }
}
print("all workers ran and stopped", all)            // expect: all workers ran and stopped\ttrue
// Recursion without loops is preempted at calls.
func fib(n) {
    if n < 2 { return n }
    return fib(n - 1) + fib(n - 2)
}
result := make(chan)
ticker := 0
go func() { result <- fib(25) }()
go func() {
    for { ticker++; time.sleep(0.001) }
}()
print(<-result)                                      // expect: 75025
// An infinite empty loop in a goroutine does not stop main from finishing.
go func() { for {} }()
go func() { for range 1000000000000 {} }()
time.sleep(0.01)
print("main finished")                               // expect: main finished
