// a simple account class with methods and class-level counters
Account := {count: 0}
Account.__index = Account
Account.new = func(owner, balance) {
    Account.count = Account.count + 1
    return setmetatable({owner: owner, balance: balance || 0, id: Account.count}, Account)
}
Account.deposit = func(self, v) { self.balance = self.balance + v; return self }
Account.withdraw = func(self, v) {
    if v > self.balance { return false, "insufficient funds" }
    self.balance = self.balance - v
    return true
}
Account.describe = func(self) { return string.format("#%d %s: %.2f", self.id, self.owner, self.balance) }
a := Account.new("ann", 100)
b := Account.new("bob")
a:deposit(50):deposit(25.5)
print(a:describe()); print(b:describe())
print(b:withdraw(10)); print(a:withdraw(75.5)); print(a:describe())
for i := 1; i <= 5; i++ { c := Account.new("acct" .. i, i * 10); c:deposit(i); print(c:describe(), Account.count) }
print(a.count, rawget(a, "count"), Account.count)
