// Large but legal values: unpack/spread of many values, long strings (16).
t := {}
for i := 1; i <= 100000; i++ { t[i] = i }
print(select("#", table.unpack(t)))                  // expect: 100000
func count(...) { return select("#", ...) }
print(count(t...))                                   // expect: 100000
s := string.rep("x", 1 << 20)
print(#s, #(s .. s))                                 // expect: 1048576\t2097152
print((pcall(string.rep, "x", 1 << 40)))             // expect: false
print((pcall(table.unpack, {}, 1, 1 << 40)))         // expect: false
locals := 0
func many() {
    a1, a2, a3, a4, a5, a6, a7, a8, a9, a10 := 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    b1, b2, b3, b4, b5, b6, b7, b8, b9, b10 := 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    return a1 + a10 + b1 + b10
}
print(many())                                        // expect: 22
