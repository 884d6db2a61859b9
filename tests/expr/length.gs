// Length operator (6.7), len() builtin (12.1).
print(#"", #"abc", #"h\u00e9", #"\x00\x00")      // expect: 0\t3\t3\t2
print(#{}, #{1, 2, 3}, #{n: 3}, #{1, 2, x: 1})    // expect: 0\t3\t0\t2
t := {}
for i := 1; i <= 100; i++ { t[i] = i }
print(#t)                                         // expect: 100
t[#t] = nil
print(#t)                                         // expect: 99
t[#t + 1] = "x"
print(#t, t[100])                                 // expect: 100\tx
print(#{[1]: "a", [2]: "b"}, #{nil}, #{nil, nil})   // expect: 2\t0\t0
print(len("abc"), len({1, 2}), len(setmetatable({}, {__len: func() { return 7 }})))   // expect: 3\t2\t7
print(pcall(len, 5))                              // expect: false\tbad argument #1 to 'len' (string, table or channel expected, got number)
print(rawlen({1, 2}), rawlen("abcd"), rawlen(setmetatable({1}, {__len: func() { return 9 }})))   // expect: 2\t4\t1
