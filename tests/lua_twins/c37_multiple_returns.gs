// multiple returns, adjustment, swap idioms
func divmod(a, b) { return math.idiv(a, b), a % b }
for a := -7; a <= 7; a += 2 { print(a, divmod(a, 3)) }
func minmax(...) {
    mn, mx := math.huge, -math.huge
    for _, v := range ipairs({...}) { if v < mn { mn = v }; if v > mx { mx = v } }
    return mn, mx
}
print(minmax(3, 1, 4, 1, 5, 9, 2, 6))
a, b, c := minmax(7)
print(a, b, c)
x, y := 1, 2
x, y = y, x
print(x, y)
t := {minmax(5, -5)}
print(#t, t[1], t[2])
print((minmax(2, 8)))
func none() {}
p, q := none()
print(p, q, select("#", none()))
