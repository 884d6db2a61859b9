Vec := {}
Vec.__index = Vec
func newVec(x, y) { return setmetatable({x: x, y: y}, Vec) }
Vec.__add = func(a, b) { return newVec(a.x + b.x, a.y + b.y) }
Vec.__eq = func(a, b) { return a.x == b.x && a.y == b.y }
Vec.__lt = func(a, b) { return a:len2() < b:len2() }
Vec.__le = func(a, b) { return a:len2() <= b:len2() }
Vec.__tostring = func(v) { return "(" .. v.x .. ", " .. v.y .. ")" }
Vec.__len = func(v) { return 2 }
Vec.__call = func(v, k) { return v[k] }
Vec.__concat = func(a, b) { return tostring(a) .. tostring(b) }
Vec.__unm = func(v) { return newVec(-v.x, -v.y) }
Vec.len2 = func(v) { return v.x * v.x + v.y * v.y }
a := newVec(1, 2)
b := newVec(3, 4)
print(a + b, a == newVec(1, 2), a != b, a < b, b <= a)   // expect: (4, 6)\ttrue\ttrue\ttrue\tfalse
print(#a, a("y"), a .. "!", -a)                          // expect: 2\t2\t(1, 2)!\t(-1, -2)
