// select {} blocks forever; with nothing else running it is a deadlock (11.5, 11.6).
print("start")                                       // expect: start
select {}
// expect-stderr: fatal error: all goroutines are asleep - deadlock!
// expect-exit: 2
