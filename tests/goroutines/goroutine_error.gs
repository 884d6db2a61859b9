// An uncaught error in a goroutine ends the program with status 2 (9.8).
defer print("main defer does not run")
done := make(chan)
go func() {
    x := nil
    x.field = 1
}()
<-done
// expect-stderr: gscript: goroutine_error.gs:6: attempt to index a nil value (local 'x')
// expect-exit: 2
