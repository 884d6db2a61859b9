// Method calls v:m(args) (6.8, 7.1).
acct := {balance: 10}
acct.deposit = func(self, n) { self.balance += n; return self.balance }
print(acct:deposit(5))                               // expect: 15
acct:deposit(1)
print(acct.balance)                                  // expect: 16
print(acct.deposit(acct, 4))                         // expect: 20
print(("hi"):rep(3, "-"), "abc":upper(), ("x"):len())   // expect: hi-hi-hi\tABC\t1
s := "Hello"
print(s:lower(), s:sub(2, 3), s:byte(1), #s:rep(2))  // expect: hello\tel\t72\t10
evals := 0
func get() { evals++; return acct }
get():deposit(0)
print(evals)                                         // expect: 1
Stack := {}
Stack.__index = Stack
Stack.new = func() { return setmetatable({items: {}}, Stack) }
Stack.push = func(self, v) { self.items[#self.items + 1] = v; return self }
Stack.pop = func(self) { v := self.items[#self.items]; self.items[#self.items] = nil; return v }
st := Stack.new()
st:push(1):push(2):push(3)
print(st:pop(), st:pop(), #st.items)                 // expect: 3\t2\t1
print(pcall(func() { st:nothing() }))                // expect: false\tmethods.gs:23: attempt to call a nil value (method 'nothing')
