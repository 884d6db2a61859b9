// string.byte and string.char
s := "Hello\x00World\xff"
print(#s, s:byte(), s:byte(6), s:byte(-1), s:byte(100))
print(s:byte(1, 5))
print(s:byte(-3, -1))
print(select("#", s:byte(5, 2)), select("#", s:byte(1, -1)))
codes := {}
for i := 1; i <= #s; i++ { codes[#codes + 1] = s:byte(i) }
print(table.concat(codes, " "))
print(string.char(72, 105, 33), #string.char(), string.char(0, 255):byte(1, 2))
rot := {}
for c := range ("Hello, World!"):gmatch(".") {
    b := c:byte()
    if b >= 65 && b <= 90 { b = (b - 65 + 13) % 26 + 65 } elseif b >= 97 && b <= 122 { b = (b - 97 + 13) % 26 + 97 }
    rot[#rot + 1] = string.char(b)
}
print(table.concat(rot))
for b := 32; b <= 126; b += 8 { print(b, string.char(b, b + 1, b + 2, b + 3)) }
