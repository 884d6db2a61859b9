// When the main chunk ends, the program exits even if goroutines are blocked or running (11.6).
blocker := make(chan)
go func() {
    defer print("goroutine defer never runs")
    <-blocker
}()
go func() {
    for { }
}()
print("main done")                                   // expect: main done
