print(utf8.char(72, 233, 8364), utf8.len("héllo"), #"héllo")   // expect: Hé€\t5\t6
for p, c := range utf8.codes("hé€") { io.write(p, ":", c, ";") }
print()                                                         // expect: 1:104;2:233;4:8364;
print(utf8.codepoint("héllo", 1, -1))                           // expect: 104\t233\t108\t108\t111
print(utf8.offset("héllo", 3), utf8.len("\xff"))               // expect: 4\tnil\t1
