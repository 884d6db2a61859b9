-- singly linked list: build, reverse, iterate, remove
local function push(list, v) return {value = v, next = list} end
local list = nil
for i = 1, 8 do list = push(list, i * i) end
local function tostr(l) local p = {} while l do p[#p + 1] = l.value l = l.next end return table.concat(p, "->") end
print(tostr(list))
local function reverse(l) local r = nil while l do r = {value = l.value, next = r} l = l.next end return r end
list = reverse(list)
print(tostr(list))
local function remove(l, pred)
  if l == nil then return nil end
  if pred(l.value) then return remove(l.next, pred) end
  l.next = remove(l.next, pred)
  return l
end
list = remove(list, function(v) return v % 2 == 0 end)
print(tostr(list))
local function iter(l) return function() if l then local v = l.value l = l.next return v end end end
for v in iter(list) do print("item", v) end
local n = 0
for _ in iter(reverse(list)) do n = n + 1 end
print("count", n)
