// queue and stack implementations
Queue := {}
Queue.__index = Queue
Queue.new = func() { return setmetatable({first: 1, last: 0, items: {}}, Queue) }
Queue.push = func(self, v) { self.last = self.last + 1; self.items[self.last] = v }
Queue.pop = func(self) {
    if self.first > self.last { return nil }
    v := self.items[self.first]
    self.items[self.first] = nil
    self.first = self.first + 1
    return v
}
Queue.size = func(self) { return self.last - self.first + 1 }
q := Queue.new()
for i := 1; i <= 5; i++ { q:push(i * 3) }
print(q:size(), q:pop(), q:pop(), q:size())
for i := 6; i <= 8; i++ { q:push(i * 3) }
for q:size() > 0 { print("q", q:pop(), q:size()) }
print(q:pop())
stack := {}
for w := range ("to be or not to be that is"):gmatch("%a+") { stack[#stack + 1] = w }
for #stack > 0 { print("s", table.remove(stack), #stack) }
