// os.exit ends the program at once with the status; stdout is flushed; defers do not run (12.8, 7.13).
defer print("deferred: not printed")
io.write("flushed\n")      // expect: flushed
os.exit(3)
print("not reached")
// expect-exit: 3
