ch := make(chan)
select {
case v := <-ch:
    print("got", v)
case <-time.after(0.05):
    print("timeout")               // expect: timeout
}
c := make(chan, 1)
for i := 1; i <= 2; i++ {
    select {
    case c <- i:
        print("sent", i)           // expect: sent\t1
    default:
        print("full", i)           // expect: full\t2
    }
}
go func() {
    time.sleep(10)
    print("never printed")
}()
print("main done")                 // expect: main done
