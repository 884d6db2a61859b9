// sync.WaitGroup and sync.Mutex (11.7, 12.11).
wg := sync.WaitGroup()
mu := sync.Mutex()
total := 0
for i := 1; i <= 20; i++ {
    wg:add(1)
    go func() {
        defer wg:done()
        mu:lock()
        total += i
        mu:unlock()
    }()
}
wg:wait()
print(total)                                         // expect: 210
print(mu:tryLock(), mu:tryLock())                    // expect: true\tfalse
mu:unlock()
print(pcall(func() { mu:unlock() }))                 // expect: false\tsync_mutex_wg.gs:18: sync: unlock of unlocked mutex
print(pcall(func() { wg:add(-1) }))                  // expect: false\tsync_mutex_wg.gs:19: sync: negative WaitGroup counter
print(type(wg), type(mu))                            // expect: table\ttable
wg2 := sync.WaitGroup()
wg2:wait()
print("wait on zero returns")                        // expect: wait on zero returns
