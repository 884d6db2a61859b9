// string.format integer conversions
print(string.format("%d|%5d|%-5d|%05d|%+d|% d|%.3d|%5.3d", 42, 42, 42, 42, 42, 42, 7, 7))
print(string.format("%d|%i|%d", -0, math.maxinteger, math.mininteger))
print(string.format("%x|%X|%#x|%#X|%o|%#o|%08x", 255, 255, 255, 255, 8, 8, 48879))
print(string.format("%x|%X|%o", -1, -255, -8))
print(string.format("%u|%u", 42, -1))
print(string.format("%c%c%c|%5c|%-5c|", 72, 105, 33, 65, 66))
print(string.format("%d", 3.0), string.format("%d", "10"), string.format("%x", "0x10"))
print(string.format("%-+8d|%+08d|%+.0d|%.0d|", 5, -5, 0, 0))
