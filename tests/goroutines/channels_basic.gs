// Channel operations (11.4, 12.1).
ch := make(chan, 3)
ch <- 1
ch <- nil
ch <- {v: "t"}
print(len(ch), cap(ch), type(ch))                   // expect: 3\t3\tchannel
print(<-ch, <-ch, (<-ch).v)                          // expect: 1\tnil\tt
u := make(chan)
print(len(u), cap(u))                                // expect: 0\t0
go func() { u <- "hello" }()
print(<-u)                                           // expect: hello
close(ch)
v, ok := <-ch
print(v, ok)                                         // expect: nil\tfalse
print(pcall(func() { ch <- 1 }))                     // expect: false\tchannels_basic.gs:15: send on closed channel
print(pcall(close, ch))                              // expect: false\tclose of closed channel
print(pcall(close, nil))                             // expect: false\tclose of nil channel
print(pcall(close, 5))                               // expect: false\tbad argument #1 to 'close' (channel expected, got number)
print(pcall(func() { x := 5; x <- 1 }))              // expect: false\tchannels_basic.gs:19: attempt to send to a number value
print(pcall(func() { return <-"s" }))                // expect: false\tchannels_basic.gs:20: attempt to receive from a string value
print(pcall(func() { return make(chan, -1) }))       // expect: false\tchannels_basic.gs:21: invalid channel capacity
print(pcall(cap, {}))                                // expect: false\tbad argument #1 to 'cap' (channel expected, got table)
b := make(chan, 2.0)
print(cap(b), make(chan) != make(chan))              // expect: 2\ttrue
