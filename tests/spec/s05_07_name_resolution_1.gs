x := 1                  // top level: global x
func show() { print(x) }
func setLocal() {
    x := 100            // new local, shadows the global
    x = x + 1
    return x
}
print(setLocal())       // expect: 101
show()                  // expect: 1
func setGlobal() {
    y = 5               // no visible local y: assigns the global y
}
setGlobal()
print(y, _G.y, undefinedName)   // expect: 5\t5\tnil
