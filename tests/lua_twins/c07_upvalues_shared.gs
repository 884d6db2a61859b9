// upvalues shared between closures and nested levels
func bank() {
    balance := 0
    log := {}
    func deposit(n) { balance = balance + n; log[#log + 1] = "+" .. n }
    func withdraw(n) {
        if n > balance { log[#log + 1] = "denied " .. n; return false }
        balance = balance - n; log[#log + 1] = "-" .. n; return true
    }
    func report() { return balance, table.concat(log, " ") }
    return deposit, withdraw, report
}
d, w, r := bank()
d(100); print(w(30)); print(w(100)); d(5)
print(r())
func outer() {
    x := 1
    return func() {
        y := 10
        return func() { x = x + 1; y = y + 1; return x, y }
    }
}
mid := outer()
a, b := mid(), mid()
print(a()); print(a()); print(b()); print(a())
