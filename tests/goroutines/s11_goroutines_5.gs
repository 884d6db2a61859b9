done := make(chan)
go func() {
    error("worker failed")
}()
<-done
// expect-stderr: gscript: s11_goroutines_5.gs:3: worker failed
// expect-exit: 2
