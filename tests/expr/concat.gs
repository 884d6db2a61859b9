// Concatenation (6.4): numbers converted by 4.3.4; right associative.
print(1 .. 2, "x" .. 1.5, "n=" .. -0.0, "v" .. 1e100)   // expect: 12\tx1.5\tn=-0.0\tv1e+100
print("a" .. "b" .. "c", 2.0 .. "", 10 .. "" == "10")   // expect: abc\t2.0\ttrue
print(math.mininteger .. "", math.maxinteger .. "!")    // expect: -9223372036854775808\t9223372036854775807!
print("" .. "", #("ab" .. "cd"), 1 / 0 .. "|")          // expect: \t4\tinf|
s := ""
for i := 1; i <= 5; i++ { s ..= i }
print(s)                                                // expect: 12345
print(("x"):rep(3) .. ("y"):rep(2))                     // expect: xxxyy
print("tab\t" .. "sep")                                 // expect: tab\tsep
print(3 .. 4 == "34", "a" .. 2 ** 3)                    // expect: true\ta8
