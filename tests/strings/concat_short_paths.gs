// Concatenation: short all-string joins (stack buffer), mixed numbers, the 40-byte
// boundary, long results, and __concat still reached after string operands.
a := "ab"
b := "cd"
print(a .. b, a .. b .. a, #(a .. b .. a .. b))           // expect: abcd\tabcdab\t8
x := "kami"
y := "ka" .. "mi"
t := {}
t[x] = 1
t[y] = (t[y] || 0) + 1
print(t["kami"], x == y)                                  // expect: 2\ttrue
s20 := "abcdefghijklmnopqrst"
print(#(s20 .. s20), #(s20 .. s20 .. "u"), #(s20 .. s20 .. s20))  // expect: 40\t41\t60
print((s20 .. s20) == "abcdefghijklmnopqrstabcdefghijklmnopqrst")  // expect: true
print("n=" .. 42 .. "/" .. 1.5, 1 .. 2)                   // expect: n=42/1.5\t12
print("" .. "", #("" .. "" .. ""))                        // expect: \t0
func show(v) {
    if type(v) == "table" {
        return "T"
    }
    return v
}
mt := {__concat: func(p, q) { return show(p) .. "+" .. show(q) }}
o := setmetatable({}, mt)
print("a" .. "b" .. o, o .. "c" .. "d")                  // expect: ab+T\tT+cd
ok, err := pcall(func() { return "a" .. {} })
print(ok, err)                                            // expect: false\tconcat_short_paths.gs:26: attempt to concatenate a table value
