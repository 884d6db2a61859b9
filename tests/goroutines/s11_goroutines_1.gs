ch := make(chan)
go func() {
    for i := 1; i <= 3; i++ { ch <- i * 10 }
    close(ch)
}()
for v := range ch { print(v) }
// expect: 10
// expect: 20
// expect: 30
v, ok := <-ch
print(v, ok)                       // expect: nil\tfalse
jobs := make(chan, 3)
jobs <- "a"
jobs <- "b"
print(len(jobs), cap(jobs))        // expect: 2\t3
close(jobs)
print(<-jobs, <-jobs, <-jobs)      // expect: a\tb\tnil
