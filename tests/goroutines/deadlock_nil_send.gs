// Sending on a nil channel blocks forever; with nothing else able to run: deadlock.
var c
go func() {
    select {
    case <-c:
    case c <- 1:
    }
}()
print("about to block")                              // expect: about to block
c <- 1
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-exit: 2
