// string.format integer conversions and flags
vals := {0, 1, -1, 42, -42, 255, 65535, 123456789, math.maxinteger, math.mininteger, 3.0}
fmts := {"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%x", "%X", "%#x", "%o", "%#o", "%i", "%u"}
for _, v := range ipairs(vals) {
    r := {}
    for _, f := range ipairs(fmts) { r[#r + 1] = string.format(f, v) }
    print(table.concat(r, " "))
}
print(string.format("%d%%", 50), string.format("%c%c%c", 76, 117, 97), string.format("[%3c][%-3c]", 65, 66))
