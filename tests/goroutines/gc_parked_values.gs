// Values held only by parked goroutines, channel buffers, blocked senders, select waiters
// and timers survive collections (run in gc-stress mode too).
ch := make(chan)
for i := 1; i <= 20; i++ {
    go func() { ch <- {id: i, name: "value " .. i} }()
}
sel := make(chan)
go func() {
    select {
    case sel <- {tag: "from select"}:
    case <-time.after(10):
    }
}()
buf := make(chan, 5)
for i := 1; i <= 5; i++ { buf <- {n: i * 11} }
func churn() {
    junk := {}
    for i := 1; i <= 2000; i++ { junk[i % 50] = {i, tostring(i)} }
}
churn()
time.sleep(0.01)
churn()
sum := 0
names := 0
for i := 1; i <= 20; i++ {
    t := <-ch
    sum += t.id
    if t.name == "value " .. t.id { names++ }
}
print(sum, names)                                    // expect: 210\t20
print((<-sel).tag)                                   // expect: from select
s := 0
for i := 1; i <= 5; i++ { s += (<-buf).n }
print(s)                                             // expect: 165
// Sync objects and timers that become garbage.
for i := 1; i <= 200; i++ {
    m := sync.Mutex()
    m:lock()
    w := sync.WaitGroup()
    w:add(1)
    _ := time.after(100)
}
churn()
late := time.after(0.02)
churn()
print(<-late != nil)                                 // expect: true
m := sync.Mutex()
m:lock()
churn()
print(m:tryLock())                                   // expect: false
m:unlock()
print(m:tryLock())                                   // expect: true
