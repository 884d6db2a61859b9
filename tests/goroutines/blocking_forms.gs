// Blocking operations in every calling position: pcall, xpcall, defer, tail calls,
// coroutines and method values.
print(pcall(time.sleep, 0.01))                       // expect: true
mu := sync.Mutex()
print(xpcall(mu.lock, print, mu))                    // expect: true
go func() { time.sleep(0.01); mu:unlock() }()
print(pcall(mu.lock, mu))                            // expect: true
mu:unlock()
done := make(chan)
go func() {
    defer func() { done <- "deferred send after return" }()
    return 1
}()
print(<-done)                                        // expect: deferred send after return
go func() {
    defer func() { done <- "after deferred sleep" }()
    defer time.sleep(0.01)
}()
print(<-done)                                        // expect: after deferred sleep
// A deferred blocking call while an error unwinds, caught by pcall.
go func() {
    print(pcall(func() {
        defer time.sleep(0.01)
        error("unwinding", 0)
    }))
    done <- "caught"
}()
// expect: false\tunwinding
print(<-done)                                        // expect: caught
// Tail calls of blocking builtins end the goroutine when they return.
wg := sync.WaitGroup()
wg:add(1)
go func() { return time.sleep(0.01) }()
go func() { defer wg:done(); return time.sleep(0.02) }()
wg:wait()
print("tail-called sleep returned")                  // expect: tail-called sleep returned
// A coroutine blocks the goroutine that resumes it (10.5).
co := coroutine.wrap(func() {
    v := <-done
    coroutine.yield("got " .. v)
    time.sleep(0.01)
    return "slept inside coroutine"
})
go func() { done <- "ping" }()
print(co())                                          // expect: got ping
print(co())                                          // expect: slept inside coroutine
// Two goroutines each inside their own coroutine, blocked on each other.
a, b := make(chan), make(chan)
r := make(chan, 2)
go func() {
    c := coroutine.wrap(func() { a <- 1; return <-b })
    r <- c()
}()
go func() {
    c := coroutine.wrap(func() { v := <-a; b <- v + 1; return v })
    r <- c()
}()
x, y := <-r, <-r
print(x + y)                                         // expect: 3
// A suspended coroutine is resumed by a different goroutine.
gen := coroutine.create(func() {
    for i := 1; i <= 3; i++ { coroutine.yield(i) }
})
coroutine.resume(gen)
go func() {
    _, v := coroutine.resume(gen)
    done <- v
}()
print(<-done)                                        // expect: 2
