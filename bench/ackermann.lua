-- ackermann: deep non-tail recursion, ack(3, n) for n = 1..N
function ack(m, n)
    if m == 0 then
        return n + 1
    end
    if n == 0 then
        return ack(m - 1, 1)
    end
    return ack(m - 1, ack(m, n - 1))
end

N = tonumber(arg and arg[1]) or 10
total = 0
for n = 1, N do
    local r = ack(3, n)
    total = total + r
    print("ack(3," .. n .. ") = " .. r)
end
for i = 1, 200 do
    total = total + ack(2, i)
end
print("total = " .. total)
