// fib: naive doubly recursive Fibonacci (call/return overhead, integer add)
func fib(n) {
    if n < 2 {
        return n
    }
    return fib(n - 1) + fib(n - 2)
}

N := tonumber(arg[1]) || 38
print("fib(" .. N .. ") = " .. fib(N))
