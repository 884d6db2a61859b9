// bitwise operators (xor is ~ in Lua, ^ in GScript; &^ written as a & ^b)
vals := {0, 1, 5, 255, -1, 0x7F, 1 << 40, math.mininteger, math.maxinteger, 12345}
for i := 1; i <= #vals; i++ {
    a, b := vals[i], vals[#vals - i + 1]
    print(a, b, a & b, a | b, a ^ b, ^a, a &^ b)
}
for s := -2; s <= 66; s += 4 { print("shift", s, 1 << s, -1 >> s, 0xFF << s, math.mininteger >> s) }
x := 0
for i := 0; i <= 15; i += 3 { x = x | (1 << i) }
print(x, x & 0xF0, (x >> 2) ^ 0x5)
