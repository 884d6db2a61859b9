// Non-normative parse errors: only "CHUNK:LINE:" is specified (9.6); inserted semicolons lie
// on the line of the token they follow; <eof> is on the last line.
func pos(src) {
    f, msg := load(src, "=c")
    if f != nil { return "compiled!" }
    i := string.find(msg, ":", 3, true)
    return string.sub(msg, 1, i)
}
print(pos("x := (2 + )"))                 // expect: c:1:
print(pos("x := 1\ny := (2 +\n)"))        // expect: c:3:
print(pos("if x {\n"))                    // expect: c:2:
print(pos("f(\n1,\n2"))                   // expect: c:3:
print(pos("x := \"abc"))                  // expect: c:1:
print(pos("x := 1\ny := 12ab"))           // expect: c:2:
print(pos("x := 1 ~ 2"))                  // expect: c:1:
print(pos("x := 010"))                    // expect: c:1:
print(pos("x := \"\\q\""))                // expect: c:1:
print(pos("x := ''"))                     // expect: c:1:
print(pos("x := 'ab'"))                   // expect: c:1:
print(pos("x := 1__0"))                   // expect: c:1:
print(pos("x := 0x"))                     // expect: c:1:
print(pos("x := 1\n@"))                   // expect: c:2:
print(pos("x := \"a\nb\""))               // expect: c:1:
print(pos("t := {obj:m()}"))              // expect: compiled!
print(pos("x := 1 +\n2"))                 // expect: compiled!
print(pos("x := 1\n+ 2"))                 // expect: c:2:
print(pos("a := 1\n.5"))                  // expect: c:2:
print(pos("x := a\n.b"))                  // expect: c:2:
