// Short strings are interned across collections: equal contents stay equal keys after
// many strings were created and collected (intern table rebuilt by sweeps).
t := {}
for i := 1; i <= 20000; i++ {
    s := "s" .. i
    t[s] = i
}
collectgarbage()
for round := 1; round <= 3; round++ {
    for i := 1; i <= 20000; i++ {
        junk := "junk" .. round .. ":" .. i
    }
    collectgarbage()
}
ok := 0
for i := 1; i <= 20000; i++ {
    if t["s" .. i] == i { ok++ }
}
print(ok)                               // expect: 20000
a := "abc" .. "def"
b := "abcd" .. "ef"
print(a == b, t[a], #a)                 // expect: true\tnil\t6
// Concatenation of many pieces and numbers.
parts := ""
for i := 1; i <= 5; i++ { parts = parts .. i .. "," .. 1.5 .. ";" }
print(parts)                            // expect: 1,1.5;2,1.5;3,1.5;4,1.5;5,1.5;
big := string.rep("x", 100) .. string.rep("y", 100)
print(#big, big == string.rep("x", 100) .. string.rep("y", 100))   // expect: 200\ttrue
