// Arithmetic, bitwise, concat, unary metamethods (8.2): called with (a, b), left operand's
// metatable first, then the right one's; first result used.
mt := {}
for _, ev := range {"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__band", "__bor", "__bxor", "__shl", "__shr", "__concat"} {
    name := ev
    mt[ev] = func(a, b) {
        sa := type(a) == "table" && "T" || tostring(a)
        sb := type(b) == "table" && "T" || tostring(b)
        return name .. "(" .. sa .. "," .. sb .. ")", "ignored"
    }
}
mt.__unm = func(a, b) { return "unm", rawequal(a, b) }
mt.__bnot = func(a, b) { return "bnot" .. tostring(rawequal(a, b)) }
o := setmetatable({}, mt)
print(o + 1, 2 - o, o * o)                    // expect: __add(T,1)\t__sub(2,T)\t__mul(T,T)
print(o / 2, o % 3, o ** 4)                   // expect: __div(T,2)\t__mod(T,3)\t__pow(T,4)
print(o & 1, 1 | o, o ^ 2, o << 1, 1 >> o)    // expect: __band(T,1)\t__bor(1,T)\t__bxor(T,2)\t__shl(T,1)\t__shr(1,T)
print(o .. "s", "s" .. o, 1 .. o)             // expect: __concat(T,s)\t__concat(s,T)\t__concat(1,T)
print(-o, ^o)                                 // expect: unm\tbnottrue
print("10" + o, o + "x")                      // expect: __add(10,T)\t__add(T,x)
print(1.5 & o, o | 2.5)                       // expect: __band(1.5,T)\t__bor(T,2.5)
x := o
x += 5
print(x)                                      // expect: __add(T,5)
s := "a"
s ..= o
print(s)                                      // expect: __concat(a,T)
print("x" .. "y" .. o)                        // expect: x__concat(y,T)
left := setmetatable({}, {__add: func(a, b) { return "left" }})
right := setmetatable({}, {__add: func(a, b) { return "right" }})
print(left + right, right + left)             // expect: left\tright
empty := setmetatable({}, {})
print(empty + left)                           // expect: left
print(pcall(func() { return empty + 1 }))     // expect: false\tarith_events.gs:34: attempt to perform arithmetic on a table value (global 'empty')
