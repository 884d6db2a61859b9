// Library objects (12.0.4): kinds, names, wrong-self errors, counters.
mu := sync.Mutex()
wg := sync.WaitGroup()
print(type(mu), type(wg))                            // expect: table\ttable
print(getmetatable(mu).__name, getmetatable(wg).__name)  // expect: sync.Mutex\tsync.WaitGroup
print(getmetatable(mu) == getmetatable(sync.Mutex()))    // expect: true
n := 0
for k, v := range mu { n++ }
print("visible fields", n)                           // expect: visible fields\t0
print(pcall(mu.lock, wg))                            // expect: false\tbad argument #1 to 'lock' (sync.Mutex expected, got sync.WaitGroup)
print(pcall(mu.unlock, {}))                          // expect: false\tbad argument #1 to 'unlock' (sync.Mutex expected, got table)
print(pcall(wg.wait))                                // expect: false\tbad argument #1 to 'wait' (sync.WaitGroup expected, got no value)
print(pcall(func() { wg.add(mu, 1) }))               // expect: false\tsync_errors.gs:13: bad argument #1 to 'add' (sync.WaitGroup expected, got sync.Mutex)
fake := setmetatable({}, getmetatable(wg))
print(pcall(func() { fake:done() }))                 // expect: false\tsync_errors.gs:15: calling 'done' on bad self (sync.WaitGroup expected, got sync.WaitGroup)
print(pcall(func() { wg:add("x") }))                 // expect: false\tsync_errors.gs:16: bad argument #1 to 'add' (number expected, got string)
print(pcall(func() { wg:add(1.5) }))                 // expect: false\tsync_errors.gs:17: bad argument #1 to 'add' (number has no integer representation)
wg:add(3)
print(pcall(func() { wg:add(-4) }))                  // expect: false\tsync_errors.gs:19: sync: negative WaitGroup counter
wg:add(-3)
wg:wait()
print("counter back to zero")                        // expect: counter back to zero
print(pcall(func() { mu:unlock() }))                 // expect: false\tsync_errors.gs:23: sync: unlock of unlocked mutex
// Unlock by another goroutine; waiters get the lock in arrival order.
order := ""
mu:lock()
done := make(chan)
for i := 1; i <= 3; i++ {
    go func() {
        mu:lock()
        order = order .. i
        mu:unlock()
        done <- true
    }()
    time.sleep(0.002)
}
go func() { mu:unlock() }()
for i := 1; i <= 3; i++ { <-done }
print(order)                                         // expect: 123
// wait releases every waiter when the counter reaches zero via add.
w2 := sync.WaitGroup()
w2:add(2)
released := make(chan, 3)
for i := 1; i <= 3; i++ {
    go func() { w2:wait(); released <- i }()
}
time.sleep(0.01)
w2:done()
print(len(released))                                 // expect: 0
w2:add(-1)
time.sleep(0.01)
print(len(released))                                 // expect: 3
print(pcall(close, 5))                               // expect: false\tbad argument #1 to 'close' (channel expected, got number)
print(pcall(cap))                                    // expect: false\tbad argument #1 to 'cap' (channel expected, got no value)
