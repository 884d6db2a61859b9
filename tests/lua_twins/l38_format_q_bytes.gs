// %q escaping of every byte value, 16 per line
for row := 0; row <= 15; row++ {
    parts := {}
    for col := 0; col <= 15; col++ { parts[#parts + 1] = string.format("%q", string.char(row * 16 + col)) }
    print(row, table.concat(parts, " "))
}
print(string.format("%q", "\x00" .. "1\r" .. "2\n3\\4\"5\x7f" .. "6"))
