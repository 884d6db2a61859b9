-- queue and stack implementations
local Queue = {}
Queue.__index = Queue
function Queue.new() return setmetatable({first = 1, last = 0, items = {}}, Queue) end
function Queue:push(v) self.last = self.last + 1 self.items[self.last] = v end
function Queue:pop()
  if self.first > self.last then return nil end
  local v = self.items[self.first]
  self.items[self.first] = nil
  self.first = self.first + 1
  return v
end
function Queue:size() return self.last - self.first + 1 end
local q = Queue.new()
for i = 1, 5 do q:push(i * 3) end
print(q:size(), q:pop(), q:pop(), q:size())
for i = 6, 8 do q:push(i * 3) end
while q:size() > 0 do print("q", q:pop(), q:size()) end
print(q:pop())
local stack = {}
for w in ("to be or not to be that is"):gmatch("%a+") do stack[#stack + 1] = w end
while #stack > 0 do print("s", table.remove(stack), #stack) end
