// Every goroutine blocked: deadlock, status 2, stdout flushed (11.6).
ch := make(chan)
go func() { <-ch }()
io.write("before deadlock\n")                        // expect: before deadlock
mu := sync.Mutex()
mu:lock()
mu:lock()
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-exit: 2
