// %s with width/precision, alignment tables
items := {{"Widget", 4, 3.5}, {"Gadget extra long name", 12, 10.25}, {"X", 1000, 0.333}, {"", 0, 0}}
print(string.format("%-12s|%6s|%9s", "item", "qty", "price"))
for _, it := range ipairs(items) {
    print(string.format("%-12.12s|%6d|%9.2f", it[1], it[2], it[3]))
    print(string.format("%12s|%-6d|%-9.3g|", it[1], it[2], it[3]))
}
for w := 1; w <= 9; w += 2 { print(string.format("[%" .. w .. "s][%-" .. w .. "s][%." .. w .. "s]", "abcde", "abcde", "abcde")) }
