// select with time.after timeouts (11.5, 12.10).
slow := make(chan)
go func() {
    time.sleep(0.2)
    slow <- "slow result"
}()
select {
case v := <-slow:
    print("got", v)
case <-time.after(0.02):
    print("timeout")                                 // expect: timeout
}
select {
case v := <-slow:
    print("got", v)                                  // expect: got\tslow result
case <-time.after(5):
    print("timeout 2")
}
// A timer channel has capacity 1, is never closed and delivers a value once.
t := time.after(0.01)
print(cap(t), len(t))                                // expect: 1\t0
v := <-t
print(v != nil, len(t))                              // expect: true\t0
select {
case <-t:
    print("second value")
default:
    print("only once")                               // expect: only once
}
// Zero and negative durations fire at once (at the next scheduling point).
<-time.after(0)
<-time.after(-1)
print("immediate timers")                            // expect: immediate timers
// A periodic loop with a deadline.
ticks := 0
deadline := time.after(0.1)
loop: for {
    select {
    case <-deadline:
        break loop
    case <-time.after(0.01):
        ticks++
    }
}
print(ticks >= 3 && ticks <= 10)                     // expect: true
