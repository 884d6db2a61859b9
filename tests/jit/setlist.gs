// JIT: table constructors with items in traces (SETLIST as appends): ints, floats,
// strings and tables as items, nil items at the end and in the middle (not stored),
// an item that becomes nil in a later iteration, and constructors mixing fields and items.

sum := 0
for i := 1; i <= 200; i++ {
    t := {i, i * 2, i + 0.5, "s" .. i}
    sum += t[1] + t[2] + t[3] + #t[4] + #t
}
print("items", sum)

rows := {}
for i := 1; i <= 100; i++ {
    rows[i] = {i, {i, -i}, nil}
}
acc := 0
for i := 1; i <= 100; i++ {
    acc += rows[i][2][2] + #rows[i]
}
print("nested", acc)

// An item that is nil in some iterations: the hole stops the appends.
cnt := 0
for i := 1; i <= 150; i++ {
    x := i
    if i % 50 == 0 {
        x = nil
    }
    t := {1, x, 3}
    cnt += #t
    if t[3] != nil {
        cnt += t[3]
    }
}
print("holes", cnt)

// Fields and items in one constructor.
f := 0
for i := 1; i <= 120; i++ {
    t := {n: i, i, i + 1}
    f += t.n + t[1] + t[2]
}
print("fields", f)
// expect: items	81992.0
// expect: nested	-4850
// expect: holes	894
// expect: fields	21900
