// select (11.5): ready cases, default, closed channels, nil channels, send cases.
a := make(chan, 1)
a <- "from a"
select {
case v := <-a:
    print("got", v)                                  // expect: got\tfrom a
default:
    print("default")
}
select {
case v := <-a:
    print("unexpected", v)
default:
    print("nothing ready")                           // expect: nothing ready
}
c := make(chan)
close(c)
select {
case v, ok := <-c:
    print("closed", v, ok)                           // expect: closed\tnil\tfalse
}
var nilch
select {
case <-nilch:
    print("never")
case <-time.after(0.01):
    print("timer fired")                             // expect: timer fired
}
out := make(chan, 1)
select {
case out <- 42:
    print("sent")                                    // expect: sent
}
print(<-out)                                         // expect: 42
var got
r := make(chan, 1)
r <- "assigned"
select {
case got = <-r:
}
print(got)                                           // expect: assigned
for i := 0; i < 3; i++ {
    select {
    case out <- i:
        break
    default:
    }
}
print(<-out)                                         // expect: 0
