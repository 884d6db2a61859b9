print(bit32.band(0xFF, 0x0F), bit32.bor(1, 2, 4), bit32.bxor(5, 3), bit32.bnot(0))   // expect: 15\t7\t6\t4294967295
print(bit32.lshift(1, 31), bit32.lshift(1, 32), bit32.rshift(-1, 28), bit32.arshift(0x80000000, 4))
// expect: 2147483648\t0\t15\t4160749568
print(bit32.extract(0xABCD, 4, 8), bit32.replace(0, 0xF, 8, 4), bit32.lrotate(0x80000001, 1), bit32.btest(2, 4))
// expect: 188\t3840\t3\tfalse
print(bit32.countbits(255), bit32.highbit(256), bit32.toHex(255), bit32.toHex(255, 4), bit32.test(5, 2))
// expect: 8\t8\t0xFF\t0x00FF\ttrue
