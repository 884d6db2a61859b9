// JIT: `#t` of tables with a hash part or holes in traces (`tlen`, the interpreter's
// border search out of the trace): objects with fields and items, appends through
// `t[#t + 1]` on such tables, items that continue in the hash part, holes, and a
// table that gets `__len` half-way (the metatable guard exits).

obj := {name: "list", count: 0}
for i := 1; i <= 300; i++ {
    obj[#obj + 1] = i
    obj.count = obj.count + 1
}
print("append", #obj, obj.count, obj[300])

// Items in the hash part: keys 1..10 stored backwards end up hashed.
back := {}
for i := 10; i >= 1; i-- {
    back[i] = i
}
s := 0
for r := 1; r <= 100; r++ {
    s += #back
}
print("hash items", s)

// Holes: the border of a table whose last array item is nil.
holes := {}
for i := 1; i <= 64; i++ {
    holes[i] = i
}
acc := 0
for r := 1; r <= 64; r++ {
    holes[65 - r] = nil
    holes.x = r
    acc += #holes
}
print("holes", acc)

// __len set half-way.
lt := {tag: 1, 1, 2, 3}
ls := 0
for r := 1; r <= 100; r++ {
    if r == 50 {
        setmetatable(lt, {__len: func(t) { return 100 }})
    }
    ls += #lt
}
print("meta", ls)
// expect: append	300	300	300
// expect: hash items	1000
// expect: holes	2016
// expect: meta	5247
