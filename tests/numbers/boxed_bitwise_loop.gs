// Bitwise results beyond the 48-bit inline range are boxed; boxes kept in a table
// survive the collections the loop triggers, and the values round-trip exactly.
keep := {}
x := 88172645463325252
for i := 1; i <= 20000; i++ {
    x = x ^ (x << 13)
    x = x ^ (x >> 7)
    x = x ^ (x << 17)
    if i % 1000 == 0 {
        keep[#keep + 1] = x
    }
}
print(x, #keep)                    // expect: 2658416250084589850\t20
print(keep[1], keep[10], keep[20]) // expect: 1363160026601443621\t-6473826064441503011\t2658416250084589850
s := 0
for i := 1; i <= #keep; i++ {
    s = s ^ (keep[i] | 1 << 60)
}
print(s, math.type(s))             // expect: 1085173405490216658\tinteger
