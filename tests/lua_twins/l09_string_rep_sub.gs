// string.rep and string.sub edge cases
for n := -1; n <= 4; n++ { print("rep", n, "[" .. ("ab"):rep(n) .. "]", "[" .. ("ab"):rep(n, ",") .. "]", #("x"):rep(n * 10)) }
s := "abcdefgh"
idx := {-10, -8, -3, -1, 0, 1, 2, 5, 8, 9, 20}
for _, i := range ipairs(idx) {
    print(i, s:sub(i), s:sub(i, i), s:sub(1, i), s:sub(i, -2), s:sub(-i))
}
print(s:sub(3, 2), s:sub(0), s:sub(math.mininteger, math.maxinteger), "" .. ("x"):sub(2))
