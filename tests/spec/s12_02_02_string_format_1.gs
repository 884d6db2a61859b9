print(string.format("%5.2f|%-5d|%+d|%x|%X|%o|%e|%g|%g|%g", 3.14159, 42, 5, 255, 255, 8, 12345.678, 0.1, 1e20, 100000))
// expect:  3.14|42   |+5|ff|FF|10|1.234568e+04|0.1|1e+20|100000
print(string.format("%g|%.3g|%#g|%.0e|%05.1f|%.3d|% d", 1e6, 1234.5, 1.0, 12345, -2.5, 5, 5))
// expect: 1e+06|1.23e+03|1.00000|1e+04|-02.5|005| 5
print(string.format("%x|%u|%c%c|%s|%s|%5s|%-5s|%.2s|", -1, -1, 71, 83, 2.0, nil, "ab", "ab", "xyz"))
// expect: ffffffffffffffff|18446744073709551615|GS|2.0|nil|   ab|ab   |xy|
print(string.format("%q", "a\n\"b\\\000c\0019"), string.format("%q %q %q", 1.0, 255, 1 / 0))
// expect: "a\\
// expect: \\"b\\\\\\0c\\0019"\t0x1p+0 255 1e9999
print(string.format("%.2f %.0f %.0f %.0f %.3f", 0.125, 0.5, 1.5, 2.5, 2.0005))   // expect: 0.12 0 2 2 2.001
print(string.format("%a %A %.2a", 0.1, 255.5, 1 / 3))   // expect: 0x1.999999999999ap-4 0X1.FFP+7 0x1.55p-2
print(pcall(string.format, "%d", 1.5))    // expect: false\tbad argument #2 to 'format' (number has no integer representation)
print(pcall(string.format, "%y", 1))      // expect: false\tinvalid conversion '%y' to 'format'
print(pcall(string.format, "%#d", 1))     // expect: false\tinvalid conversion specification: '%#d'
