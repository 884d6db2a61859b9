// bit32 GS extras and argument conversion (spec 12.5)
print(bit32.test(5, 0), bit32.test(5, 1), bit32.test(5, 40), bit32.set(0, 31), bit32.clear(0xFF, 0), bit32.toggle(5, 1), bit32.set(1, -1))
print(bit32.countbits(0xF0F0), bit32.highbit(0), bit32.highbit(1), bit32.highbit(0x80000000), bit32.highbit(-1))
print(bit32.toHex(0), bit32.toHex(255), bit32.toHex(-1), bit32.toHex(0xABC, 8), bit32.toHex(0x12345, 2))
print(bit32.band(3.9, 7), bit32.band(-1.5), bit32.bor("8", 1), bit32.band(4294967296 + 3), bit32.bnot(-1), bit32.band(1e20))
print(bit32.arshift(0x80000000, 4), bit32.arshift(0x80000000, 40), bit32.arshift(0x40000000, 40), bit32.arshift(-8, -1), bit32.rrotate(1, 1), bit32.rrotate(1, -1))
print(bit32.btest(1, 3), bit32.btest(2, 5), bit32.btest())
print(pcall(bit32.band, 0 / 0))
print(pcall(bit32.bor, 1 / 0))
print(pcall(bit32.band, "x"))
print(pcall(bit32.extract, 1, -1))
print(pcall(bit32.extract, 1, 0, 0))
print(pcall(bit32.extract, 1, 30, 3))
print(pcall(bit32.replace, 1, 1, 32))

// Expected output:
// expect: true\tfalse\tfalse\t2147483648\t254\t7\t1
// expect: 8\t-1\t0\t31\t31
// expect: 0x0\t0xFF\t0xFFFFFFFF\t0x00000ABC\t0x12345
// expect: 3\t4294967295\t9\t3\t0\t1661992960
// expect: 4160749568\t4294967295\t0\t4294967280\t2147483648\t2
// expect: true\tfalse\ttrue
// expect: false\tbad argument #1 to 'band' (number has no integer representation)
// expect: false\tbad argument #1 to 'bor' (number has no integer representation)
// expect: false\tbad argument #1 to 'band' (number expected, got string)
// expect: false\tbad argument #2 to 'extract' (field cannot be negative)
// expect: false\tbad argument #3 to 'extract' (width must be positive)
// expect: false\ttrying to access non-existent bits
// expect: false\ttrying to access non-existent bits
