// JIT: builtins called out of a trace for several results (`calln` + `cres`):
// string.find (positions and captures, plain flag as a boolean or nil), string.match
// with several captures, fewer results than wanted (nil-padded), and a call that raises
// an error in a later iteration (the trace exits; the interpreter raises it).

text := ""
for i := 1; i <= 60; i++ {
    text = text .. "k" .. i .. "=" .. (i * 7 % 100) .. ";"
}

// Plain find with two results.
pos := 0
hits := 0
last := 0
for {
    s, e := string.find(text, "=", pos + 1, true)
    if s == nil {
        break
    }
    hits++
    last = e
    pos = e
}
print("plain", hits, last)

// Pattern find with captures (four results), plain flag nil.
sum := 0
caps := ""
pos = 1
for r := 1; r <= 200; r++ {
    s, e, key, val := string.find(text, "(k%d+)=(%d+)", pos, nil)
    if s == nil {
        pos = 1
    } else {
        sum += tonumber(val) + e - s
        if r % 50 == 0 {
            caps = caps .. key .. ","
        }
        pos = e + 1
    }
}
print("captures", sum, caps)

// string.match with three captures, and wanting more results than there are.
total := 0
missing := 0
for i := 1; i <= 100; i++ {
    a, b, c := string.match("x" .. i .. "-y" .. (i * 3) .. "-z", "x(%d+)%-y(%d+)%-(%a)")
    total += tonumber(a) + tonumber(b) + #c
    p, q, rr := string.match("v" .. i, "v(%d+)")
    if q == nil && rr == nil {
        missing++
    }
}
print("match", total, missing)

// Booleans as arguments change between iterations (plain true/false).
cnt := 0
for i := 1; i <= 100; i++ {
    plain := i % 2 == 0
    s, e := string.find("a.b.c", ".", 2, plain)
    cnt += s * 10 + e
}
print("flags", cnt)

// An error in a later iteration: raised by the interpreter with its usual message.
ok, err := pcall(func() {
    n := 0
    for i := 1; i <= 100; i++ {
        pat := "(%d+)"
        if i == 80 {
            pat = "(%d+"
        }
        s, e := string.find("abc123", pat)
        n += s + e
    }
    return n
})
print("error", ok, string.find(err, "capture", 1, true) != nil)

// More pure math builtins, one with two results (math.modf).
mm := 0.0
types := ""
for i := 1; i <= 120; i++ {
    x := i * 0.75
    ip, fp := math.modf(x)
    mm += ip + fp + math.idiv(i, 7) + math.trunc(-x) + math.round(x) + math.sign(i - 60)
    mm += math.clamp(i, 10, 100) + math.hypot(3, i) + math.pow(2, i % 5)
    if math.ult(i, 60) {
        mm += 1
    }
    if i % 40 == 0 {
        types = types .. math.type(x) .. math.type(i) .. ","
    }
}
print("math", mm, types)
// expect: plain	60	402
// expect: captures	10430	k50,k39,k28,k17,
// expect: match	20300	100
// expect: flags	2200
// expect: error	false	true
// expect: math	21670.571525737	floatinteger,floatinteger,floatinteger,
