// String -> number conversion (4.3.3) in arithmetic and tonumber.
print("10" + 5, "3.0" + 1, " 0x10 " * 1, "1e2" * 1)           // expect: 15\t4.0\t16\t100.0
print("0xffffffffffffffff" + 0, "9223372036854775808" + 0)    // expect: -1\t9.2233720368548e+18
print("  -7  " + 0, "\t5\n" + 0, "+5" * 1)                    // expect: -7\t5\t5
print(math.type("10" + 0), math.type("10.0" + 0), math.type("0x10" + 0))   // expect: integer\tfloat\tinteger
print(tonumber("0x.8"), tonumber("0x1p4"), tonumber("5."), tonumber(".5"))  // expect: 0.5\t16.0\t5.0\t0.5
print(tonumber("1E+2"), tonumber("1e500"), tonumber("-1e500"))   // expect: 100.0\tinf\t-inf
print(tonumber(""), tonumber("1e"), tonumber("0x"), tonumber("1_000"))   // expect: nil\tnil\tnil\tnil
print(tonumber("0b101"), tonumber("0o17"), tonumber("inf"), tonumber("nan"))   // expect: nil\tnil\tnil\tnil
print(tonumber("5 5"), tonumber("- 5"), tonumber("1\x00"), tonumber("  "))    // expect: nil\tnil\tnil\tnil
print(tonumber(42), tonumber(4.5), tonumber(nil), tonumber(true), tonumber({}))   // expect: 42\t4.5\tnil\tnil\tnil
print(tonumber("10", 2), tonumber("ff", 16), tonumber("FF", 16), tonumber("zz", 36))   // expect: 2\t255\t255\t1295
print(tonumber(" -101 ", 2), tonumber("8", 8), tonumber("1.5", 10), tonumber("", 10))  // expect: -5\tnil\tnil\tnil
print(pcall(tonumber, "10", 1))     // expect: false\tbad argument #2 to 'tonumber' (base out of range)
print(pcall(tonumber, "10", 37))    // expect: false\tbad argument #2 to 'tonumber' (base out of range)
print(pcall(tonumber))              // expect: false\tbad argument #1 to 'tonumber' (value expected)
print("10" == 10, "10" + 0 == 10)   // expect: false\ttrue
print(10 .. 20, -"2", -"2.5")       // expect: 1020\t-2\t-2.5
print(math.type(tonumber("0x7fffffffffffffff")), tonumber("0x7fffffffffffffff"))   // expect: integer\t9223372036854775807
