// JIT: pure builtins called out of traces (carg/calln): string.format, tonumber,
// tostring, string.rep/sub/upper/char, math.max/min/fmod. Guard failures: an argument
// that is not a number or string (a table: its __tostring must run in the
// interpreter), a builtin raising an error (the trace exits before the call, the
// interpreter raises it), a builtin replaced by a script function, and call-outs inside
// inlined functions.

func line(i, w) {
    return string.format("%05d:%s=%d;", i, w, i * 7 % 1000)
}

func build(n, words) {
    parts := {}
    for i := 1; i <= n; i++ {
        parts[#parts + 1] = line(i, words[i % #words + 1])
    }
    return parts
}

func numbers(a) {
    s := 0
    for i := 1; i <= #a; i++ {
        s += tonumber(a[i]) + math.max(i, 150) - math.min(i, 50) + math.fmod(i, 7)
    }
    return s
}

func strs(n) {
    total := 0
    last := ""
    for i := 1; i <= n; i++ {
        s := string.upper(string.rep(string.char(97 + i % 26), i % 5 + 1))
        last = string.sub(s, 1, 2) .. tostring(i)
        total += #s + #tostring(i * 0.5)
    }
    return total, last
}

func fmtAll(a) {
    out := {}
    for i := 1; i <= #a; i++ {
        out[i] = string.format("<%s>", a[i])
    }
    return out
}

func main() {
    words := {"alpha", "beta", "gamma", "delta"}
    p := build(300, words)
    print("build", #p, p[1], p[300])
    nums := {}
    for i := 1; i <= 300; i++ { nums[i] = tostring(i * 3) }
    print("numbers", numbers(nums))
    print("strs", strs(300))

    // Big integers and floats as arguments.
    big := {}
    for i := 1; i <= 200; i++ { big[i] = (1 << 62) + i }
    big[150] = 2.5
    f := fmtAll(big)
    print("big", f[1], f[150], f[200])

    // A table argument with __tostring: the trace's type guard exits, the interpreter
    // calls the metamethod.
    mixed := {}
    for i := 1; i <= 200; i++ { mixed[i] = i }
    mixed[170] = setmetatable({}, {__tostring: func(t) { return "T" }})
    f2 := fmtAll(mixed)
    print("meta", f2[169], f2[170], f2[171])

    // tonumber of a string that is not a number returns nil: arithmetic on it errors.
    nums[250] = "x1"
    ok, err := pcall(numbers, nums)
    print("bad number", ok)
    // string.rep with a bad argument raises an error inside the loop.
    reps := {}
    for i := 1; i <= 200; i++ { reps[i] = 2 }
    reps[180] = "many"
    ok2, err2 := pcall(func() {
        n := 0
        for i := 1; i <= #reps; i++ { n += #string.rep("ab", reps[i]) }
        return n
    })
    print("bad rep", ok2, string.find(err2, "bad argument #2 to 'rep'", 1, true) != nil)

    // The builtin replaced by a script function.
    saved := string.format
    string.format = func(f, ...) { return "X" }
    p2 := build(300, words)
    print("replaced", p2[1], p2[300])
    string.format = saved
    p3 := build(300, words)
    print("restored", p3[300])
}
main()
// expect: build	300	00001:beta=7;	00300:alpha=100;
// expect: numbers	178903
// expect: strs	2182	O300
// expect: big	<4611686018427387905>	<2.5>	<4611686018427388104>
// expect: meta	<169>	<T>	<171>
// expect: bad number	false
// expect: bad rep	false	true
// expect: replaced	X	X
// expect: restored	00300:alpha=100;
