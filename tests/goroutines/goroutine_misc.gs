// go with builtins, methods, __call objects and varargs (7.14); errors at the go statement.
done := make(chan)
go print("builtin goroutine")
time.sleep(0.01)
// expect: builtin goroutine
obj := {name: "obj"}
obj.greet = func(self, greeting, ch) { ch <- greeting .. " " .. self.name }
go obj:greet("hello", done)
print(<-done)                                        // expect: hello obj
callable := setmetatable({}, {__call: func(self, x) { done <- x * 2 }})
go callable(21)
print(<-done)                                        // expect: 42
func spread(ch, ...) { ch <- select_count(...) }
func select_count(...) { return #{...} }
go spread(done, 1, 2, 3)
print(<-done)                                        // expect: 3
print(pcall(func() { var f; go f() }))               // expect: false\tgoroutine_misc.gs:17: attempt to call a nil value (local 'f')
print(pcall(func() { go ({})() }))                   // expect: false\tgoroutine_misc.gs:18: attempt to call a table value
// Arguments are evaluated in the calling goroutine, at the go statement.
x := 1
go func(v) { done <- v }(x)
x = 2
print(<-done)                                        // expect: 1
// Closures share variables with their creator (11.1).
count := 0
wg := sync.WaitGroup()
for i := 1; i <= 5; i++ {
    wg:add(1)
    go func() { count += i; wg:done() }()
}
wg:wait()
print(count)                                         // expect: 15
// A goroutine whose body is a blocking builtin.
go time.sleep(0.01)
mu := sync.Mutex()
mu:lock()
go mu:lock()
go mu.unlock(mu)
time.sleep(0.02)
print(mu:tryLock())                                  // expect: false
// Each goroutine has its own main coroutine.
go func() {
    co, ismain := coroutine.running()
    done <- ismain && type(co) == "coroutine"
}()
print(<-done)                                        // expect: true
// FIFO service of blocked senders on one channel.
u := make(chan)
for i := 1; i <= 5; i++ {
    go func() { u <- i }()
    time.sleep(0.002)
}
s := ""
for i := 1; i <= 5; i++ { s = s .. <-u }
print(s)                                             // expect: 12345
