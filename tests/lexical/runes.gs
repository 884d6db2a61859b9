// Rune literals are integers (2.11).
print('a', '\n', '\t', '\\', '\'', '"')          // expect: 97\t10\t9\t92\t39\t34
print('é', '€', '\x41', '\101', '\u00e9', '\U0001F600')   // expect: 233\t8364\t65\t65\t233\t128512
print('A' + 1, string.char('h', 'i'), math.type('x'))     // expect: 66\thi\tinteger
print('\xff', '\377', '0')                       // expect: 255\t255\t48
