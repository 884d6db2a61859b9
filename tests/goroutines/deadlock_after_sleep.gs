// A sleeping goroutine is not blocked (11.6): main waits for it; once it has finished
// and everything left is blocked, the program reports the deadlock.
ch := make(chan)
go func() {
    time.sleep(0.05)
    ch <- "from sleeper"
}()
print(<-ch)                                          // expect: from sleeper
wg := sync.WaitGroup()
wg:add(1)
go func() { <-ch }()
wg:wait()
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-exit: 2
