// Objects reachable only through various roots survive collections: upvalues, tables
// inside tables, metatables, strings built at run time, coroutine stacks.
func make() {
    secret := {value: "kept"}
    return func() { return secret.value }
}
f := make()
nested := {a: {b: {c: "deep"}}}
mt := {__index: func(t, k) { return k .. "!" }}
obj := setmetatable({}, mt)
co := coroutine.create(func(x) {
    local := {x * 2}
    y := coroutine.yield(local[1])
    return local[1] + y
})
_, first := coroutine.resume(co, 21)
s := ""
for i := 1; i <= 50; i++ { s = s .. i }
for i := 1; i <= 200000; i++ { _ = {i} }      // garbage to trigger collections
collectgarbage()
print(f(), nested.a.b.c, obj.hi, first)      // expect: kept\tdeep\thi!\t42
print(coroutine.resume(co, 1))               // expect: true\t43
print(#s)                                    // expect: 91
