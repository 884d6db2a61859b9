ch := make(chan)
print("waiting")                   // expect: waiting
<-ch
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-exit: 2
