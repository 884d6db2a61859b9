// Constant-left arithmetic (KADD/KSUB/KMUL/KDIV) and comparisons with integral float
// literals (immediate forms): results, metamethod argument order, error messages.
x := 3
y := 2.5
print(1 + x, 1 - x, 2 * x, 1 / x == 1 / 3)                // expect: 4\t-2\t6\ttrue
print(1.5 + x, 0.5 - y, 2.0 * y, 1.0 / y, 6 / x)          // expect: 4.5\t-2.0\t5.0\t0.4\t2.0
print(1 + "2", 2 * "0x10", 10 - "2.5", 1 / "4")           // expect: 3\t32\t7.5\t0.25
big := math.maxinteger
print(1 + big == math.mininteger, 2 * big, 0 - math.mininteger == math.mininteger)   // expect: true\t-2\ttrue
print(3 - 140737488355328, 140737488355327 + 1)          // expect: -140737488355325\t140737488355328
func nm(v) { if type(v) == "table" { return "t" }; return tostring(v) .. ":" .. math.type(v) }
mt := {__add: func(a, b) { return "add(" .. nm(a) .. "," .. nm(b) .. ")" },
    __sub: func(a, b) { return "sub(" .. nm(a) .. "," .. nm(b) .. ")" },
    __mul: func(a, b) { return "mul(" .. nm(a) .. "," .. nm(b) .. ")" },
    __div: func(a, b) { return "div(" .. nm(a) .. "," .. nm(b) .. ")" },
    __le: func(a, b) { print("le", nm(a), nm(b)); return false }}
t := setmetatable({}, mt)
print(1 + t, 2.0 - t, 3 * t, 1.5 / t)                    // expect: add(1:integer,t)\tsub(2.0:float,t)\tmul(3:integer,t)\tdiv(1.5:float,t)
print(pcall(func() { return 2 * "abc" }))                // expect: false\tconst_operands.gs:19: attempt to mul a 'number' with a 'string'
print(pcall(func() { return 1.0 / {} }))                 // expect: false\tconst_operands.gs:20: attempt to perform arithmetic on a table value
z := nil
print(pcall(func() { return 1 - z }))                    // expect: false\tconst_operands.gs:22: attempt to perform arithmetic on a nil value (global 'z')

// Integral float literals in order comparisons: numbers compare by value, metamethods
// see the float.
print(y > 2.0, y >= 3.0, x < 3.0, x <= 3.0, 4.0 > x, -1.0 < y)   // expect: true\tfalse\tfalse\ttrue\ttrue\ttrue
print(2 ** 53 < 9007199254740992.0, math.maxinteger < 2.0 ** 63)  // expect: false\ttrue
print(t <= 4.0, 4.0 <= t, t >= 2)
// expect: le	t	4.0:float
// expect: le	4.0:float	t
// expect: le	2:integer	t
// expect: false	false	false
print(pcall(func() { return "a" < 1.0 }))                // expect: false\tconst_operands.gs:33: attempt to compare string with number
nan := 0 / 0
print(nan < 1.0, nan >= 1.0, -0.0 < 0.0, 0.0 <= -0.0)    // expect: false\tfalse\tfalse\ttrue
