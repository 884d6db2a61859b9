// rawget/rawset/rawequal/rawlen bypass metamethods
mt := {__index: func(t, k) { return "meta:" .. tostring(k) },
    __newindex: func(t, k, v) { rawset(t, k, "wrapped:" .. tostring(v)) },
    __eq: func() { return true },
    __len: func() { return 99 }}
a := setmetatable({}, mt)
b := setmetatable({}, mt)
a.x = 1
rawset(a, "y", 2)
print(a.x, a.y, a.z, rawget(a, "z"), rawget(a, "x"))
print(a == b, rawequal(a, b), rawequal(a, a), #a, rawlen(a))
for i := 1; i <= 5; i++ { rawset(a, i, i * i) }
print(#a, rawlen(a), a[3], a[6], rawget(a, 6))
print(rawequal("x", "x"), rawequal(1, 1.0), rawequal({}, {}), rawlen("hello"))
cnt := 0
for k, v := range pairs({rawget(a, 1), rawget(a, 2)}) { cnt = cnt + k * v }
print(cnt)
