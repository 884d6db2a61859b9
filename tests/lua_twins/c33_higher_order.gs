// higher-order functions written by hand: map, filter, reduce, compose
func map(t, f) { r := {}; for i, v := range ipairs(t) { r[i] = f(v, i) }; return r }
func filter(t, p) { r := {}; for _, v := range ipairs(t) { if p(v) { r[#r + 1] = v } }; return r }
func reduce(t, f, acc) { for _, v := range ipairs(t) { acc = f(acc, v) }; return acc }
func compose(...) {
    fs := {...}
    return func(x) { for i := #fs; i >= 1; i-- { x = fs[i](x) }; return x }
}
nums := {}
for i := 1; i <= 15; i++ { nums[i] = i }
sq := map(nums, func(v) { return v * v })
print(table.concat(sq, " "))
print(table.concat(filter(sq, func(v) { return v % 2 == 1 }), " "))
print(reduce(nums, func(a, b) { return a + b }, 0), reduce(nums, math.max, -1), reduce({}, math.max, "empty"))
inc := func(x) { return x + 1 }
dbl := func(x) { return x * 2 }
f := compose(inc, dbl, inc)
for i := 1; i <= 5; i++ { print(i, f(i), compose(dbl, dbl)(i), compose()(i)) }
print(table.concat(map({"a", "b", "c"}, func(v, i) { return v:rep(i) }), ","))
