// Goroutines with unbuffered channels preserve per-channel order (11.1, 11.4).
jobs := make(chan)
results := make(chan)
go func() {
    for i := 1; i <= 5; i++ { jobs <- i }
    close(jobs)
}()
go func() {
    for j := range jobs { results <- j * j }
    close(results)
}()
total := 0
for r := range results {
    io.write(r, " ")
    total += r
}
print()                                              // expect: 1 4 9 16 25 
print(total)                                         // expect: 55
done := make(chan)
shared := {}
go func() {
    shared.x = "written by goroutine"
    done <- true
}()
<-done
print(shared.x)                                      // expect: written by goroutine
