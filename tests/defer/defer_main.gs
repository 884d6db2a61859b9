// Deferred calls of the main chunk run when it ends normally (rule 5).
defer print("main defer 1")
defer func() { print("main defer 2") }()
print("main body")
// expect: main body
// expect: main defer 2
// expect: main defer 1
