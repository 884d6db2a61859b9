// 64-bit integers beyond the inline (48-bit) range in every arithmetic and bitwise op:
// boxed operands, boxed results, results falling back into the inline range.
big := 0x123456789abcdef0
lim := 1 << 47          // first value that does not fit inline
print(big & 0xff, big | 1, big ^ big, big ^ -1)          // expect: 240\t1311768467463790321\t0\t-1311768467463790321
print(big << 4, big >> 60, big >> -4, big << 64)         // expect: 2541551405711093504\t1\t2541551405711093504\t0
s := 13
print(big << s, big >> s, 1 << s << 40, (1 << 60) >> s)   // expect: -8444509509298290688\t160127986750950\t9007199254740992\t140737488355328
print(^big, ^lim, ^(^big) == big)                          // expect: -1311768467463790321\t-140737488355329\ttrue
print(lim - 1, lim + 0, -lim, -(-lim - 1))                 // expect: 140737488355327\t140737488355328\t-140737488355328\t140737488355329
print(big + 1, big - big, big * 2, big * big, 1 + big)     // expect: 1311768467463790321\t0\t2623536934927580640\t-6493618294075612928\t1311768467463790321
print(big % 1000, big / 2 == 655884233731895160.0, big ** 2 == big * big)   // expect: 320\ttrue\ttrue
print(big == 0x123456789abcdef0, big < big + 1, big > lim, lim <= lim)    // expect: true\ttrue\ttrue\ttrue
print(math.type(big & 0xffff), math.type((big >> 16) << 16), (big >> 16) << 16)   // expect: integer\tinteger\t1311768467463733248
print(big & 1.0, 2.0 ^ big == (big ^ 2))                   // expect: 0\ttrue
print(pcall(func() { return big & 1.5 }))                  // expect: false\tboxed_int_ops.gs:16: number has no integer representation
print(pcall(func() { return big | "1" }))                  // expect: false\tboxed_int_ops.gs:17: attempt to perform bitwise operation on a string value (constant '1')
print(big + "1", "2" * big)                                // expect: 1311768467463790321\t2623536934927580640

// xorshift64 and FNV-1a: results cross the inline boundary on almost every step.
x := 88172645463325252
for i := 1; i <= 1000; i++ {
    x = x ^ (x << 13)
    x = x ^ (x >> 7)
    x = x ^ (x << 17)
}
print(x)                                                   // expect: 1363160026601443621
h := 0xcbf29ce484222325
for i := 1; i <= 200; i++ {
    h = (h ^ (i & 0xff)) * 0x100000001b3
}
print(h, string.format("%x", h))                           // expect: -7522289038989106259\t979b75f94d3d63ad

// Metamethods still apply to non-numbers mixed with boxed integers.
t := setmetatable({}, {__band: func(a, b) { return "band" }, __shl: func(a, b) { return "shl" }, __add: func(a, b) { return "add" }})
print(big & t, t << big, big + t, t + big)                 // expect: band\tshl\tadd\tadd

// Array stores: an existing item is overwritten without __newindex; a new key calls it.
seen := {}
arr := setmetatable({1, 2, 3}, {__newindex: func(t, k, v) { seen[#seen + 1] = k; rawset(t, k, v) }})
for i := 1; i <= 4; i++ { arr[i] = i * 10 }
arr[2] = nil
arr[2] = 5
print(table.concat(arr, ","), table.concat(seen, ","))    // expect: 10,5,30,40\t4,2
