// os.exit(false) exits with status 1 (12.8).
print("bye")               // expect: bye
os.exit(false)
// expect-exit: 1
