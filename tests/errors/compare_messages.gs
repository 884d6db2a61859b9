// Comparison errors (6.5): no variable information; > and >= swap operands.
g := nil
print(pcall(func() { return {} < {} }))          // expect: false\tcompare_messages.gs:3: attempt to compare two table values
print(pcall(func() { return 1 < g }))            // expect: false\tcompare_messages.gs:4: attempt to compare number with nil
print(pcall(func() { return g <= 1 }))           // expect: false\tcompare_messages.gs:5: attempt to compare nil with number
print(pcall(func() { return "a" < 1 }))          // expect: false\tcompare_messages.gs:6: attempt to compare string with number
print(pcall(func() { return "a" > 1 }))          // expect: false\tcompare_messages.gs:7: attempt to compare number with string
print(pcall(func() { return 1 >= "a" }))         // expect: false\tcompare_messages.gs:8: attempt to compare string with number
print(pcall(func() { return {} < 1 }))           // expect: false\tcompare_messages.gs:9: attempt to compare table with number
print(pcall(func() { return true > false }))     // expect: false\tcompare_messages.gs:10: attempt to compare two boolean values
print(pcall(func() { return print < print }))    // expect: false\tcompare_messages.gs:11: attempt to compare two function values
print(pcall(func() { return nil > 0 }))          // expect: false\tcompare_messages.gs:12: attempt to compare number with nil
// equality never raises
print({} == {}, 1 == "1", nil == false, print == print)   // expect: false\tfalse\tfalse\ttrue
