k := "dyn"
t := {"a", "b", name: "x", "with space": 1, [k]: 2, [1 + 1]: "B"}
print(t[1], t[2], t.name, t["with space"], t.dyn, #t)   // expect: a\tB\tx\t1\t2\t2
func three() { return 1, 2, 3 }
print(#{three(), three()}, #{three(), "x"}, #{(three())})   // expect: 4\t2\t1
acct := {balance: 10}
acct.deposit = func(self, n) { self.balance += n; return self.balance }
print(acct:deposit(5))           // expect: 15
acct:deposit(1)
print(acct.balance, ("hi"):rep(3, "-"), "abc":upper())   // expect: 16\thi-hi-hi\tABC
