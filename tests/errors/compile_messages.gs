// Normative compile error messages (9.6), checked through load(): load returns fail and
// "CHUNK:LINE: MESSAGE"; chunk name "=c" displays as "c".
func ce(src) {
    f, msg := load(src, "=c")
    if f != nil { return "compiled!" }
    return msg
}
print(ce("const A = 1\nA = 2"))                         // expect: c:2: cannot assign to constant 'A'
print(ce("const A = 1\nA += 2"))                        // expect: c:2: cannot assign to constant 'A'
print(ce("const A = 1\nA++"))                           // expect: c:2: cannot assign to constant 'A'
print(ce("A = 0\nconst A = 1"))                         // expect: c:1: cannot assign to constant 'A'
print(ce("const A = 1\nA := 3"))                        // expect: c:2: cannot assign to constant 'A'
print(ce("const A = 1\nfunc A() {}"))                   // expect: c:2: cannot assign to constant 'A'
print(ce("{\n  const K = 1\n  K = 2\n}"))               // expect: c:3: cannot assign to constant 'K'
print(ce("func f() {\n  const K = 1\n  g := func() { K = 5 }\n}"))   // expect: c:3: cannot assign to constant 'K'
print(ce("func f() {\n  return ...\n}"))                // expect: c:2: cannot use '...' outside a vararg function
print(ce("x := _"))                                     // expect: c:1: cannot use _ as value
print(ce("print(_)"))                                   // expect: c:1: cannot use _ as value
print(ce("t := {}\nt.x := 1"))                          // expect: c:2: non-name on left side of :=
print(ce("x := 1\nx + 1"))                              // expect: c:2: syntax error: expression is not a statement
print(ce("x := 1\n\nx"))                                // expect: c:3: syntax error: expression is not a statement
print(ce("break"))                                      // expect: c:1: break is not in a loop, switch, or select
print(ce("if true {\n  continue\n}"))                   // expect: c:2: continue is not in a loop
print(ce("switch 1 {\ncase 1:\n  continue\n}"))         // expect: c:3: continue is not in a loop
print(ce("for {\n  break L\n}"))                        // expect: c:2: invalid break label L
print(ce("for {\n  continue M\n}"))                     // expect: c:2: invalid continue label M
print(ce("S:\nswitch 1 {\ncase 1:\n  for { continue S }\n}"))   // expect: c:4: invalid continue label S
print(ce("L:\nfor { break L }\nL:\nfor { break L }"))   // expect: c:3: label L already defined
print(ce("x := 1\nL: if true {}"))                       // expect: c:2: label must precede for, switch or select
print(ce("fallthrough"))                                // expect: c:1: fallthrough statement out of place
print(ce("switch 1 {\ncase 1:\n  if true { fallthrough }\ncase 2:\n}"))   // expect: c:3: fallthrough statement out of place
print(ce("switch 1 {\ncase 1:\ncase 2:\n  fallthrough\n}"))   // expect: c:4: cannot fallthrough final case in switch
print(ce("switch 1 {\ndefault:\ncase 1:\ndefault:\n}"))   // expect: c:4: multiple defaults in switch
print(ce("ch := make(chan)\nselect {\ndefault:\ndefault:\n}"))   // expect: c:4: multiple defaults in select
print(ce("go 1 + 2"))                                   // expect: c:1: expression in go must be function call
print(ce("\ndefer x"))                                  // expect: c:2: expression in defer must be function call
print(ce("goto done"))                                  // expect: c:1: goto is not supported
print(ce("func f(a, b, a) {}"))                         // expect: c:1: duplicate argument 'a'
print(ce("f := func(x, x) {}"))                         // expect: c:1: duplicate argument 'x'
print(ce("func f(_, _) { return 1 }"))                  // expect: compiled!
print(ce("A := 1\nA = 2\nconst B = 3"))                 // expect: compiled!
