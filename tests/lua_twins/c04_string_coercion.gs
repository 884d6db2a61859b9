// string <-> number coercions
strs := {"10", "3.5", " 7 ", "0x10", "1e2", "-4", "0xff", "  0x1p4  ", ".5", "5."}
for _, s := range ipairs(strs) {
    print(s, s + 1, s * 2, s - 0.5, -s, tonumber(s), math.type(tonumber(s)))
}
bad := {"", "abc", "1e", "0x", "1 2", "inf", "nan", "- 1"}
for _, s := range ipairs(bad) { print("[" .. s .. "]", tonumber(s)) }
print(10 .. 20, 1.5 .. "", -0.0 .. "x", 2.0 ** 63 .. "", math.mininteger .. "")
print("10" == 10, tostring(10) == "10", 10 .. "" == "10")
