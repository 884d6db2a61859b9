// recursive and iterative fibonacci
func fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }
func fibi(n) { a, b := 0, 1; for i := 1; i <= n; i++ { a, b = b, a + b }; return a }
for n := 0; n <= 25; n++ { print(n, fib(n), fibi(n)) }
for n := 80; n <= 95; n++ { print(n, fibi(n)) }
