-- fib: naive doubly recursive Fibonacci (call/return overhead, integer add)
function fib(n)
    if n < 2 then
        return n
    end
    return fib(n - 1) + fib(n - 2)
end

N = tonumber(arg and arg[1]) or 38
print("fib(" .. N .. ") = " .. fib(N))
