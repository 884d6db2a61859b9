// The main chunk may return values; they are ignored and the status is 0.
defer print("main defer runs")
print("a")                 // expect: a
return 1, 2, 3
// expect: main defer runs
