// Interpreted string escapes, raw strings (2.10).
print("tab:\tend")                               // expect: tab:\tend
print("\x41\102\u00e9" == "AB\xc3\xa9")          // expect: true
print("\a\b\f\v\r" == "\x07\x08\x0c\x0b\x0d")    // expect: true
print("\"q\" \\ \'")                             // expect: "q" \\ '
print(#"\U0001F600", "\u20ac", "\U000020AC")     // expect: 4\t€\t€
print(#"\000\377", string.byte("\377"), #"a\x00b")   // expect: 2\t255\t3
print("a\x00b" == "a\000b", "\x7a\x7A")          // expect: true\tzz
print(`C:\path\n`)                               // expect: C:\\path\\n
print(`it's "raw"`)                              // expect: it's "raw"
s := `line1
line2`
print(s, #s)
// expect: line1
// expect: line2\t11
print(#"h\u00e9", #"\u0000", "\u0041")           // expect: 3\t1\tA
print(#"\n", "x\ny")
// expect: 1\tx
// expect: y
