-- sieve: sieve of Eratosthenes over a boolean array, repeated N times
function sieve(n)
    local flags = {}
    for i = 1, n do
        flags[i] = true
    end
    local count = 0
    for i = 2, n do
        if flags[i] then
            count = count + 1
            for j = i * i, n, i do
                flags[j] = false
            end
        end
    end
    return count
end

N = tonumber(arg and arg[1]) or 40
total = 0
for r = 1, N do
    total = total + sieve(1000000 + r)
end
print("primes below 1000000: " .. sieve(1000000))
print("total = " .. total)
