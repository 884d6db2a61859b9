// singly linked list: build, reverse, iterate, remove
func push(list, v) { return {value: v, next: list} }
list := nil
for i := 1; i <= 8; i++ { list = push(list, i * i) }
func tostr(l) { p := {}; for l { p[#p + 1] = l.value; l = l.next }; return table.concat(p, "->") }
print(tostr(list))
func reverse(l) { r := nil; for l { r = {value: l.value, next: r}; l = l.next }; return r }
list = reverse(list)
print(tostr(list))
func remove(l, pred) {
    if l == nil { return nil }
    if pred(l.value) { return remove(l.next, pred) }
    l.next = remove(l.next, pred)
    return l
}
list = remove(list, func(v) { return v % 2 == 0 })
print(tostr(list))
func iter(l) { return func() { if l { v := l.value; l = l.next; return v } } }
for v := range iter(list) { print("item", v) }
n := 0
for _ := range iter(reverse(list)) { n = n + 1 }
print("count", n)
