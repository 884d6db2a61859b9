// Comments (2.2) and their effect on semicolon insertion.
x := 1 /* inline comment acts like a space */ + 2
print(x)                                         // expect: 3
y := 5 /* a comment containing
a newline acts like a newline */
print(y)                                         // expect: 5
z := 7 // line comment after a token inserts a semicolon
print(z)                                         // expect: 7
/* comments /* do not nest */
print("after")                                   // expect: after
s := "// inside a string" .. `/* raw */`
print(s)                                         // expect: // inside a string/* raw */
print(1 /**/ + /**/ 1)                           // expect: 2
