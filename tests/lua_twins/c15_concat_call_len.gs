// __concat, __call, __len
List := {}
List.__index = List
func list(...) { return setmetatable({items: {...}}, List) }
List.__len = func(l) { return #l.items }
List.__concat = func(a, b) {
    r := list()
    func add(x) {
        if getmetatable(x) == List { for _, v := range ipairs(x.items) { r.items[#r.items + 1] = v } } else { r.items[#r.items + 1] = x }
    }
    add(a); add(b)
    return r
}
List.__call = func(l, i) { return l.items[i] }
List.__tostring = func(l) { return "[" .. table.concat(l.items, " ") .. "]" }
a := list(1, 2, 3)
b := a .. 4
c := 0 .. b
d := a .. list(7, 8) .. "end"
print(#a, #b, #c, #d)
print(tostring(a), tostring(b), tostring(c), tostring(d))
for i := 1; i <= #d; i++ { print(i, d(i)) }
f := setmetatable({}, {__call: func(self, x, y) { return x + y, x * y }})
print(f(3, 4))
print(pcall(f, 5, 6))
