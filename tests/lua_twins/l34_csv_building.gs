// building and parsing CSV lines with table/string functions
rows := {{"name", "qty", "price"}, {"apple", 3, 0.5}, {"pear", 10, 1.25}, {"fig, dried", 1, 12.0}, {"kiwi", 0, 0.1}}
func esc(v) { v = tostring(v); if v:find(`[,"]`) { return `"` .. v:gsub(`"`, `""`) .. `"` }; return v }
lines := {}
for _, r := range ipairs(rows) { f := {}; for i, v := range ipairs(r) { f[i] = esc(v) }; lines[#lines + 1] = table.concat(f, ",") }
csv := table.concat(lines, "\n")
print(csv)
total := 0
for line := range csv:gmatch("[^\n]+") {
    name, qty, price := line:match(`^"?(.-)"?,(%d+),([%d.]+)$`)
    if name { total = total + qty * price; print(name, qty, price, qty * price) }
}
print("total", total, string.format("%.2f", total))
