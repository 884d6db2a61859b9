// __eq, __lt, __le on a version type
V := {}
V.__index = V
func ver(a, b, c) { return setmetatable({a, b, c}, V) }
func cmp(x, y) {
    for i := 1; i <= 3; i++ {
        if x[i] != y[i] { return x[i] < y[i] && -1 || 1 }
    }
    return 0
}
V.__eq = func(x, y) { return cmp(x, y) == 0 }
V.__lt = func(x, y) { return cmp(x, y) < 0 }
V.__le = func(x, y) { return cmp(x, y) <= 0 }
V.__tostring = func(v) { return v[1] .. "." .. v[2] .. "." .. v[3] }
vs := {ver(1, 0, 0), ver(1, 2, 0), ver(1, 2, 0), ver(0, 9, 9), ver(2, 0, 1)}
for i := 1; i <= #vs; i++ {
    for j := 1; j <= #vs; j++ {
        x, y := vs[i], vs[j]
        print(tostring(x), tostring(y), x == y, x != y, x < y, x <= y, x > y, x >= y)
    }
}
