// bit32 functions vs Lua 5.4 integer operators
print(bit32.band(0xFF, 0x0F), bit32.band(), bit32.bor(1, 2, 4), bit32.bor(), bit32.bxor(5, 3), bit32.bxor(), bit32.bnot(0), bit32.bnot(0xF0F0F0F0))
print(bit32.band(-1, 0xFFFF), bit32.bor(-1), bit32.band(4294967301, 7), bit32.bxor(0xFFFFFFFF, 1))
print(bit32.lshift(1, 31), bit32.lshift(1, 32), bit32.lshift(0xFF, -4), bit32.rshift(-1, 28), bit32.rshift(0x80000000, -1), bit32.rshift(1, 40))
print(bit32.lrotate(0x80000001, 1), bit32.lrotate(0x12345678, 4), bit32.lrotate(0x12345678, -4), bit32.lrotate(1, 33))
print(bit32.extract(0xABCD, 4, 8), bit32.extract(0xABCD, 0), bit32.extract(-1, 31), bit32.replace(0, 0xF, 8, 4), bit32.replace(0xFFFF, 0, 4, 8))
print(bit32.countbits(255), bit32.countbits(0), bit32.countbits(-1), bit32.countbits(0x80000001))
