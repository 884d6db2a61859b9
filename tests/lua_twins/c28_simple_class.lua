-- a simple account class with methods and class-level counters
local Account = {count = 0}
Account.__index = Account
function Account.new(owner, balance)
  Account.count = Account.count + 1
  return setmetatable({owner = owner, balance = balance or 0, id = Account.count}, Account)
end
function Account:deposit(v) self.balance = self.balance + v return self end
function Account:withdraw(v)
  if v > self.balance then return false, "insufficient funds" end
  self.balance = self.balance - v
  return true
end
function Account:describe() return string.format("#%d %s: %.2f", self.id, self.owner, self.balance) end
local a = Account.new("ann", 100)
local b = Account.new("bob")
a:deposit(50):deposit(25.5)
print(a:describe()); print(b:describe())
print(b:withdraw(10)); print(a:withdraw(75.5)); print(a:describe())
for i = 1, 5 do local c = Account.new("acct" .. i, i * 10) c:deposit(i) print(c:describe(), Account.count) end
print(a.count, rawget(a, "count"), Account.count)
