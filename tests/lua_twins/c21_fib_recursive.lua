-- recursive and iterative fibonacci
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local function fibi(n) local a, b = 0, 1 for _ = 1, n do a, b = b, a + b end return a end
for n = 0, 25 do print(n, fib(n), fibi(n)) end
for n = 80, 95 do print(n, fibi(n)) end
