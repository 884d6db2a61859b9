// Coroutines run on the goroutine that resumes them (10.5).
gen := coroutine.wrap(func() {
    for i := 1; i <= 3; i++ { coroutine.yield(i) }
})
res := make(chan)
go func() {
    s := 0
    for i := 1; i <= 3; i++ { s += gen() }
    res <- s
}()
print(<-res)                                         // expect: 6
go func() {
    _, ismain := coroutine.running()
    res <- ismain
}()
print(<-res)                                         // expect: true
