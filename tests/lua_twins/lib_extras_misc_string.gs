// string.title/repeat/isNumeric vs equivalent Lua code
title := string.title; isNumeric := string.isNumeric
print(title("hello big world"), title("  two  spaces"), title("already Title"), title("x"), title(""), title("a-b c_d\te"))
print(string["repeat"]("ab", 3), string["repeat"]("x", 0), ("z"):rep(2))
nums := {"10", "0x1F", "1e3", " 5 ", "1_0", "abc", "", "1.5.2", "-7", "inf", "nan", "0x", ".5", "5."}
for _, n := range ipairs(nums) { io.write(tostring(isNumeric(n)), " ") }
print()
