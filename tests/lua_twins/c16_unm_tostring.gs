// __unm, __tostring, __name-free printing through tostring and string.format
Money := {}
Money.__index = Money
func money(c) { return setmetatable({cents: c}, Money) }
Money.__unm = func(m) { return money(-m.cents) }
Money.__add = func(a, b) { return money(a.cents + b.cents) }
Money.__tostring = func(m) {
    sign := m.cents < 0 && "-" || ""
    c := math.abs(m.cents)
    return string.format("%s$%d.%02d", sign, math.idiv(c, 100), c % 100)
}
vals := {0, 5, 99, 100, 12345, -250, 1000001}
for _, c := range ipairs(vals) {
    m := money(c)
    print(tostring(m), tostring(-m), tostring(m + money(1)), string.format("[%s]", m))
}
