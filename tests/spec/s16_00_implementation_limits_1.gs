func depth(n) {
    if n == 0 { return 0 }
    return 1 + depth(n - 1)
}
print(depth(10000))                       // expect: 10000
func forever(n) { return 1 + forever(n + 1) }
ok, err := pcall(forever, 1)
print(ok, string.sub(err, -14))           // expect: false\tstack overflow
print(depth(100))                         // expect: 100
