// A parse error (wording implementation-defined): nothing runs, status 1.
print("never printed")
y := (2 + )
// expect-exit: 1
