// metatable-based vector class with arithmetic metamethods
Vec := {}
Vec.__index = Vec
func new(x, y) { return setmetatable({x: x, y: y}, Vec) }
Vec.__add = func(a, b) { return new(a.x + b.x, a.y + b.y) }
Vec.__sub = func(a, b) { return new(a.x - b.x, a.y - b.y) }
Vec.__mul = func(a, b) {
    if type(a) == "number" { return new(a * b.x, a * b.y) }
    if type(b) == "number" { return new(a.x * b, a.y * b) }
    return a.x * b.x + a.y * b.y
}
Vec.__div = func(a, s) { return new(a.x / s, a.y / s) }
Vec.__unm = func(a) { return new(-a.x, -a.y) }
Vec.__eq = func(a, b) { return a.x == b.x && a.y == b.y }
Vec.__tostring = func(v) { return "(" .. v.x .. ", " .. v.y .. ")" }
Vec.__len = func(v) { return math.sqrt(v.x * v.x + v.y * v.y) }
Vec.norm = func(v) { l := #v; return new(v.x / l, v.y / l) }
a, b := new(3, 4), new(1, -2)
print(tostring(a + b), tostring(a - b), a * b, tostring(a * 2), tostring(3 * b))
print(tostring(a / 2), tostring(-a), #a, tostring(a:norm()))
print(a == new(3, 4), a != b, a == b)
acc := new(0, 0)
for i := 1; i <= 10; i++ { acc = acc + new(i, i * i); print(i, tostring(acc)) }
