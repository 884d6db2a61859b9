// Proper tail calls (6.9.3), including method tail calls and mutual recursion.
func countdown(n) {
    if n == 0 { return "done" }
    return countdown(n - 1)
}
print(countdown(1000000))                            // expect: done
func isEven(n) { if n == 0 { return true }; return isOdd(n - 1) }
func isOdd(n) { if n == 0 { return false }; return isEven(n - 1) }
print(isEven(1000001), isOdd(1000001))               // expect: false\ttrue
obj := {}
obj.loop = func(self, n, acc) {
    if n == 0 { return acc }
    return self:loop(n - 1, acc + 1)
}
print(obj:loop(1000000, 0))                          // expect: 1000000
func multi(n) {
    if n == 0 { return 1, 2, 3 }
    return multi(n - 1)
}
print(multi(500000))                                 // expect: 1\t2\t3
