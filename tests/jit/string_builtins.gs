// JIT: `#s`, `string.byte`, `string.len` and `type` in traces (strlen, strbyte,
// guardtype), with their guards failing: an index outside the string (exits; the
// interpreter returns nil or errors), a negative index, a value that stops being a
// string, and builtins replaced by script functions (identity guards).

func bytesum(s, step) {
    h := 0
    for i := 1; i <= #s; i += step {
        h = (h * 31 + string.byte(s, i)) % 1000000007
    }
    return h
}

func lens(a) {
    n := 0
    for i := 1; i <= #a; i++ {
        n += #a[i] + string.len(a[i])
    }
    return n
}

// Reads one byte past the end on the last iteration: string.byte returns nothing,
// so `b` is nil there.
func pastEnd(s) {
    nils := 0
    sum := 0
    for i := 1; i <= #s + 1; i++ {
        b := string.byte(s, i)
        if b == nil {
            nils++
        } else {
            sum += b
        }
    }
    return sum, nils
}

func negative(s) {
    sum := 0
    for i := 1; i <= 40; i++ {
        sum += string.byte(s, -(i % 5) - 1)
    }
    return sum
}

func kinds(a) {
    nn := 0
    ns := 0
    nt := 0
    nb := 0
    nf := 0
    nl := 0
    for i := 1; i <= #a; i++ {
        t := type(a[i])
        if t == "number" {
            nn++
        } else if t == "string" {
            ns++
        } else if t == "table" {
            nt++
        } else if t == "boolean" {
            nb++
        } else if t == "function" {
            nf++
        } else if t == "nil" {
            nl++
        }
    }
    return {number: nn, string: ns, table: nt, boolean: nb, ["function"]: nf, ["nil"]: nl}
}

func firstBytes(a) {
    s := 0
    for i := 1; i <= #a; i++ {
        s += string.byte(a[i])
    }
    return s
}

// FNV-1a: the hash is a big integer (outside the inline range) when the trace is
// entered: the slot load takes the heap-box path instead of exiting.
func fnv1a(s) {
    h := 0xcbf29ce484222325
    for i := 1; i <= #s; i++ {
        h = (h ^ string.byte(s, i)) * 0x100000001b3
    }
    return h
}

func main() {
    print("fnv", fnv1a(string.rep("abc,", 100)), fnv1a("x"))
    text := string.rep("The quick brown fox jumps over the lazy dog. ", 50)
    print("bytesum", bytesum(text, 1), bytesum(text, 7), bytesum("", 1))

    words := {}
    for i := 1; i <= 200; i++ { words[i] = string.rep("ab", i % 9) .. "x" }
    print("lens", lens(words))
    print("past end", pastEnd("hello world, hello jit"))
    print("negative", negative("abcdefgh"))

    // A string that becomes a table: `#` then takes the table path.
    mixed := {}
    for i := 1; i <= 200; i++ {
        if i > 150 { mixed[i] = {1, 2, 3} } else { mixed[i] = "abc" }
    }
    n := 0
    for i := 1; i <= #mixed; i++ { n += #mixed[i] }
    print("mixed #", n)
    // string.len of a number: the interpreter converts it.
    nums := {}
    for i := 1; i <= 200; i++ {
        if i > 150 { nums[i] = i * 1000 } else { nums[i] = "abcd" }
    }
    m := 0
    for i := 1; i <= #nums; i++ { m += string.len(nums[i]) }
    print("len of numbers", m)

    vals := {}
    for i := 1; i <= 300; i++ {
        k := i % 10
        if k == 0 { vals[i] = i } else if k == 1 { vals[i] = i + 0.5 } else if k == 2 { vals[i] = "s" .. i }
        else if k == 3 { vals[i] = {} } else if k == 4 { vals[i] = i % 3 == 0 } else if k == 5 { vals[i] = print }
        else if k == 6 { vals[i] = func() {} } else if k == 7 { vals[i] = 1 << 60 } else if k == 8 { vals[i] = false }
        else { vals[i] = math.huge }
    }
    c := kinds(vals)
    print("kinds", c.number, c.string, c.table, c.boolean, c["function"], c["nil"])
    // Typed values (ints, floats, tables) need no type guard; nil appears late.
    typed := {}
    for i := 1; i <= 200; i++ { typed[i] = i }
    k1 := kinds(typed)
    for i := 1; i <= 200; i++ { typed[i] = i + 0.25 }
    k2 := kinds(typed)
    for i := 1; i <= 200; i++ { typed[i] = {} }
    k3 := kinds(typed)
    print("typed", k1.number, k2.number, k3.table)
    holes := {}
    for i := 1; i <= 100; i++ { holes[i] = i }
    holes[99] = nil
    holes[100] = "x"
    c3 := kinds(holes)
    print("with a hole", c3.number, c3["nil"], c3.string)

    a := {}
    for i := 1; i <= 300; i++ { a[i] = string.char(65 + i % 26) .. "z" }
    print("first bytes", firstBytes(a))
    // The builtins replaced by script functions: the traces' identity guards fail.
    savedByte := string.byte
    string.byte = func(s, i) { return 1 }
    print("replaced byte", firstBytes(a), bytesum(text, 7))
    string.byte = savedByte
    print("restored byte", firstBytes(a))
    savedType := type
    type = func(v) { return "number" }
    c2 := kinds(vals)
    print("replaced type", c2.number, c2.string)
    type = savedType
    savedLen := string.len
    string.len = func(s) { return 100 }
    print("replaced len", lens(words))
    string.len = savedLen
    // A non-string argument to string.byte: the interpreter's error.
    a[250] = {}
    ok2, err := pcall(firstBytes, a)
    print("bad argument", ok2, string.find(err, "bad argument #1 to 'byte' (string expected, got table)", 1, true) != nil)
}
main()
// expect: fnv	-199971488796243547	-5808529385363204345
// expect: bytesum	56178770	20551379	0
// expect: lens	3580
// expect: past end	2083	1
// expect: negative	4080
// expect: mixed #	600
// expect: len of numbers	900
// expect: kinds	120	30	30	60	60	0
// expect: typed	200	200	200
// expect: with a hole	98	1	1
// expect: first bytes	23180
// expect: replaced byte	300	941937422
// expect: restored byte	23180
// expect: replaced type	300	0
// expect: replaced len	21790
// expect: bad argument	false	true
