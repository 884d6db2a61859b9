// ackermann: deep non-tail recursion, ack(3, n) for n = 1..N
func ack(m, n) {
    if m == 0 {
        return n + 1
    }
    if n == 0 {
        return ack(m - 1, 1)
    }
    return ack(m - 1, ack(m, n - 1))
}

N := tonumber(arg[1]) || 10
total := 0
for n := 1; n <= N; n++ {
    r := ack(3, n)
    total += r
    print("ack(3," .. n .. ") = " .. r)
}
for i := 1; i <= 200; i++ {
    total += ack(2, i)
}
print("total = " .. total)
