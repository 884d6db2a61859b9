// utf8.offset
s := "aé€😀b"
for n := -6; n <= 7; n++ { print("n", n, utf8.offset(s, n)) }
for i := 1; i <= #s + 1; i++ { print("i", i, utf8.offset(s, 0, i)) }
print(utf8.offset(s, 1, 2), utf8.offset(s, 2, 2), utf8.offset(s, -1, 4))
print(pcall(utf8.offset, s, 1, 3))
