// nil channels block forever; closed channels (11.4, 11.5).
var nilch
print(pcall(close, nilch))                           // expect: false\tclose of nil channel
select {
case nilch <- 1:
    print("never")
case v := <-nilch:
    print("never", v)
default:
    print("nil cases never proceed")                 // expect: nil cases never proceed
}
// A goroutine blocked forever on a nil channel does not keep the program alive.
go func() { nilch <- 1 }()
go func() { <-nilch }()
// Closed channel: buffered values first, then nil, false at once.
c := make(chan, 3)
c <- 1
c <- 2
close(c)
print(len(c), cap(c))                                // expect: 2\t3
a, ok1 := <-c
b, ok2 := <-c
z, ok3 := <-c
print(a, ok1, b, ok2, z, ok3)                        // expect: 1\ttrue\t2\ttrue\tnil\tfalse
print(pcall(func() { c <- 3 }))                      // expect: false\tnil_and_closed.gs:25: send on closed channel
// Closing wakes every blocked receiver with nil, false.
u := make(chan)
res := make(chan, 3)
for i := 1; i <= 3; i++ {
    go func() {
        v, ok := <-u
        res <- {v, ok}
    }()
}
time.sleep(0.01)
close(u)
for i := 1; i <= 3; i++ {
    r := <-res
    io_ok := r[1] == nil && r[2] == false
    print(io_ok)
}
// expect: true
// expect: true
// expect: true
// Closing makes a blocked sender raise "send on closed channel" in its goroutine.
s := make(chan)
errs := make(chan)
go func() {
    ok, err := pcall(func() { s <- "x" })
    errs <- err
}()
time.sleep(0.01)
close(s)
print(<-errs)                                        // expect: nil_and_closed.gs:49: send on closed channel
// select: a closed channel's receive case proceeds; a send case on it raises.
d := make(chan)
close(d)
select {
case v, ok := <-d:
    print("recv closed", v, ok)                      // expect: recv closed\tnil\tfalse
}
print(pcall(func() {
    select {
    case d <- 1:
        print("never")
    }
}))                                                  // expect: false\tnil_and_closed.gs:64: send on closed channel
// Receiving from nil blocks forever, so main must not do it: the timer wins.
select {
case <-nilch:
case <-time.after(0.01):
    print("timer")                                   // expect: timer
}
print(pcall(func() { select { case <-5: } }))        // expect: false\tnil_and_closed.gs:74: attempt to receive from a number value
print(pcall(func() { select { case {} <- 1: } }))    // expect: false\tnil_and_closed.gs:75: attempt to send to a table value
