// compare: lua5.4
// bitops: 64-bit integer bit manipulation (xorshift64, rotate, popcount, FNV-1a); needs Lua 5.3+ operators
func xorshift(x) {
    x = x ^ (x << 13)
    x = x ^ (x >> 7)
    x = x ^ (x << 17)
    return x
}

func popcount(x) {
    c := 0
    for x != 0 {
        x = x & (x - 1)
        c++
    }
    return c
}

func fnv1a(s) {
    h := 0xcbf29ce484222325
    for i := 1; i <= #s; i++ {
        h = (h ^ string.byte(s, i)) * 0x100000001b3
    }
    return h
}

func run(n) {
    x := 88172645463325252
    bits := 0
    acc := 0
    for i := 1; i <= n; i++ {
        x = xorshift(x)
        bits = bits + popcount(x & 0xffff)
        acc = acc ^ (x >> 3)
        acc = (acc << 1) | (acc >> 63)
    }
    words := {}
    for i := 1; i <= 2000; i++ {
        words[i] = string.format("%x", x + i)
    }
    return bits, acc, fnv1a(table.concat(words, ","))
}

N := tonumber(arg[1]) || 3000000
bits, acc, h := run(N)
print("bits " .. bits)
print(string.format("acc %x hash %x", acc, h))
