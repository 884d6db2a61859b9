// __eq, __lt, __le (8.2, 6.5): swapped operands for > and >=, boolean conversion, no
// __le fallback to __lt, __eq only for two distinct tables.
calls := {}
mt := {
    __eq: func(a, b) { calls[#calls + 1] = "eq"; return a.v == b.v && "yes" },
    __lt: func(a, b) { calls[#calls + 1] = "lt(" .. a.v .. "," .. b.v .. ")"; return a.v < b.v && 1 },
    __le: func(a, b) { calls[#calls + 1] = "le(" .. a.v .. "," .. b.v .. ")"; return a.v <= b.v },
}
a := setmetatable({v: 1}, mt)
b := setmetatable({v: 2}, mt)
c := setmetatable({v: 1}, mt)
print(a == c, a != c, a == b, a == a)         // expect: true\tfalse\tfalse\ttrue
print(table.concat(calls, " "))               // expect: eq eq eq
calls = {}
print(a < b, a > b, a <= b, a >= b)           // expect: true\tfalse\ttrue\tfalse
print(table.concat(calls, " "))               // expect: lt(1,2) lt(2,1) le(1,2) le(2,1)
print(a == 1, 1 == a, a == "x")               // expect: false\tfalse\tfalse
onlyRight := setmetatable({v: 1}, {})
print(onlyRight == a, a == onlyRight)         // expect: true\ttrue
onlyLt := setmetatable({}, {__lt: func() { return true }})
print(onlyLt < onlyLt)                        // expect: true
print(pcall(func() { return onlyLt <= onlyLt }))   // expect: false\tcompare_events.gs:22: attempt to compare two table values
num := setmetatable({}, {__lt: func(x, y) { return type(x) == "number" }})
print(1 < num, num < 1, num > 1)              // expect: true\tfalse\ttrue
print(rawequal(a, c))                         // expect: false
