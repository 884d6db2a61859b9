print("tab:\tend")              // expect: tab:\tend
print("\x41\102\u00e9" == "AB\xc3\xa9")   // expect: true
print(`C:\path\n`)              // expect: C:\\path\\n
print(#"h\u00e9")               // expect: 3
