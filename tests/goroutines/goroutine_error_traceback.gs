// An uncaught error in goroutine 3 (numbered by creation) exits with status 2 after
// running that goroutine's own deferred calls; main's deferred calls do not run.
defer print("main defer: not printed")
go func() { }()
out, ack := make(chan), make(chan)
go func() {
    defer print("goroutine defer runs")
    out <- "started"
    <-ack
    local := {}
    local.missing.field = 1
}()
print(<-out)                                         // expect: started
ack <- true
select {}
// expect: goroutine defer runs
// expect-stderr: gscript: goroutine_error_traceback.gs:11: attempt to index a nil value (field 'missing')
// expect-exit: 2
