-- compare: lua5.4
-- bitops: 64-bit integer bit manipulation (xorshift64, rotate, popcount, FNV-1a); needs Lua 5.3+ operators
function xorshift(x)
    x = x ~ (x << 13)
    x = x ~ (x >> 7)
    x = x ~ (x << 17)
    return x
end

function popcount(x)
    local c = 0
    while x ~= 0 do
        x = x & (x - 1)
        c = c + 1
    end
    return c
end

function fnv1a(s)
    local h = 0xcbf29ce484222325
    for i = 1, #s do
        h = (h ~ string.byte(s, i)) * 0x100000001b3
    end
    return h
end

function run(n)
    local x = 88172645463325252
    local bits = 0
    local acc = 0
    for i = 1, n do
        x = xorshift(x)
        bits = bits + popcount(x & 0xffff)
        acc = acc ~ (x >> 3)
        acc = (acc << 1) | (acc >> 63)
    end
    local words = {}
    for i = 1, 2000 do
        words[i] = string.format("%x", x + i)
    end
    return bits, acc, fnv1a(table.concat(words, ","))
end

N = tonumber(arg and arg[1]) or 3000000
bits, acc, h = run(N)
print("bits " .. bits)
print(string.format("acc %x hash %x", acc, h))
