// for v := range ch (7.8, 11.4): nil values are values; the loop ends when closed and drained.
ch := make(chan, 10)
ch <- 1
ch <- nil
ch <- false
ch <- "x"
close(ch)
n := 0
for v := range ch {
    n++
    print(n, v)
}
// expect: 1\t1
// expect: 2\tnil
// expect: 3\tfalse
// expect: 4\tx
print(n)                                             // expect: 4
// Range over an unbuffered channel fed by a goroutine, with break and continue.
u := make(chan)
go func() {
    for i := 1; i <= 10; i++ { u <- i }
    close(u)
}()
evens := 0
for v := range u {
    if v % 2 == 1 { continue }
    evens += v
    if v == 8 { break }
}
print(evens)                                         // expect: 20
print(<-u, <-u)                                      // expect: 9\t10
print(pcall(func() {
    var c
    for v := range c { print(v) }
}))                                                  // expect: false\trange_channel.gs:34: cannot range over a nil value
// for range ch without variables.
w := make(chan, 3)
w <- 1
w <- 2
close(w)
k := 0
for range w { k++ }
print(k)                                             // expect: 2
