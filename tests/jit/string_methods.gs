// JIT: method calls on strings in traces (`s:upper()`, `s:sub(i, j)`, `s:byte(i)`,
// `s:find(p)`): the method comes from the strings' metatable's `__index` table
// (guarded by identity); a string library function replaced by the script, and an
// `__index` replaced half-way, take the guards' exits.

words := {"alpha", "Beta", "gamma", "DELTA", "epsilon"}
out := 0
for i := 1; i <= 200; i++ {
    w := words[i % #words + 1]
    u := w:upper()
    out += #u + w:byte(1) + #w:sub(2, 3)
    s, e := w:find("a", 1, true)
    if s != nil {
        out += s * 100 + e
    }
}
print("methods", out)

// string.rep replaced by a script function in the middle of the loop.
orig := string.rep
n := 0
for i := 1; i <= 120; i++ {
    if i == 60 {
        string.rep = func(s, k) { return "x" }
    }
    n += #("ab"):rep(3)
}
string.rep = orig
print("replaced", n)

// The strings' __index replaced by another table half-way (and restored).
mt := getmetatable("")
saved := mt.__index
alt := {shout: func(s) { return "!" .. s }, upper: func(s) { return "U" }}
m := 0
for i := 1; i <= 120; i++ {
    if i == 70 {
        mt.__index = alt
    }
    m += #("abc"):upper()
}
mt.__index = saved
print("index", m)
// expect: methods	47120
// expect: replaced	415
// expect: index	258
