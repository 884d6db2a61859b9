// Limits matrix (docs/reliability.md): string size, string.format widths, pattern
// complexity, huge integer literals. Each error is catchable; the VM keeps working.
func msg(f, ...) { ok, e := pcall(f, ...); return ok, string.gsub(tostring(e), "^[^:]*:%d+: ", "") }
print(msg(string.rep, "x", 1 << 40))                 // expect: false\tresulting string too large\t0
print(msg(string.rep, "x", (1 << 31)))               // expect: false\tresulting string too large\t0
print(msg(string.rep, "xx", 1 << 30, ","))           // expect: false\tresulting string too large\t0
print(#string.rep("ab", 1000, ","))                  // expect: 2999
print(msg(string.format, "%100d", 1))                // expect: false\tinvalid conversion specification: '%100d'\t0
print(msg(string.format, "%.100f", 1))               // expect: false\tinvalid conversion specification: '%.100f'\t0
print(#string.format("%99.99f", 1), #string.format("%-99s|", "x"))   // expect: 101\t100
print(msg(string.find, "a", string.rep("(", 33) .. "a" .. string.rep(")", 33)))   // expect: false\ttoo many captures\t0
print(msg(string.match, string.rep("a", 1000), string.rep("a?", 1000) .. string.rep("a", 1000)))   // expect: false\tpattern too complex\t0
print(msg(string.gsub, string.rep("x", 100), string.rep("(x?)", 30) .. string.rep(".-", 300) .. "$", ""))   // expect: false\tpattern too complex\t0
print(string.find(string.rep("a", 500), string.rep("%f[a]", 300)))   // expect: 1\t0
print(msg(string.find, "abc", "[a"))                 // expect: false\tmalformed pattern (missing ']')\t0
// Huge numeric literals: decimal integers that overflow become floats; hex ones wrap (2.8).
print(99999999999999999999999, 9223372036854775807, 9223372036854775808)   // expect: 1e+23\t9223372036854775807\t9.2233720368548e+18
print(0xffffffffffffffffff, 0x7fffffffffffffff + 1 == math.mininteger)   // expect: -1\ttrue
print(load("return " .. string.rep("9", 400))())     // expect: inf
print(tonumber(string.rep("1", 1000)) > 1e300, tonumber("0x" .. string.rep("f", 1000)))   // expect: true\t-1
print(math.maxinteger + 1 == math.mininteger, math.idiv(math.mininteger, -1), math.mininteger % -1)   // expect: true\t-9223372036854775808\t0
s := "x"
for i := 1; i <= 20; i++ { s = s .. s }
print(#s, #(s .. s))                                 // expect: 1048576\t2097152
