print('A', 'A' + 1, string.char('h', 'i'))   // expect: 65\t66\thi
