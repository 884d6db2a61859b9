{
    func fact(n) {
        if n <= 1 { return 1 }
        return n * fact(n - 1)
    }
    print(fact(20))     // expect: 2432902008176640000
}
print(fact)             // expect: nil
_, second := "a", "b"
print(second)           // expect: b
const Limit = 10
func check(n) { return n <= Limit }
print(check(3), check(11))   // expect: true\tfalse
