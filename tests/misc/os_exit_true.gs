// os.exit(true) exits with status 0, even from inside a function.
func f() {
    os.exit(true)
}
print("x")                 // expect: x
f()
print("not reached")
