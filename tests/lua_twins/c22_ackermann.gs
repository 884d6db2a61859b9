// ackermann (small), mutual recursion, hanoi move counts
func ack(m, n) {
    if m == 0 { return n + 1 }
    if n == 0 { return ack(m - 1, 1) }
    return ack(m - 1, ack(m, n - 1))
}
for m := 0; m <= 3; m++ { for n := 0; n <= 4; n++ { print("ack", m, n, ack(m, n)) } }
var isodd
func iseven(n) { if n == 0 { return true }; return isodd(n - 1) }
isodd = func(n) { if n == 0 { return false }; return iseven(n - 1) }
for n := 0; n <= 7; n++ { print(n, iseven(n), isodd(n)) }
func hanoi(n, from, to, via, moves) {
    if n == 0 { return moves }
    moves = hanoi(n - 1, from, via, to, moves)
    moves = moves + 1
    return hanoi(n - 1, via, to, from, moves)
}
for n := 1; n <= 12; n++ { print("hanoi", n, hanoi(n, "A", "C", "B", 0)) }
