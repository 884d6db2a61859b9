// CRLF line endings are accepted (2.1): carriage return is whitespace.
x := 1 +
    2
print(x)      // expect: 3
if x == 3 {
    print("yes") // expect: yes
}
print(`a
b`)   // expect: a
// expect: b
