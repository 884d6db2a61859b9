// Runtime error messages about operands, with variable information (6.2-6.9, 9.3, 9.5).
// Each failing operation is on the line of its expect directive.
g := nil
t := {}
print(pcall(func() { return g + 1 }))            // expect: false\toperand_messages.gs:5: attempt to perform arithmetic on a nil value (global 'g')
print(pcall(func() { l := {}; return l + 1 }))   // expect: false\toperand_messages.gs:6: attempt to perform arithmetic on a table value (local 'l')
{
    u := {}
    print(pcall(func() { return u * 2 }))         // expect: false\toperand_messages.gs:9: attempt to perform arithmetic on a table value (upvalue 'u')
}
print(pcall(func() { return t.x - 1 }))          // expect: false\toperand_messages.gs:11: attempt to perform arithmetic on a nil value (field 'x')
print(pcall(func(p) { return -p }, true))        // expect: false\toperand_messages.gs:12: attempt to perform arithmetic on a boolean value (local 'p')
print(pcall(func() { return "abc" * 2 }))        // expect: false\toperand_messages.gs:13: attempt to mul a 'string' with a 'number'
print(pcall(func() { return 2 / "x" }))          // expect: false\toperand_messages.gs:14: attempt to div a 'number' with a 'string'
print(pcall(func() { return "a" % 2 }))          // expect: false\toperand_messages.gs:15: attempt to mod a 'string' with a 'number'
print(pcall(func() { return 2 ** "b" }))         // expect: false\toperand_messages.gs:16: attempt to pow a 'number' with a 'string'
print(pcall(func() { return -"z" }))             // expect: false\toperand_messages.gs:17: attempt to unm a 'string' with a 'string'
print(pcall(func() { return "q" - 1 }))          // expect: false\toperand_messages.gs:18: attempt to sub a 'string' with a 'number'
print(pcall(func() { return {} + "x" }))         // expect: false\toperand_messages.gs:19: attempt to add a 'table' with a 'string'
print(pcall(func() { return g & 1 }))            // expect: false\toperand_messages.gs:20: attempt to perform bitwise operation on a nil value (global 'g')
print(pcall(func() { x := 1.5; return x | 0 }))  // expect: false\toperand_messages.gs:21: number (local 'x') has no integer representation
print(pcall(func() { return "3" & 1 }))          // expect: false\toperand_messages.gs:22: attempt to perform bitwise operation on a string value (constant '3')
print(pcall(func() { return 1 << t.k }))         // expect: false\toperand_messages.gs:23: attempt to perform bitwise operation on a nil value (field 'k')
print(pcall(func() { s := "x"; return s ^ 1 }))  // expect: false\toperand_messages.gs:24: attempt to perform bitwise operation on a string value (local 's')
print(pcall(func() { return ^{} }))              // expect: false\toperand_messages.gs:25: attempt to perform bitwise operation on a table value
print(pcall(func() { return 1e100 | 0 }))        // expect: false\toperand_messages.gs:26: number has no integer representation
print(pcall(func() { return 2.0 ** 53 | 0 }))    // expect: true\t9007199254740992
print(pcall(func() { b := true; return "a" .. b }))   // expect: false\toperand_messages.gs:28: attempt to concatenate a boolean value (local 'b')
print(pcall(func() { tt := {}; return tt .. "x" }))   // expect: false\toperand_messages.gs:29: attempt to concatenate a table value (local 'tt')
print(pcall(func() { return "x" .. t.y }))       // expect: false\toperand_messages.gs:30: attempt to concatenate a nil value (field 'y')
print(pcall(func() { return 1 .. g }))           // expect: false\toperand_messages.gs:31: attempt to concatenate a nil value (global 'g')
print(pcall(func() { n := 5; return #n }))       // expect: false\toperand_messages.gs:32: attempt to get length of a number value (local 'n')
print(pcall(func() { return #g }))               // expect: false\toperand_messages.gs:33: attempt to get length of a nil value (global 'g')
print(pcall(func() { return #t.z }))             // expect: false\toperand_messages.gs:34: attempt to get length of a nil value (field 'z')
print(pcall(func() { return g.x }))              // expect: false\toperand_messages.gs:35: attempt to index a nil value (global 'g')
print(pcall(func() { l := 5; return l.x }))      // expect: false\toperand_messages.gs:36: attempt to index a number value (local 'l')
print(pcall(func() { return t.a.b }))            // expect: false\toperand_messages.gs:37: attempt to index a nil value (field 'a')
print(pcall(func() { g.x = 1 }))                 // expect: false\toperand_messages.gs:38: attempt to index a nil value (global 'g')
print(pcall(func() { b := false; b[1] = 2 }))    // expect: false\toperand_messages.gs:39: attempt to index a boolean value (local 'b')
print(pcall(func() { g() }))                     // expect: false\toperand_messages.gs:40: attempt to call a nil value (global 'g')
print(pcall(func() { t.nofunc() }))              // expect: false\toperand_messages.gs:41: attempt to call a nil value (field 'nofunc')
print(pcall(func() { t:nomethod() }))            // expect: false\toperand_messages.gs:42: attempt to call a nil value (method 'nomethod')
print(pcall(func() { l := 5; l() }))             // expect: false\toperand_messages.gs:43: attempt to call a number value (local 'l')
{
    up := "s"
    print(pcall(func() { up() }))                 // expect: false\toperand_messages.gs:46: attempt to call a string value (upvalue 'up')
}
print(pcall(func() { return t.x.y.z }))          // expect: false\toperand_messages.gs:48: attempt to index a nil value (field 'x')
