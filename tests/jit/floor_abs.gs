// JIT: math.floor (int results from floats, guarded to fit an integer) and math.abs of
// integers (wrapping) inside traces.
func main() {
    vals := {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.0, -2.0, 1e15 + 0.5, -1e15 - 0.5, 4611686018427387904.0, -9223372036854775808.0, 9223372036854775808.0, 1 / 0, -1 / 0, 0 / 0, 7, -7, 9223372036854775807, -9223372036854775807 - 1}
    out := {}
    for i := 1; i <= #vals; i++ {
        v := vals[i]
        out[#out + 1] = math.floor(v)
        out[#out + 1] = math.abs(v)
    }
    for i := 1; i <= #out; i++ {
        out[i] = tostring(out[i])
    }
    print(table.concat(out, " "))
    // A typical use: an index from a float.
    t := {}
    for i := 1; i <= 100; i++ {
        t[i] = i
    }
    s := 0
    for i := 1; i <= 990; i++ {
        s = s + t[math.floor(i / 10.0) + 1]
    }
    print(s)
    // abs of ints in a loop.
    d := 0
    for i := -500; i <= 500; i++ {
        d = d + math.abs(i - 7)
    }
    print(d)
}
main()

// expect: 0 0.0 0 0.0 0 0.5 -1 0.5 1 1.5 -2 1.5 2 2.0 -2 2.0 1000000000000000 1e+15 -1000000000000001 1e+15 4611686018427387904 4.6116860184274e+18 -9223372036854775808 9.2233720368548e+18 9.2233720368548e+18 9.2233720368548e+18 inf inf -inf inf -nan nan 7 7 -7 7 9223372036854775807 9223372036854775807 -9223372036854775808 -9223372036854775808
// expect: 49599
// expect: 250549
