// Top-level declarations assign globals; elsewhere they declare locals (5.3, 5.7).
x := 1
func show() { print(x) }
func setLocal() {
    x := 100
    x = x + 1
    return x
}
print(setLocal())                                     // expect: 101
show()                                                // expect: 1
func setGlobal() { y = 5 }
setGlobal()
print(y, _G.y, undefinedName)                         // expect: 5\t5\tnil
var v1
var v2, v3 = "a", "b"
print(v1, v2, v3, _G.v2)                              // expect: nil\ta\tb\ta
func topFn() { return "top" }
print(_G.topFn())                                     // expect: top
{
    func blockFn() { return "block" }
    bl := 1
    print(blockFn(), _G.blockFn, _G.bl)               // expect: block\tnil\tnil
}
print(blockFn, bl)                                    // expect: nil\tnil
_G.viaG = 42
print(viaG)                                           // expect: 42
print(_G._G == _G, _G.print == print)                 // expect: true\ttrue
oldprint := print
print = func(...) { oldprint("wrapped:", ...) }
print("hi")                                           // expect: wrapped:\thi
print = oldprint
for i := 0; i < 1; i++ { z := 3 }
print(z)                                              // expect: nil
