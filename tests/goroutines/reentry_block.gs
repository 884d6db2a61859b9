// Phase 1: a goroutine cannot block inside a callback run by a builtin (a __tostring
// handler called by tostring, a table.sort comparator, an xpcall message handler...):
// that raises an error. Non-blocking channel operations work there.
ch := make(chan)
blocker := setmetatable({}, {__tostring: func(self) { <-ch; return "never" }})
print(pcall(tostring, blocker))
// expect: false\treentry_block.gs:5: attempt to block across a builtin call boundary
buf := make(chan, 10)
fine := setmetatable({}, {__tostring: func(self) { buf <- 1; return "ok " .. len(buf) }})
print(tostring(fine))                                // expect: ok 1
mu := sync.Mutex()
mu:lock()
locker := setmetatable({}, {__tostring: func(self) { mu:lock(); return "x" }})
print(pcall(tostring, locker))
// expect: false\treentry_block.gs:13: attempt to block across a builtin call boundary
sleeper := setmetatable({}, {__tostring: func(self) { time.sleep(0.01); return "x" }})
print(pcall(tostring, sleeper))
// expect: false\treentry_block.gs:16: attempt to block across a builtin call boundary
print(xpcall(func() { error("e") }, func(m) { <-ch; return m }))
// expect: false\terror in error handling
// Preemption is postponed inside callbacks, so a long-running one completes.
go func() { for {} }()
slow := setmetatable({}, {__tostring: func(self) {
    n := 0
    for i := 1; i <= 200000; i++ { n += i }
    return "sum " .. n
}})
print(tostring(slow))                                // expect: sum 20000100000
